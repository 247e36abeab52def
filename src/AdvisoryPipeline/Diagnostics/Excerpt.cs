using System.Globalization;
using System.Text;

namespace AdvisoryPipeline.Diagnostics;

/// <summary>
/// A short, printable piece of what a user wrote, for a message that quotes it: at most a few dozen characters, with
/// control and invisible characters written as <c>\u0000</c>. A message never carries a whole line of a file: the
/// file might hold anything (a configuration line that is really a secret, a terminal escape sequence).
/// </summary>
public static class Excerpt
{
    public const int DefaultLength = 40;

    public static string Of(string text, int maxLength = DefaultLength)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 8);
        var shown = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (shown == maxLength)
            {
                builder.Append('…');
                break;
            }
            if (Rune.IsControl(rune) || rune.Value is (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0xFEFF)
                builder.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}");
            else
                builder.Append(rune.ToString());
            shown++;
        }
        return builder.ToString();
    }
}
