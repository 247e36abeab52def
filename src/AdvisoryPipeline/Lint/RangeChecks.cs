using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// OSV501-OSV512: the ranges and versions of each affected entry say exactly which versions are vulnerable.
/// Versions are compared in the ecosystem's own order (PEP 440, SemVer, Maven...); where that order is not
/// implemented the ordering checks are skipped with one OSV512 note per package.
/// </summary>
internal static class RangeChecks
{
    private const string Semver = "SEMVER";
    private const string EcosystemType = "ECOSYSTEM";
    private const string Git = "GIT";

    public static void Check(RecordContext context)
    {
        var affected = context.Record.Affected;
        if (affected is null) return;
        var byPackage = new Dictionary<string, List<CheckedRange>>(StringComparer.Ordinal);
        var unorderedNoted = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < affected.Count; i++)
        {
            if (affected[i] is not { } entry) continue;
            var key = entry.Package is { } package
                ? package.Ecosystem + "\n" + PackageNames.ComparisonKey(package.Ecosystem ?? "", package.Name ?? "")
                : null;
            var checkedRanges = CheckEntry(context, i, entry, entry.Package?.Ecosystem, key, unorderedNoted);
            if (checkedRanges.Count == 0 || key is null) continue;
            if (byPackage.TryGetValue(key, out var list)) list.AddRange(checkedRanges);
            else byPackage[key] = checkedRanges;
        }
        if (context.IsOn(LintRules.NoOverlappingRanges))
            foreach (var ranges in byPackage.Values)
                CheckOverlaps(context, ranges);
    }

    /// <summary>Checks one affected entry; returns its ordered ranges (those whose versions all parse).</summary>
    /// <param name="packageKey">The package as its ecosystem compares names, or null for an entry without a package.</param>
    /// <param name="unorderedNoted">Packages that already have their OSV512 note.</param>
    private static List<CheckedRange> CheckEntry(RecordContext context, int index, OsvAffected entry, string? ecosystem,
        string? packageKey, HashSet<string> unorderedNoted)
    {
        var ecosystemScheme = EcosystemScheme(ecosystem, out var knownEcosystem);
        var checkedRanges = new List<CheckedRange>();
        var ecosystemRangesComplete = true;
        var ranges = entry.Ranges ?? [];
        for (var j = 0; j < ranges.Count; j++)
        {
            if (ranges[j] is not { } range) continue;
            var events = range.Events ?? [];
            CheckEventKinds(context, index, j, events);
            switch (range.Type)
            {
                case Git:
                    GitRangeChecks.Check(context, index, j, range, events);
                    break;
                case Semver:
                    if (ParseEvents(context, index, j, events, VersionSchemes.SemVer, LintRules.SemVerVersions) is { } semver)
                        checkedRanges.Add(CheckOrder(context, index, j, range.Type, semver));
                    break;
                case EcosystemType when ecosystemScheme is not null:
                    if (ParseEvents(context, index, j, events, ecosystemScheme, LintRules.EcosystemVersions) is { } parsed)
                        checkedRanges.Add(CheckOrder(context, index, j, range.Type, parsed));
                    else
                        ecosystemRangesComplete = false;
                    break;
                case EcosystemType when knownEcosystem:
                    NoteUnknownOrder(context, index, ecosystem!, packageKey, unorderedNoted);
                    break;
            }
        }

        if (entry.Versions is { Count: > 0 } listed)
        {
            if (ecosystemScheme is null)
            {
                if (knownEcosystem) NoteUnknownOrder(context, index, ecosystem!, packageKey, unorderedNoted);
            }
            else
            {
                var coverage = ecosystemRangesComplete && HasRangeOfType(ranges, EcosystemType)
                    ? checkedRanges.Where(r => r.Type == EcosystemType).SelectMany(r => r.Spans).ToArray()
                    : null;
                ListedVersionChecks.Check(context, index, listed, ecosystemScheme, coverage);
            }
        }
        return checkedRanges;
    }

    /// <summary>The version order of a record's ecosystem string; <paramref name="known"/> says whether it is an OSV ecosystem at all.</summary>
    private static IVersionScheme? EcosystemScheme(string? ecosystem, out bool known)
    {
        known = ecosystem is not null && ecosystem != AffectedChecks.GitEcosystem && Ecosystem.TryParse(ecosystem, out _);
        return known ? VersionSchemes.ForEcosystem(ecosystem!) : null;
    }

    /// <summary>OSV512, once per package however many entries and ranges it has.</summary>
    private static void NoteUnknownOrder(RecordContext context, int index, string ecosystem, string? packageKey, HashSet<string> noted)
    {
        if (!noted.Add(packageKey ?? ecosystem)) return;
        context.Report(LintRules.VersionOrderKnown, Pointers.Affected(index) + "/package/ecosystem",
            $"the version order of {Ecosystem.BaseName(ecosystem)} is not implemented, so the order, overlap and coverage of this package's versions are not checked",
            "review the ranges by hand; turn this note off with OSV512: off in database.yaml");
    }

    private static bool HasRangeOfType(IReadOnlyList<OsvRange> ranges, string type)
    {
        foreach (var range in ranges)
            if (range?.Type == type) return true;
        return false;
    }

    /// <summary>OSV501 and OSV505: which kinds of events a range has, whatever its type.</summary>
    private static void CheckEventKinds(RecordContext context, int index, int rangeIndex, IReadOnlyList<OsvEvent> events)
    {
        var introduced = false;
        var firstFixed = -1;
        var firstLastAffected = -1;
        for (var k = 0; k < events.Count; k++)
        {
            switch (events[k]?.Kind)
            {
                case OsvEventKind.Introduced: introduced = true; break;
                case OsvEventKind.Fixed when firstFixed < 0: firstFixed = k; break;
                case OsvEventKind.LastAffected when firstLastAffected < 0: firstLastAffected = k; break;
            }
        }
        if (!introduced)
            context.Report(LintRules.HasIntroduced, Pointers.Range(index, rangeIndex) + "/events",
                "the range has no introduced event, so it affects no version",
                "add - introduced: \"0\" (all versions before the fix) or the first affected version");
        if (firstFixed >= 0 && firstLastAffected >= 0)
        {
            var later = Math.Max(firstFixed, firstLastAffected);
            var earlier = Math.Min(firstFixed, firstLastAffected);
            context.Report(LintRules.FixedOrLastAffected, Pointers.Event(index, rangeIndex, later, events[later].Kind),
                $"the range has both fixed and last_affected events (the other on line {context.Locate(Pointers.Event(index, rangeIndex, earlier, events[earlier].Kind)).Line})",
                "use fixed when a release fixes it, last_affected when none does yet; split into two ranges if both apply");
        }
    }

    /// <summary>Parses every event version; null (after reporting each failure) when one does not parse.</summary>
    private static RangeEvents? ParseEvents(RecordContext context, int index, int rangeIndex, IReadOnlyList<OsvEvent> events,
        IVersionScheme scheme, LintRule syntaxRule)
    {
        var kept = new OsvEvent[events.Count];
        var versions = new ParsedVersion[events.Count];
        var complete = true;
        for (var k = 0; k < events.Count; k++)
        {
            if (events[k] is not { } e) return null;
            var version = e.Version;
            if (!AsciiCheck.IsAscii(version))
            {
                AsciiCheck.Report(context, Pointers.Event(index, rangeIndex, k, e.Kind), version, $"the {Pointers.EventKey(e.Kind)} version");
                complete = false;
                continue;
            }
            if (!context.Versions.TryParse(scheme, version, out var parsed, out var error))
            {
                context.Report(syntaxRule, Pointers.Event(index, rangeIndex, k, e.Kind), error, syntaxRule == LintRules.SemVerVersions
                    ? "SEMVER ranges take SemVer 2.0 versions, MAJOR.MINOR.PATCH without a leading v, e.g. 1.4.0"
                    : $"write the version as the registry publishes it, in {scheme.Name} syntax");
                complete = false;
                continue;
            }
            kept[k] = e;
            versions[k] = parsed;
        }
        return complete ? new RangeEvents(kept, versions) : null;
    }

    /// <summary>OSV502 and OSV503: the author's order of events is ascending, and each introduced is below what ends it.</summary>
    private static CheckedRange CheckOrder(RecordContext context, int index, int rangeIndex, string type, RangeEvents events)
    {
        var orderReported = false;
        for (var k = 1; k < events.Count; k++)
        {
            var previous = events.Event(k - 1);
            var current = events.Event(k);
            var comparison = events.Version(k).CompareTo(events.Version(k - 1));
            int PreviousLine() => context.Locate(Pointers.Event(index, rangeIndex, k - 1, previous.Kind)).Line;
            if (previous.Kind == OsvEventKind.Introduced && current.Kind != OsvEventKind.Introduced)
            {
                var empty = current.Kind == OsvEventKind.LastAffected ? comparison < 0 : comparison <= 0;
                if (empty)
                    context.Report(LintRules.IntroducedBelowEnd, Pointers.Event(index, rangeIndex, k, current.Kind),
                        $"{Pointers.EventKey(current.Kind)} {current.Version} is not above introduced {previous.Version} (line {PreviousLine()}), so the pair describes no version",
                        current.Kind == OsvEventKind.LastAffected
                            ? "last_affected is the last vulnerable version: at least the introduced one"
                            : "fixed is the first release without the vulnerability: above the introduced version; check for swapped values");
            }
            else if (comparison < 0 && !orderReported)
            {
                orderReported = true;
                context.Report(LintRules.AscendingEvents, Pointers.Event(index, rangeIndex, k, current.Kind),
                    $"{Pointers.EventKey(current.Kind)} {current.Version} comes after {Pointers.EventKey(previous.Kind)} {previous.Version} (line {PreviousLine()}) but is a lower version",
                    "list events from the lowest version to the highest; OSV tools sort them, which may pair them differently than you read them");
            }
        }
        return new CheckedRange(index, rangeIndex, type, events.Spans());
    }

    /// <summary>OSV504: two ranges of one package (in one affected entry or several) that affect a common version.</summary>
    private static void CheckOverlaps(RecordContext context, List<CheckedRange> ranges)
    {
        for (var b = 1; b < ranges.Count; b++)
        for (var a = 0; a < b; a++)
        {
            if (ranges[a].Type != ranges[b].Type) continue;
            if (FirstCommonVersion(ranges[a], ranges[b]) is not { } common) continue;
            var other = context.Locate(Pointers.Range(ranges[a].Affected, ranges[a].Index)).Line;
            var from = common.IsBeginningOfTime ? "the first version" : common.Text;
            context.Report(LintRules.NoOverlappingRanges, Pointers.Range(ranges[b].Affected, ranges[b].Index),
                $"this range and the range on line {other} both affect the same versions, from {from} on",
                "merge the two ranges, or correct the one that is wrong");
            break;
        }
    }

    private static ParsedVersion? FirstCommonVersion(CheckedRange a, CheckedRange b)
    {
        foreach (var left in a.Spans)
        foreach (var right in b.Spans)
            if (left.FirstCommonVersion(right) is { } common)
                return common;
        return null;
    }

    /// <summary>A range whose versions all parse: where it is, and the versions it affects.</summary>
    private sealed record CheckedRange(int Affected, int Index, string Type, IReadOnlyList<VersionSpan> Spans);
}
