using System.Text;

namespace AdvisoryPipeline.Presentation;

/// <summary>
/// A value from a record made fit for one line of output (a table cell, a mail header, a title): line
/// breaks and tabs become spaces, control and bidi-override characters are removed (they can forge
/// headers or reorder what a reader sees), runs of spaces collapse, and the ends are trimmed.
/// </summary>
public static class SingleLineText
{
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsBreakingSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }
            if (IsHidden(c)) continue;
            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }
            result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>Control characters (C0, DEL, C1) and the Unicode bidi controls.</summary>
    public static bool IsHidden(char c) =>
        char.IsControl(c)
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    private static bool IsBreakingSpace(char c) =>
        c is ' ' or '\t' or '\r' or '\n' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';
}
