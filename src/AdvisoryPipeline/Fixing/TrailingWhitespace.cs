using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Fixing;

/// <summary>
/// Spaces and tabs at the end of lines. Lines inside a block scalar (<c>|</c>, <c>&gt;</c>) or inside any
/// scalar that spans lines are left alone: there, trailing spaces can be part of the value.
/// </summary>
internal static class TrailingWhitespace
{
    public static IEnumerable<(TextEdit Edit, AppliedFix Fix)> Find(LoadedDocument document)
    {
        var text = document.Text;
        var protectedSpans = ProtectedSpans(document);
        var line = 1;
        for (var start = 0; start < text.Length; line++)
        {
            var next = TextLines.NextLineStart(text, start);
            var end = next;
            if (end > start && text[end - 1] == '\n') end--;
            if (end > start && text[end - 1] == '\r') end--;
            var contentEnd = end;
            while (contentEnd > start && text[contentEnd - 1] is ' ' or '\t') contentEnd--;
            if (contentEnd < end && !protectedSpans.Any(span => span.Start <= end && contentEnd < span.End))
                yield return (new TextEdit(contentEnd, end, ""),
                    new AppliedFix(FixRule.TrailingWhitespace, line, contentEnd - start + 1, "remove trailing whitespace"));
            start = next;
        }
    }

    private static List<SourceSpan> ProtectedSpans(LoadedDocument document)
    {
        var spans = new List<SourceSpan>();
        foreach (var (pointer, _) in DocumentValues.Scalars(document))
        {
            if (document.Map.Scalar(pointer) is not { } scalar || document.Map.ValueSpan(pointer) is not { } span) continue;
            if (scalar.Style is YamlScalarStyle.Literal or YamlScalarStyle.Folded || scalar.SourceText.Contains('\n'))
                spans.Add(span);
        }
        return spans;
    }
}
