using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Editing;

/// <summary>
/// Where a top-level entry (<c>key: value</c> and its lines) of an advisory file is, or would go: for span edits
/// that replace, remove or add a whole entry and leave every other line as it is.
/// </summary>
public static class TopLevelEntries
{
    /// <summary>The entry's lines, from the start of its key's line to after its last content line; null when absent.</summary>
    public static (int Start, int End)? Span(LoadedDocument document, string key)
    {
        if (document.Map.KeySpan("/" + key) is not { } keySpan || document.Map.ValueSpan("/" + key) is not { } valueSpan) return null;
        return (TextLines.LineStart(document.Text, keySpan.Start), TextLines.EndOfLastContentLine(document.Text, keySpan.Start, valueSpan.End));
    }

    /// <summary>
    /// Where a new entry for <paramref name="key"/> goes: after the entry of the closest key that precedes it in OSV
    /// order (the authoring block last), else before the first entry. A line break is to be written first when the
    /// position is the end of a text without a final one.
    /// </summary>
    public static int InsertionPoint(LoadedDocument document, string key)
    {
        var order = OsvKeyOrder.Keys;
        var index = OsvKeyOrder.IndexOf(key);
        for (var i = (index < 0 ? order.Count : index) - 1; i >= 0; i--)
            if (Span(document, order[i]) is { } entry) return entry.End;
        var first = document.Map.ValueSpan("") is { } root ? root.Start : 0;
        return TextLines.LineStart(document.Text, first);
    }
}
