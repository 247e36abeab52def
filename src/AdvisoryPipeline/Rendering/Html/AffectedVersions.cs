using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// The affected and the fixed versions of a package as table cells: the intervals of its ranges as comparison text,
/// a GIT range's commits in words ("introduced in a222bb21279c"), each commit by its short hash and linked to the
/// repository where its URL is known (the full hash in the link and its title); the explicitly listed versions folded
/// into a disclosure (there can be hundreds) that works without script.
/// </summary>
internal static class AffectedVersions
{
    public static void Write(HtmlWriter html, AffectedPackageView affected)
    {
        html.Open("span", ("class", "versions"));
        if (affected.Ranges.Count == 0)
        {
            // Without ranges the listed versions are the whole answer.
            html.Text(affected.AffectedText).Close("span");
            return;
        }
        for (var i = 0; i < affected.Ranges.Count; i++)
        {
            if (i > 0) html.Text("; ");
            foreach (var part in affected.Ranges[i].Parts)
            {
                if (part.Commit is { } commit) Commit(html, commit);
                else html.Text(part.Text);
            }
        }
        html.Close("span");
        if (affected.ExplicitVersions.Count == 0) return;
        html.Open("details", ("class", "listed-versions"))
            .Element("summary", affected.ExplicitVersions.Count == 1 ? "1 listed version" : $"{affected.ExplicitVersions.Count} listed versions")
            .Element("p", string.Join(", ", affected.ExplicitVersions))
            .Close("details");
    }

    /// <summary>The fixed versions and fixing commits of one or several entries of a package, or "no fix".</summary>
    public static void WriteFixed(HtmlWriter html, IEnumerable<AffectedPackageView> entries)
    {
        var ranges = entries.SelectMany(e => e.Ranges).ToList();
        var versions = ranges.Where(r => !r.IsGit).SelectMany(r => r.Fixed).Distinct(StringComparer.Ordinal).ToList();
        var commits = ranges.SelectMany(r => r.FixedCommits).DistinctBy(c => c.Sha, StringComparer.Ordinal).ToList();
        if (versions.Count == 0 && commits.Count == 0)
        {
            html.Text("no fix");
            return;
        }
        html.Open("span", ("class", "versions")).Text(string.Join(", ", versions));
        for (var i = 0; i < commits.Count; i++)
        {
            if (i > 0 || versions.Count > 0) html.Text(", ");
            Commit(html, commits[i]);
        }
        html.Close("span");
    }

    private static void Commit(HtmlWriter html, CommitLink commit)
    {
        if (commit.Url is { } url && SafeUrl.TryNormalize(url, out var href))
            html.Open("a", ("href", href), ("rel", DetailsRenderer.ExternalLinkRel), ("title", commit.Sha))
                .Element("code", commit.ShortSha, ("class", "commit")).Close("a");
        else
            html.Element("code", commit.ShortSha, ("class", "commit"), ("title", commit.Sha));
    }
}
