using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Osv;

/// <summary>
/// Evaluates a range's events the way the OSV specification describes: sorted by the ecosystem's version
/// order, an <c>introduced</c> opens an interval, a <c>fixed</c>, <c>last_affected</c> or <c>limit</c>
/// closes the open one. GIT ranges, and ecosystems whose version order is unknown, keep the authored order:
/// commits have no order without the repository, and a guessed order would be worse than the author's.
/// </summary>
public static class AffectedIntervals
{
    public static IReadOnlyList<VersionInterval> Of(OsvRange range, string? ecosystem)
    {
        var events = Ordered(range, ecosystem);
        var intervals = new List<VersionInterval>();
        string? openedAt = null;
        var open = false;
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case OsvEventKind.Introduced when !open:
                    open = true;
                    openedAt = e.Version == "0" ? null : e.Version;
                    break;
                case OsvEventKind.Fixed when open:
                    intervals.Add(new VersionInterval(openedAt, e.Version, null, null));
                    open = false;
                    break;
                case OsvEventKind.LastAffected when open:
                    intervals.Add(new VersionInterval(openedAt, null, e.Version, null));
                    open = false;
                    break;
                case OsvEventKind.Limit when open:
                    intervals.Add(new VersionInterval(openedAt, null, null, e.Version));
                    open = false;
                    break;
            }
        }
        if (open)
            intervals.Add(new VersionInterval(openedAt, null, null, null));
        return intervals;
    }

    /// <summary>The <c>fixed</c> versions of a range, in the order its intervals close.</summary>
    public static IReadOnlyList<string> FixedVersions(OsvRange range, string? ecosystem) =>
        [.. Ordered(range, ecosystem).Where(e => e.Kind == OsvEventKind.Fixed).Select(e => e.Version)];

    /// <summary>The version scheme that orders a range's events, or null when they keep the authored order.</summary>
    public static IVersionScheme? SchemeFor(OsvRange range, string? ecosystem) => range.Type switch
    {
        "SEMVER" => VersionSchemes.SemVer,
        "ECOSYSTEM" when ecosystem is not null => VersionSchemes.ForEcosystem(ecosystem),
        _ => null,
    };

    private static IReadOnlyList<OsvEvent> Ordered(OsvRange range, string? ecosystem)
    {
        var scheme = SchemeFor(range, ecosystem);
        if (scheme is null) return range.Events;

        var keyed = new List<(ParsedVersion Version, int Index, OsvEvent Event)>(range.Events.Count);
        for (var i = 0; i < range.Events.Count; i++)
        {
            // One unparsable version makes any order a guess: keep the author's.
            if (!scheme.TryParse(range.Events[i].Version, out var parsed, out _) || parsed is null)
                return range.Events;
            keyed.Add((parsed, i, range.Events[i]));
        }
        // Stable: equal versions keep the authored order (an introduced and a fixed at one version).
        keyed.Sort((a, b) => a.Version.CompareTo(b.Version) is var c && c != 0 ? c : a.Index.CompareTo(b.Index));
        return [.. keyed.Select(k => k.Event)];
    }
}
