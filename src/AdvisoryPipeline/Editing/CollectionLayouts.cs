using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Editing;

/// <summary>How a collection of a loaded document is written, which decides how its entries can be moved (<see cref="EntryReorder"/>).</summary>
public static class CollectionLayouts
{
    /// <summary>How the collection at <paramref name="pointer"/> is written; null when an anchor or tag precedes it.</summary>
    public static CollectionLayout? Of(LoadedDocument document, string pointer, bool mapping)
    {
        if (document.Map.ValueSpan(pointer) is not { Length: > 0 } span) return null;
        return document.Text[span.Start] switch
        {
            '[' or '{' => CollectionLayout.Flow,
            '&' or '!' => null,
            _ => mapping ? CollectionLayout.BlockMapping : CollectionLayout.BlockSequence,
        };
    }
}
