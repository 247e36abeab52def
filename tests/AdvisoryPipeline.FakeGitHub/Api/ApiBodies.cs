using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AdvisoryPipeline.FakeGitHub.Git;
using AdvisoryPipeline.Osv.Cvss;
using AdvisoryPipeline.Osv.Identifiers;
using AdvisoryPipeline.Publishing;

namespace AdvisoryPipeline.FakeGitHub.Api;

/// <summary>
/// Builds response bodies from the fake's state, with URLs under the server's base address so that a client
/// following <c>url</c> fields stays on the fake.
/// </summary>
internal sealed class ApiBodies(Uri baseUri)
{
    private readonly string _api = baseUri.AbsoluteUri.TrimEnd('/');

    public string RepoUrl(FakeRepository repo) => $"{_api}/repos/{repo.FullName}";

    private string HtmlUrl(FakeRepository repo) => $"{_api}/{repo.FullName}";

    public UserBody User(string login) => new(
        login,
        Id: StableId(login),
        NodeId: NodeId("U", login),
        AvatarUrl: $"{_api}/avatars/{login}",
        Url: $"{_api}/users/{login}",
        HtmlUrl: $"{_api}/{login}",
        Type: "User",
        SiteAdmin: false);

    public RepositoryBody Repository(FakeRepository repo) => new(
        repo.Id,
        NodeId("R", repo.FullName),
        repo.Name,
        repo.FullName,
        Private: true,
        Owner: User(repo.Owner),
        HtmlUrl: HtmlUrl(repo),
        Description: null,
        Fork: false,
        Url: RepoUrl(repo),
        GitRefsUrl: RepoUrl(repo) + "/git/refs{/sha}",
        PullsUrl: RepoUrl(repo) + "/pulls{/number}",
        DefaultBranch: repo.DefaultBranch,
        Visibility: "private",
        Archived: false,
        Disabled: false,
        CreatedAt: GitHubTimestamp.Format(repo.CreatedAt),
        UpdatedAt: GitHubTimestamp.Format(repo.CreatedAt),
        PushedAt: GitHubTimestamp.Format(repo.Now),
        Permissions: new PermissionsBody(Admin: true, Maintain: true, Push: true, Triage: true, Pull: true));

    public RefBody Ref(FakeRepository repo, string fullRef, string sha, string objectType) => new(
        fullRef,
        NodeId("REF", repo.FullName + ":" + fullRef),
        $"{RepoUrl(repo)}/git/{fullRef}",
        new RefObjectBody(sha, objectType, $"{RepoUrl(repo)}/git/{objectType}s/{sha}"));

    public BlobCreatedBody BlobCreated(FakeRepository repo, GitBlob blob) => new(blob.Sha, BlobUrl(repo, blob.Sha));

    public BlobBody Blob(FakeRepository repo, GitBlob blob) => new(
        blob.Sha,
        NodeId("B", repo.FullName + ":" + blob.Sha),
        blob.Size,
        BlobUrl(repo, blob.Sha),
        WrapBase64(Convert.ToBase64String(blob.Body)),
        "base64");

    public TreeBody Tree(FakeRepository repo, string treeSha, IEnumerable<(string Path, GitTreeEntry Entry, long? Size)> items, bool truncated) => new(
        treeSha,
        $"{RepoUrl(repo)}/git/trees/{treeSha}",
        [.. items.Select(i => new TreeItemBody(
            i.Path,
            ApiMode(i.Entry.Mode),
            i.Entry.ObjectType,
            i.Entry.Sha,
            i.Size,
            $"{RepoUrl(repo)}/git/{i.Entry.ObjectType}s/{i.Entry.Sha}"))],
        truncated);

    public CommitBody Commit(FakeRepository repo, GitCommit commit) => new(
        commit.Sha,
        NodeId("C", repo.FullName + ":" + commit.Sha),
        $"{RepoUrl(repo)}/git/commits/{commit.Sha}",
        $"{HtmlUrl(repo)}/commit/{commit.Sha}",
        Signature(commit.Author),
        Signature(commit.Committer),
        commit.Message,
        new ShaUrlBody(commit.TreeSha, $"{RepoUrl(repo)}/git/trees/{commit.TreeSha}"),
        [.. commit.ParentShas.Select(p => new ParentBody(p, $"{RepoUrl(repo)}/git/commits/{p}", $"{HtmlUrl(repo)}/commit/{p}"))],
        new VerificationBody(Verified: false, Reason: "unsigned", Signature: null, Payload: null, VerifiedAt: null));

    public PullRequestBody PullRequest(FakeRepository repo, PullRequestRecord pull)
    {
        var created = GitHubTimestamp.Format(pull.CreatedAt);
        return new PullRequestBody(
            Url: $"{RepoUrl(repo)}/pulls/{pull.Number}",
            Id: pull.Id,
            NodeId: NodeId("PR", repo.FullName + "#" + pull.Number),
            HtmlUrl: $"{HtmlUrl(repo)}/pull/{pull.Number}",
            Number: pull.Number,
            State: pull.State,
            Locked: false,
            Title: pull.Title,
            User: User(pull.AuthorLogin),
            Body: pull.Body,
            CreatedAt: created,
            UpdatedAt: created,
            ClosedAt: null,
            MergedAt: null,
            MergeCommitSha: null,
            Head: PullRef(repo, pull.HeadBranch),
            Base: PullRef(repo, pull.BaseBranch),
            Draft: pull.Draft,
            Merged: false,
            Mergeable: null,
            MergeableState: "unknown",
            Comments: 0,
            Commits: 0,
            Additions: 0,
            Deletions: 0,
            ChangedFiles: 0,
            MaintainerCanModify: false);
    }

    public AdvisoryOutBody Advisory(FakeRepository repo, SecurityAdvisoryRecord advisory)
    {
        var identifiers = new List<IdentifierBody> { new(advisory.GhsaId, "GHSA") };
        if (advisory.CveId is not null)
            identifiers.Add(new IdentifierBody(advisory.CveId, "CVE"));
        return new AdvisoryOutBody(
            advisory.GhsaId,
            advisory.CveId,
            Url: $"{RepoUrl(repo)}/security-advisories/{advisory.GhsaId}",
            HtmlUrl: $"{HtmlUrl(repo)}/security/advisories/{advisory.GhsaId}",
            advisory.Summary,
            advisory.Description,
            advisory.Severity,
            Author: User(advisory.AuthorLogin),
            Publisher: advisory.PublishedAt is null ? null : User(advisory.AuthorLogin),
            identifiers,
            advisory.State,
            GitHubTimestamp.Format(advisory.CreatedAt),
            GitHubTimestamp.Format(advisory.UpdatedAt),
            GitHubTimestamp.Format(advisory.PublishedAt),
            GitHubTimestamp.Format(advisory.ClosedAt),
            WithdrawnAt: null,
            Submission: null,
            advisory.Vulnerabilities,
            Cvss(advisory.CvssVectorString, version => version != CvssVersion.V4_0),
            new CvssSeveritiesBody(Cvss(advisory.CvssVectorString, version => version != CvssVersion.V4_0), Cvss(advisory.CvssVectorString, version => version == CvssVersion.V4_0)),
            [.. advisory.CweIds.Select(id => new CweBody(id, Name: null))],
            advisory.CweIds,
            advisory.Credits,
            [.. advisory.Credits.Where(c => c.Login is not null).Select(c => new CreditDetailedBody(User(c.Login!), c.Type ?? "other", "pending"))],
            CollaboratingUsers: [],
            CollaboratingTeams: [],
            PrivateFork: null);
    }

    /// <summary>The vector and its score when its version is one <paramref name="holds"/>, else nulls.</summary>
    private static CvssBody Cvss(string? vector, Func<CvssVersion, bool> holds) =>
        vector is not null && CvssParser.TryParse(vector, out var parsed, out _) && holds(parsed.Version)
            ? new CvssBody(vector, (double)parsed.Score().BaseScore)
            : new CvssBody(null, null);

    private PullRefBody PullRef(FakeRepository repo, string branch) => new(
        $"{repo.Owner}:{branch}",
        branch,
        repo.HeadOf(branch) ?? "",
        User(repo.Owner),
        Repository(repo));

    private string BlobUrl(FakeRepository repo, string sha) => $"{RepoUrl(repo)}/git/blobs/{sha}";

    private static SignatureOutBody Signature(GitSignature signature) =>
        new(signature.Name, signature.Email, GitHubTimestamp.Format(signature.When));

    /// <summary>The API spells a directory's mode with six digits ("040000"); git's tree object does not.</summary>
    private static string ApiMode(string gitMode) => gitMode.PadLeft(6, '0');

    /// <summary>GitHub's base64 blob content is broken into lines of 60 characters, each ending in '\n'.</summary>
    private static string WrapBase64(string base64)
    {
        var wrapped = new StringBuilder(base64.Length + base64.Length / 60 + 1);
        for (var i = 0; i < base64.Length; i += 60)
            wrapped.Append(base64.AsSpan(i, Math.Min(60, base64.Length - i))).Append('\n');
        return wrapped.ToString();
    }

    private static string NodeId(string kind, string key) =>
        kind + "_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A positive id derived from the login, so the same user always has the same id.</summary>
    private static long StableId(string login) =>
        (long)(BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(login))) >> 16);
}
