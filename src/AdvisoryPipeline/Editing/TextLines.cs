namespace AdvisoryPipeline.Editing;

/// <summary>Line arithmetic on a document's text, which may use <c>\n</c> or <c>\r\n</c> line breaks.</summary>
public static class TextLines
{
    /// <summary>The line break to use for new lines: the file's first one, <c>\n</c> when it has none.</summary>
    public static string NewLineOf(string text)
    {
        var lf = text.IndexOf('\n');
        return lf > 0 && text[lf - 1] == '\r' ? "\r\n" : "\n";
    }

    /// <summary>Offset of the first character of the line that contains <paramref name="position"/>.</summary>
    public static int LineStart(string text, int position)
    {
        var lf = position == 0 ? -1 : text.LastIndexOf('\n', Math.Min(position, text.Length) - 1);
        return lf + 1;
    }

    /// <summary>Offset just after the line break that ends the line containing <paramref name="position"/>, or the end of the text.</summary>
    public static int NextLineStart(string text, int position)
    {
        var lf = position >= text.Length ? -1 : text.IndexOf('\n', position);
        return lf < 0 ? text.Length : lf + 1;
    }

    /// <summary>
    /// Where the stretch <c>[start, end)</c> really ends: after the line break of the line holding its last
    /// non-blank character. Spans of block scalars reach to the next token, over blank lines that belong to
    /// no entry; this cuts them back to the entry's own lines, trailing comment included.
    /// </summary>
    public static int EndOfLastContentLine(string text, int start, int end)
    {
        var last = end - 1;
        while (last > start && char.IsWhiteSpace(text[last])) last--;
        return NextLineStart(text, last);
    }

    /// <summary>
    /// Whether <c>[lineStart, position)</c> is only the indentation of an entry that starts its line: spaces for a
    /// mapping entry, spaces and exactly one <c>-</c> indicator for a sequence item (<paramref name="sequenceItem"/>).
    /// </summary>
    public static bool IsEntryLinePrefix(string text, int lineStart, int position, bool sequenceItem)
    {
        var dashSeen = false;
        for (var i = lineStart; i < position; i++)
        {
            var c = text[i];
            if (c == ' ') continue;
            if (c == '-' && sequenceItem && !dashSeen && i + 1 < text.Length && text[i + 1] is ' ' or '\t')
            {
                dashSeen = true;
                continue;
            }
            if (c == '\t' && dashSeen) continue;
            return false;
        }
        return dashSeen == sequenceItem;
    }

    /// <summary>Whether the line starting at <paramref name="lineStart"/> holds nothing but a comment.</summary>
    public static bool IsCommentLine(string text, int lineStart)
    {
        var i = lineStart;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        return i < text.Length && text[i] == '#';
    }

    /// <summary>Number of spaces that start the line at <paramref name="lineStart"/>.</summary>
    public static int Indentation(string text, int lineStart)
    {
        var i = lineStart;
        while (i < text.Length && text[i] == ' ') i++;
        return i - lineStart;
    }
}
