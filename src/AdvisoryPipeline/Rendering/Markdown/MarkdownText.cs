using System.Text;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Markdown;

/// <summary>
/// Turns values from a record into GitHub Flavored Markdown that renders as exactly that text: never a
/// table break, an HTML tag, emphasis, a link or a heading closer. Safe in table cells and inline.
/// </summary>
public static class MarkdownText
{
    // Every character that opens or closes inline syntax in GFM (and GitHub's math), plus the table pipe.
    // Backslash escapes work for any ASCII punctuation, so escaping more than needed is harmless.
    private const string Escaped = "\\`*_[]<>|&~$#!";

    /// <summary>The value on one line, with every Markdown-active character backslash-escaped.</summary>
    public static string Escape(string? value)
    {
        var line = SingleLineText.Of(value);
        var result = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (Escaped.Contains(c)) result.Append('\\');
            result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>A link when <paramref name="url"/> is http, https or mailto; otherwise the text alone.</summary>
    public static string Link(string text, string url) =>
        LinkPolicy.Allows(url) ? $"[{Escape(text.Length > 0 ? text : url)}]({Destination(url)})" : Escape(text.Length > 0 ? text : url);

    /// <summary>A URL shown as itself, linked when it is safe to.</summary>
    public static string Url(string url) => Link(url, url);

    /// <summary>A link to one of our own relative paths (a sibling page); the text is escaped.</summary>
    public static string RelativeLink(string text, string path) => $"[{Escape(text)}]({Destination(path)})";

    /// <summary>A code span around the value; not for table cells, where a pipe would still split the cell.</summary>
    public static string Code(string value)
    {
        var line = SingleLineText.Of(value);
        var fence = new string('`', LongestRun(line, '`') + 1);
        var pad = line.StartsWith('`') || line.EndsWith('`') ? " " : "";
        return fence + pad + line + pad + fence;
    }

    /// <summary>
    /// A link destination that cannot end early or escape its cell: parentheses backslash-escaped, and the
    /// characters that end a destination or split a table percent-encoded (which URLs allow).
    /// </summary>
    private static string Destination(string url)
    {
        var result = new StringBuilder(url.Length + 8);
        foreach (var c in url)
        {
            if (c is '(' or ')') result.Append('\\').Append(c);
            else if (c <= ' ' || c == '\u007F' || "<>\"\\`{}|^".Contains(c)) result.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else result.Append(c);
        }
        return result.ToString();
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }
        return longest;
    }
}
