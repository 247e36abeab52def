using System.Text;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.JsonSchema;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Fixing;

/// <summary>
/// Puts the top-level keys in the order of the OSV specification (which is also the order of the published
/// JSON), so that every advisory reads the same way. The authoring block goes last: it is not part of the
/// record and is usually short-lived (an embargo, notes), so it follows the record rather than interrupting
/// it. Unknown keys (which validation reports) go between the OSV keys and the authoring block, in their
/// written order. Nested mappings keep the author's order.
/// </summary>
internal static class TopLevelKeyOrder
{
    public static Reordering? Find(LoadedDocument document)
    {
        if (document.Record is not { } record) return null;
        var authoringKey = LoadOptions.Default.AuthoringBlockKey;
        var keys = record.EnumerateObject().Select(p => p.Name).ToList();
        if (document.AuthoringBlock is not null && authoringKey is not null) keys.Add(authoringKey);

        var entries = new List<(string Key, string Pointer, SourceEntry Entry)>();
        foreach (var key in keys)
        {
            var pointer = PointerOf(key);
            if (document.Map.KeySpan(pointer) is not { } keySpan || document.Map.ValueSpan(pointer) is not { } valueSpan) return null;
            entries.Add((key, pointer, new SourceEntry(keySpan.Start, valueSpan.End)));
        }
        entries.Sort((a, b) => a.Entry.Start.CompareTo(b.Entry.Start));

        var order = Enumerable.Range(0, entries.Count).OrderBy(i => Rank(entries[i].Key, authoringKey)).ToArray();
        var firstMisplaced = 0;
        while (firstMisplaced < order.Length && order[firstMisplaced] == firstMisplaced) firstMisplaced++;
        if (firstMisplaced == order.Length) return null;

        if (CollectionLayouts.Of(document, "", mapping: true) is not { } layout) return null;
        if (EntryReorder.Plan(document.Text, entries.Select(e => e.Entry).ToList(), order, layout) is not { } edits) return null;

        var moved = entries[order[firstMisplaced]];
        var location = document.Map.LocateKey(moved.Pointer);
        return new Reordering(edits,
            new AppliedFix(FixRule.KeyOrder, location.Line, location.Column,
                $"put the top-level keys in OSV order ({moved.Key} goes before {entries[firstMisplaced].Key})"),
            null, order);
    }

    private static int Rank(string key, string? authoringKey) =>
        key == authoringKey ? OsvKeyOrder.Keys.Count + 1 : OsvKeyOrder.IndexOf(key) is var index and >= 0 ? index : OsvKeyOrder.Keys.Count;

    private static string PointerOf(string key)
    {
        var pointer = new StringBuilder();
        JsonPointer.AppendTo(pointer, key);
        return pointer.ToString();
    }
}
