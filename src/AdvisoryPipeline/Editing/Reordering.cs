



using AdvisoryPipeline.Fixing;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Editing;

/// <summary>
/// A reordering a fix rule wants: the edits that move the entries, where it is reported, and the new order
/// of the array at <see cref="ArrayPointer"/> (null when a mapping is reordered, which leaves the record's
/// value the same).
/// </summary>
internal sealed record Reordering(IReadOnlyList<TextEdit> Edits, AppliedFix Fix, string? ArrayPointer, IReadOnlyList<int> Order);

internal static class CollectionLayouts
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
