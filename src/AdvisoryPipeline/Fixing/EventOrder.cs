using System.Text.Json;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Fixing;

/// <summary>
/// Sorts the events of SEMVER and ECOSYSTEM ranges by version, in the ordering of the range (SemVer 2.0 for
/// SEMVER, the package ecosystem's for ECOSYSTEM), keeping events of equal versions in their written order, except that an event that ends a stretch comes before one that opens the next.
/// OSV evaluates events in version order whatever their order in the file, so sorting changes nothing but
/// readability. A range is left alone when it is a GIT range (commit order is not knowable from the text),
/// when its ecosystem's ordering is not implemented, or when any event is not exactly one version string
/// that parses.
/// </summary>
internal static class EventOrder
{
    public static IEnumerable<Reordering> Find(LoadedDocument document)
    {
        if (document.Record is not { } record) yield break;
        foreach (var (index, affected) in RecordFields.Items(record, "affected"))
        {
            var ecosystem = RecordFields.Object(affected, "package") is { } package ? RecordFields.Text(package, "ecosystem") : null;
            foreach (var (rangeIndex, range) in RecordFields.Items(affected, "ranges"))
            {
                var scheme = RecordFields.Text(range, "type") switch
                {
                    "SEMVER" => VersionSchemes.SemVer,
                    "ECOSYSTEM" when ecosystem is not null => VersionSchemes.ForEcosystem(ecosystem),
                    _ => null,
                };
                if (scheme is null) continue;
                var pointer = $"/affected/{index}/ranges/{rangeIndex}/events";
                if (Sort(document, range, pointer, scheme) is { } reordering) yield return reordering;
            }
        }
    }

    private static Reordering? Sort(LoadedDocument document, JsonElement range, string pointer, IVersionScheme scheme)
    {
        var versions = new List<ParsedVersion>();
        var opens = new List<bool>();
        foreach (var (_, item) in RecordFields.Items(range, "events"))
        {
            if (item.ValueKind != JsonValueKind.Object) return null;
            using var properties = item.EnumerateObject();
            if (!properties.MoveNext() || properties.Current.Value.ValueKind != JsonValueKind.String) return null;
            var isIntroduced = properties.Current.Name == "introduced";
            var version = properties.Current.Value.GetString()!;
            if (properties.MoveNext() || !scheme.TryParse(version, out var parsed, out _)) return null;
            versions.Add(parsed);
            opens.Add(isIntroduced);
        }
        // At one version, what ends a stretch comes before what opens the next: "fixed: 0.13.0" then "introduced: 0.13.0"
        // reads as two stretches that meet, the other way round as an empty one.
        var order = Enumerable.Range(0, versions.Count).OrderBy(i => versions[i]).ThenBy(i => opens[i]).ToArray();
        if (order.SequenceEqual(Enumerable.Range(0, order.Length))) return null;

        if (CollectionLayouts.Of(document, pointer, mapping: false) is not { } layout) return null;
        var entries = new List<SourceEntry>();
        for (var i = 0; i < versions.Count; i++)
        {
            if (document.Map.ValueSpan($"{pointer}/{i}") is not { } span) return null;
            entries.Add(new SourceEntry(span.Start, span.End));
        }
        if (EntryReorder.Plan(document.Text, entries, order, layout) is not { } edits) return null;

        var location = document.Map.LocateKey(pointer);
        var sorted = string.Join(", ", order.Select(i => versions[i].Text));
        return new Reordering(edits,
            new AppliedFix(FixRule.EventOrder, location.Line, location.Column, $"sort the events of the range by {scheme.Name} version: {sorted}"),
            pointer, order);
    }
}
