using System.Globalization;
using System.Text;

namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// Quotes user text for a one-line message: control characters are escaped so that a stray newline in a
/// YAML value cannot break the message, and very long values are shortened.
/// </summary>
internal static class QuotedText
{
    private const int MaxShown = 80;

    public static string Of(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxShown) + 2).Append('"');
        var shown = 0;
        foreach (var c in text)
        {
            if (shown++ == MaxShown)
            {
                builder.Append('…');
                break;
            }
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>One character, quoted the same way, for "unexpected 'x'" messages.</summary>
    public static string Of(char c) => Of(c.ToString());
}
