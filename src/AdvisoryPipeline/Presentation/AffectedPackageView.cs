using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Presentation;

/// <summary>
/// One row of the "affected packages" table: a package (or repository) and, per range, the affected
/// versions as comparison text (<c>&gt;= 1.0, &lt; 1.2.3</c>) and the fixed versions.
/// </summary>
public sealed record AffectedPackageView(
    string Ecosystem,
    string Package,
    string? Purl,
    IReadOnlyList<AffectedRangeView> Ranges,
    IReadOnlyList<string> ExplicitVersions,
    IReadOnlyList<SeverityView> Severities)
{
    /// <summary>All ranges' affected text joined; "all versions" when the package has no range at all.</summary>
    public string AffectedText =>
        Ranges.Count == 0
            ? ExplicitVersions.Count > 0 ? string.Join(", ", ExplicitVersions) : "all versions"
            : string.Join("; ", Ranges.Select(r => r.AffectedText));

    public IReadOnlyList<string> FixedVersions => [.. Ranges.SelectMany(r => r.Fixed).Distinct(StringComparer.Ordinal)];

    public static AffectedPackageView From(OsvAffected affected)
    {
        var ecosystem = affected.Package?.Ecosystem ?? "";
        var ranges = (affected.Ranges ?? []).Select(r => AffectedRangeView.From(r, ecosystem)).ToArray();
        return new AffectedPackageView(
            ecosystem,
            affected.Package?.Name ?? "",
            affected.Package?.Purl,
            ranges,
            affected.Versions ?? [],
            [.. (affected.Severity ?? []).Select(SeverityView.From)]);
    }
}

/// <summary>One range of a package: its type, intervals, fixed versions, and commit links for GIT ranges.</summary>
public sealed record AffectedRangeView(
    string Type,
    string? Repo,
    IReadOnlyList<VersionInterval> Intervals,
    IReadOnlyList<string> Fixed)
{
    public bool IsGit => Type == "GIT";

    /// <summary>The intervals joined with " or "; for GIT ranges the commits are shortened.</summary>
    public string AffectedText => FormatAffected(version => IsGit ? CommitLink.For(null, version).ShortSha : version);

    /// <summary>
    /// The intervals joined with " or ", every version or full commit hash passed through
    /// <paramref name="formatVersion"/> (to escape it, or to link a commit).
    /// </summary>
    public string FormatAffected(Func<string, string> formatVersion) => Intervals.Count == 0
        ? "no versions"
        : string.Join(" or ", Intervals.Select(i => i.ToComparisonText(formatVersion)));

    /// <summary>Links for every commit the range names (introduced, fixed, last affected, limit).</summary>
    public IReadOnlyList<CommitLink> Commits => IsGit
        ? [.. Intervals.SelectMany(i => new[] { i.Introduced, i.Fixed, i.LastAffected, i.Limit })
            .OfType<string>().Distinct(StringComparer.Ordinal).Select(sha => CommitLink.For(Repo, sha))]
        : [];

    public static AffectedRangeView From(OsvRange range, string ecosystem) =>
        new(range.Type, range.Repo, AffectedIntervals.Of(range, ecosystem), AffectedIntervals.FixedVersions(range, ecosystem));
}
