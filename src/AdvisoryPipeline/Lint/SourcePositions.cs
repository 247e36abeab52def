using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// Positions of characters inside a YAML file, finer than the source map's "where the value starts": the
/// column of a bad CVSS metric, the line of a hidden character in a block of details.
/// </summary>
internal static class SourcePositions
{
    /// <summary>
    /// Where <c>value[index..index+length]</c> is written, if the source shows it: the k-th occurrence of that text
    /// in the value is taken to be the k-th in the value's source span, provided both hold it equally often (escapes,
    /// folding or quoting that change the text make them differ). Otherwise the position of the value.
    /// </summary>
    public static SourceLocation InValue(LoadedDocument document, string pointer, string value, int index, int length)
    {
        if (document.Map.ValueSpan(pointer) is not { } span || length <= 0 || index + length > value.Length)
            return document.Map.Locate(pointer);

        var needle = value.AsSpan(index, length);
        var source = document.Text.AsSpan(span.Start, span.Length);
        var occurrence = CountOccurrences(value.AsSpan(0, index), needle);
        if (CountOccurrences(value, needle) != CountOccurrences(source, needle))
            return document.Map.Locate(pointer);

        var offset = 0;
        for (var seen = 0; ; seen++)
        {
            var at = source[offset..].IndexOf(needle, StringComparison.Ordinal) + offset;
            if (seen == occurrence) return Advance(document, span, at);
            offset = at + needle.Length;
        }
    }

    /// <summary>The line and column of an offset of <see cref="LoadedDocument.Text"/>.</summary>
    public static SourceLocation AtOffset(LoadedDocument document, int offset)
    {
        var before = document.Text.AsSpan(0, offset);
        var line = before.Count('\n') + 1;
        return new SourceLocation(document.Path, line, offset - before.LastIndexOf('\n'));
    }

    private static SourceLocation Advance(LoadedDocument document, SourceSpan span, int offsetInSpan)
    {
        var passed = document.Text.AsSpan(span.Start, offsetInSpan);
        var newlines = passed.Count('\n');
        return newlines == 0
            ? new SourceLocation(document.Path, span.Line, span.Column + offsetInSpan)
            : new SourceLocation(document.Path, span.Line + newlines, offsetInSpan - passed.LastIndexOf('\n'));
    }

    private static int CountOccurrences(ReadOnlySpan<char> text, ReadOnlySpan<char> needle)
    {
        var count = 0;
        for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; count++)
        {
            text = text[(at + needle.Length)..];
            at = text.IndexOf(needle, StringComparison.Ordinal);
        }
        return count;
    }
}
