using System.Text.RegularExpressions;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Lifecycle;

/// <summary>
/// The two GitHub Actions workflows that <c>advisory init</c> writes into an adopting repository. Both call the
/// tool through this project's GitHub Action (<c>action.yml</c>), which installs the released tool package: the
/// repository never builds the tool. The pull-request workflow validates (annotations on the YAML lines), checks
/// the history against the target branch and previews the changed advisories in the job summary; the publish
/// workflow assigns IDs on merge, publishes the OSV records to the repository's <c>osv</c> branch (the ledger of
/// their timestamps, kept between runs), renders the site and deploys it to GitHub Pages when the repository turns
/// that on.
/// </summary>
public static partial class AdopterWorkflows
{
    /// <summary>The action as released: this repository on GitHub, at the major version of the tool package.</summary>
    public const string DefaultAction = "tessera-project/advisory-pipeline@v1";

    public const string PullRequestPath = ".github/workflows/advisories-pr.yml";

    public const string PublishPath = ".github/workflows/advisories-publish.yml";

    /// <summary>The branch of the repository that holds the published OSV records.</summary>
    public const string RecordsBranch = "osv";

    /// <param name="action">The <c>uses:</c> reference of the action, e.g. <see cref="DefaultAction"/>.</param>
    /// <param name="folder">The advisory folder (see <see cref="DatabaseScaffoldRequest.AdvisoryFolder"/>).</param>
    public static string PullRequest(string action, string folder = DatabaseFiles.AdvisoryFolder) => $$$"""
        # Every pull request: validate the advisories (annotations on the YAML lines), check them against the target
        # branch's history (no advisory deleted, no published date changed), and preview the changed advisories, their
        # page and announcement, in the job summary. Written by `advisory init`.
        name: Advisories

        on:
          pull_request:
            branches: [main]

        # Read-only: a pull request (possibly from a fork) never writes anywhere.
        permissions:
          contents: read

        concurrency:
          group: advisories-${{ github.event.pull_request.number }}
          cancel-in-progress: true

        jobs:
          advisories:
            name: Validate and preview
            runs-on: ubuntu-latest
            timeout-minutes: 15
            steps:
              # Full history: the history check and the preview compare with the target branch.
              - name: Check out
                uses: actions/checkout@v4
                with:
                  fetch-depth: 0

              # Installs the advisory tool (a .NET tool package) and runs it. Placeholder IDs are shown in the
              # preview (they are assigned on merge); embargoed advisories never are.
              - name: Validate, check the history, preview
                uses: {{{action}}}
                with:
                  command: validate {{{FolderArgument(folder)}}}--format github
                  base: origin/${{ github.base_ref }}
                  preview: "true"{{{FolderInput(folder)}}}

        """;

    /// <param name="action">The <c>uses:</c> reference of the action, e.g. <see cref="DefaultAction"/>.</param>
    /// <param name="folder">The advisory folder (see <see cref="DatabaseScaffoldRequest.AdvisoryFolder"/>).</param>
    public static string Publish(string action, string folder = DatabaseFiles.AdvisoryFolder) => $$$"""
        # On merge to main: give new advisories their IDs, publish their OSV records to the branch {{{RecordsBranch}}} of this
        # repository (one commit per change; it keeps the timestamps each record was published with, and anyone can
        # read the records there), render the site, keep the announcement mails as an artifact, and deploy the site to
        # GitHub Pages when the repository variable ADVISORY_PAGES is "true" (Settings, Pages, Source: GitHub Actions).
        # Written by `advisory init`.
        name: Publish advisories

        on:
          push:
            branches: [main]
          workflow_dispatch:

        permissions:
          contents: read

        # Two publishes never run at once: the second waits, and is never cancelled half-way.
        concurrency:
          group: advisories-publish
          cancel-in-progress: false

        jobs:
          publish:
            name: Assign IDs, publish, render
            runs-on: ubuntu-latest
            timeout-minutes: 30
            permissions:
              contents: write       # commit the assigned IDs to main, push the records to {{{RecordsBranch}}}
              pull-requests: write  # or propose the IDs in a pull request when main is protected
            steps:
              # Full history: assign-ids reads what is already there; the published records are on another branch.
              - name: Check out
                uses: actions/checkout@v4
                with:
                  fetch-depth: 0

              - name: Assign IDs
                uses: {{{action}}}
                with:
                  command: assign-ids{{{DirOption(folder)}}}

              # A protected main refuses the push; the IDs then go to a pull request, and the advisories that still
              # have placeholders are left out of this publish (placeholders are never published).
              - name: Commit the assigned IDs
                env:
                  GH_TOKEN: ${{ github.token }}
                run: |
                  if [ -n "$(git status --porcelain -- {{{folder}}})" ]; then
                    git config user.name "advisory-bot"
                    git config user.email "advisory-bot@users.noreply.github.com"
                    git add -- {{{folder}}}
                    git commit -m "Assign advisory IDs"
                    if ! git push origin HEAD:main; then
                      branch="advisory-ids/${GITHUB_SHA::12}"
                      git push origin "HEAD:refs/heads/$branch"
                      gh pr create --base main --head "$branch" --title "Assign advisory IDs" \
                        --body "Placeholder IDs replaced by \`advisory assign-ids\` after $GITHUB_SHA."
                    fi
                  fi

              - name: Validate
                uses: {{{action}}}
                with:
                  command: validate {{{FolderArgument(folder)}}}--format github

              # The records published so far, and so the timestamps they were published with.
              - name: Fetch the published records
                run: |
                  if git rev-parse --verify --quiet refs/remotes/origin/{{{RecordsBranch}}} >/dev/null; then
                    git branch --force {{{RecordsBranch}}} origin/{{{RecordsBranch}}}
                  fi

              # One commit on {{{RecordsBranch}}} for what changed (none when nothing did), then the site, Markdown pages
              # and mails from the records as published.
              - name: Publish and render
                uses: {{{action}}}
                with:
                  command: run {{{FolderArgument(folder)}}}--target git:.#{{{RecordsBranch}}} --out out

              - name: Push the published records
                run: |
                  if git rev-parse --verify --quiet refs/heads/{{{RecordsBranch}}} >/dev/null; then
                    git push origin {{{RecordsBranch}}}
                  fi

              - name: Keep the announcement mails
                uses: actions/upload-artifact@v4
                with:
                  name: announcement-mails
                  path: out/mail

              - name: Upload the site
                uses: actions/upload-pages-artifact@v3
                with:
                  path: out/site

          pages:
            name: Deploy the site
            needs: publish
            if: ${{ vars.ADVISORY_PAGES == 'true' }}
            runs-on: ubuntu-latest
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - name: Deploy to GitHub Pages
                id: deployment
                uses: actions/deploy-pages@v4

        """;

    // The usual folder is every command's default: the workflows name only another one.
    private static string FolderArgument(string folder) => folder == DatabaseFiles.AdvisoryFolder ? "" : folder + " ";

    private static string DirOption(string folder) => folder == DatabaseFiles.AdvisoryFolder ? "" : " --dir " + folder;

    private static string FolderInput(string folder) =>
        folder == DatabaseFiles.AdvisoryFolder ? "" : "\n          folder: " + folder;

    /// <summary>
    /// Whether <paramref name="reference"/> can stand after <c>uses:</c>: OWNER/REPO[/PATH]@REF as GitHub spells them, or
    /// ./PATH for an action in the repository itself (nothing that could end the YAML line or start another key).
    /// </summary>
    public static bool IsActionReference(string reference) => ActionReference().IsMatch(reference);

    [GeneratedRegex(@"^([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*@[A-Za-z0-9_./-]+|\./([A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex ActionReference();
}
