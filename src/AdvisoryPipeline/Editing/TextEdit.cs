using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Editing;

/// <summary>
/// Replaces <c>[Start, End)</c> of a text (UTF-16 offsets, as in <see cref="SourceSpan"/>) with
/// <see cref="Replacement"/>; an insertion has <c>Start == End</c>. Every automatic change to an advisory is
/// a set of these, so that whatever lies outside the edited stretches stays byte for byte.
/// </summary>
public readonly record struct TextEdit(int Start, int End, string Replacement)
{
    public static TextEdit Insert(int at, string text) => new(at, at, text);

    public static TextEdit Replace(SourceSpan span, string text) => new(span.Start, span.End, text);

    public bool Overlaps(TextEdit other) =>
        Start < other.End && other.Start < End
        // Two insertions at the same place, or an insertion inside a replaced stretch, would be ambiguous too.
        || (Start == End && other.Start <= Start && Start < other.End)
        || (other.Start == other.End && Start <= other.Start && other.Start < End)
        || (Start == End && other.Start == other.End && Start == other.Start);

    /// <summary>Applies edits that do not overlap, in any order; overlapping edits are a programming error.</summary>
    public static string ApplyAll(string text, IReadOnlyCollection<TextEdit> edits)
    {
        if (edits.Count == 0) return text;
        var sorted = edits.OrderBy(e => e.Start).ThenBy(e => e.End).ToArray();
        var builder = new System.Text.StringBuilder(text.Length + 64);
        var position = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var edit = sorted[i];
            if (edit.Start < position || edit.End > text.Length || edit.End < edit.Start
                || (i > 0 && edit.Overlaps(sorted[i - 1])))
                throw new ArgumentException($"Edit [{edit.Start}, {edit.End}) overlaps another edit or lies outside the text.", nameof(edits));
            builder.Append(text, position, edit.Start - position).Append(edit.Replacement);
            position = edit.End;
        }
        return builder.Append(text, position, text.Length - position).ToString();
    }
}
