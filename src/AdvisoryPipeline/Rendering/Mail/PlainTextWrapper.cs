using System.Globalization;
using System.Text;

namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>
/// Greedy word wrapping for plain-text mail. Words are never broken: a word longer than the room left
/// (a URL, typically) starts a line of its own and overflows it, so that it stays one clickable token.
/// Widths count user-perceived characters (grapheme clusters), so accents and combining marks count once.
/// </summary>
public static class PlainTextWrapper
{
    public const int MailWidth = 72;

    /// <summary>
    /// Wraps <paramref name="text"/> (words separated by spaces) to <paramref name="width"/> columns; the first
    /// line starts with <paramref name="firstPrefix"/>, the others with <paramref name="restPrefix"/>.
    /// Lines carry no trailing spaces.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width, string firstPrefix = "", string restPrefix = "")
    {
        var lines = new List<string>();
        var line = new StringBuilder(firstPrefix);
        var lineWidth = Width(firstPrefix);
        var hasWord = false;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var wordWidth = Width(word);
            if (hasWord && lineWidth + 1 + wordWidth > width)
            {
                lines.Add(line.ToString());
                line.Clear().Append(restPrefix);
                lineWidth = Width(restPrefix);
                hasWord = false;
            }
            if (hasWord)
            {
                line.Append(' ');
                lineWidth++;
            }
            line.Append(word);
            lineWidth += wordWidth;
            hasWord = true;
        }
        lines.Add(line.ToString().TrimEnd());
        return lines;
    }

    /// <summary>The columns a string takes: its grapheme clusters.</summary>
    public static int Width(string text) => text.Length == 0 ? 0 : new StringInfo(text).LengthInTextElements;
}
