using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Presentation;

/// <summary>
/// One row of the "affected packages" table: a package (or repository) and, per range, the affected
/// versions as comparison text (<c>&gt;= 1.0, &lt; 1.2.3</c>) or, for GIT ranges, the commits by role, and the
/// fixed versions or commits.
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

    /// <summary>
    /// The name people use for the package: its name, or for a GIT package (named by its repository URL) the
    /// repository's last path segment without ".git".
    /// </summary>
    public string ShortName
    {
        get
        {
            if (Ecosystem != "GIT") return Package;
            var name = Package.TrimEnd('/');
            name = name[(name.LastIndexOf('/') + 1)..];
            return name.EndsWith(".git", StringComparison.Ordinal) ? name[..^4] : name;
        }
    }

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

/// <summary>
/// One range of a package: its type, intervals, fixed versions, and for GIT ranges the commits by role. Commits have
/// no order without the repository, so a GIT range is never shown as a comparison ("&lt; a222bb21279c"): it reads
/// "introduced in a222bb21279c" (or "since the first commit"), and its fixes are listed, each one linked.
/// </summary>
public sealed record AffectedRangeView(
    string Type,
    string? Repo,
    IReadOnlyList<VersionInterval> Intervals,
    IReadOnlyList<string> Fixed)
{
    public bool IsGit => Type == "GIT";

    /// <summary>The commits that introduced the flaw ("0", the first commit, left out), in the authored order.</summary>
    public IReadOnlyList<string> IntroducedCommits { get; init; } = [];

    public IReadOnlyList<string> LastAffectedCommits { get; init; } = [];

    public IReadOnlyList<string> LimitCommits { get; init; } = [];

    /// <summary>The affected versions as words and versions (or commits), for each output to lay out and link.</summary>
    public IReadOnlyList<RangeTextPart> Parts => IsGit ? GitParts() : [new RangeTextPart(FormatAffected(version => version))];

    /// <summary>The affected versions as plain text: commits by their short hash.</summary>
    public string AffectedText => string.Concat(Parts.Select(part => part.Commit?.ShortSha ?? part.Text));

    /// <summary>The fixing versions; for a GIT range, the fixing commits with their links.</summary>
    public IReadOnlyList<CommitLink> FixedCommits => IsGit ? [.. Fixed.Select(sha => CommitLink.For(Repo, sha))] : [];

    /// <summary>
    /// The intervals joined with " or ", every version passed through <paramref name="formatVersion"/> (to escape
    /// it for an output format). Not for GIT ranges, whose commits have no order: see <see cref="Parts"/>.
    /// </summary>
    public string FormatAffected(Func<string, string> formatVersion) => Intervals.Count == 0
        ? "no versions"
        : string.Join(" or ", Intervals.Select(i => i.ToComparisonText(formatVersion)));

    private List<RangeTextPart> GitParts()
    {
        var parts = new List<RangeTextPart>();
        var ended = Fixed.Count > 0 || LastAffectedCommits.Count > 0 || LimitCommits.Count > 0;
        if (IntroducedCommits.Count > 0) AddCommits(parts, "introduced in ", IntroducedCommits);
        else parts.Add(new RangeTextPart(ended ? "since the first commit" : "all commits"));
        if (LastAffectedCommits.Count > 0) AddCommits(parts, ", up to and including ", LastAffectedCommits);
        if (LimitCommits.Count > 0) AddCommits(parts, ", up to ", LimitCommits);
        if (!ended && IntroducedCommits.Count > 0) parts.Add(new RangeTextPart(", not fixed"));
        return parts;
    }

    private void AddCommits(List<RangeTextPart> parts, string words, IReadOnlyList<string> commits)
    {
        parts.Add(new RangeTextPart(words));
        for (var i = 0; i < commits.Count; i++)
        {
            if (i > 0) parts.Add(new RangeTextPart(", "));
            var commit = CommitLink.For(Repo, commits[i]);
            parts.Add(new RangeTextPart(commit.ShortSha, commit));
        }
    }

    public static AffectedRangeView From(OsvRange range, string ecosystem) =>
        new(range.Type, range.Repo, AffectedIntervals.Of(range, ecosystem), AffectedIntervals.FixedVersions(range, ecosystem))
        {
            IntroducedCommits = [.. range.Events.Select(e => e.Introduced).OfType<string>().Where(sha => sha != "0").Distinct(StringComparer.Ordinal)],
            LastAffectedCommits = [.. range.Events.Select(e => e.LastAffected).OfType<string>().Distinct(StringComparer.Ordinal)],
            LimitCommits = [.. range.Events.Select(e => e.Limit).OfType<string>().Where(sha => sha != "*").Distinct(StringComparer.Ordinal)],
        };
}

/// <summary>A piece of a range's text: words, a version, or a commit (shown by its short hash, linked where known).</summary>
public sealed record RangeTextPart(string Text, CommitLink? Commit = null);
