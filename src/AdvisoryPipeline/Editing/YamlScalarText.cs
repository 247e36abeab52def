using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Loading.Yaml;

namespace AdvisoryPipeline.Editing;

/// <summary>
/// Writes a string as YAML scalar source that every YAML reader (1.1 or 1.2) reads back as exactly that
/// string. Used when a fix or a lifecycle command replaces one value: the rest of the file is untouched.
/// </summary>
public static class YamlScalarText
{
    /// <summary>The value in double quotes, with YAML escapes for backslash, quote and every non-printable character.</summary>
    public static string DoubleQuoted(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\0': builder.Append("\\0"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\u0085': builder.Append("\\N"); break;
                case '\u00A0': builder.Append("\\_"); break;
                case '\u2028': builder.Append("\\L"); break;
                case '\u2029': builder.Append("\\P"); break;
                default:
                    if (NeedsEscape(c)) builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>The value in single quotes, or null when it holds a character single quotes cannot carry (line breaks, controls).</summary>
    public static string? SingleQuoted(string value) =>
        value.Any(c => NeedsEscape(c) || c is '\n' or '\r' or '\t' or '\u0085' or '\u2028' or '\u2029')
            ? null
            : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// Whether the value can be written without quotes and still read as this string by YAML 1.2 and 1.1
    /// readers, in block and flow context alike. Deliberately strict: printable ASCII, no indicator at the
    /// start, nothing that starts a comment, a mapping value or a flow collection, and not a number,
    /// boolean, null or timestamp for either YAML version.
    /// </summary>
    public static bool IsSafePlain(string value)
    {
        if (value.Length == 0 || value[0] is ' ' || value[^1] is ' ' or ':') return false;
        if ("-?:,[]{}#&*!|>'\"%@`.".Contains(value[0])) return false;
        foreach (var c in value)
            if (c < 0x20 || c > 0x7E || c is ',' or '[' or ']' or '{' or '}') return false;
        if (value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal)) return false;
        return CoreSchema.Resolve(value) == CoreType.String && Yaml11Schema.Resolve(value) == Yaml11Type.String;
    }

    /// <summary>
    /// Source for <paramref name="value"/> in place of a scalar written in <paramref name="style"/>: plain stays
    /// plain when that is safe, quoted stays in its quotes, a JSON value becomes a JSON string. Null for block scalars, which a one-value fix does
    /// not rewrite.
    /// </summary>
    public static string? InStyleOf(YamlScalarStyle style, string value, bool forceQuotes = false) => style switch
    {
        YamlScalarStyle.Plain => !forceQuotes && IsSafePlain(value) ? value : DoubleQuoted(value),
        YamlScalarStyle.SingleQuoted => SingleQuoted(value) ?? DoubleQuoted(value),
        YamlScalarStyle.DoubleQuoted => DoubleQuoted(value),
        YamlScalarStyle.Json => JsonString(value),
        _ => null,
    };

    /// <summary>The value as a JSON string, for a value of a JSON advisory (which YAML 1.2 reads the same).</summary>
    public static string JsonString(string value) =>
        "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() + "\"";

    /// <summary>
    /// A literal block scalar (<c>|</c>) for a multi-line value whose content lines are indented by
    /// <paramref name="indent"/> spaces and separated by <paramref name="newLine"/>; null when the value
    /// cannot be written that way (control characters, carriage returns, a first line starting with a space).
    /// The chomping indicator keeps the value's trailing line breaks exactly.
    /// </summary>
    public static string? LiteralBlock(string value, int indent, string newLine)
    {
        if (value.Length == 0 || value.Any(c => c == '\r' || (NeedsEscape(c) && c != '\t') || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF'))
            return null;
        var firstContent = value.TrimStart('\n');
        if (firstContent.Length == 0 || firstContent[0] is ' ' or '\t') return null;

        var body = value.TrimEnd('\n');
        var trailing = value.Length - body.Length;
        var chomping = trailing switch { 0 => "-", 1 => "", _ => "+" };
        var pad = new string(' ', indent);
        var builder = new StringBuilder(value.Length + 16).Append('|').Append(chomping);
        foreach (var line in body.Split('\n'))
        {
            builder.Append(newLine);
            if (line.Length > 0) builder.Append(pad).Append(line);
        }
        // Keep chomping: the extra line breaks are empty lines that belong to the value.
        for (var i = 1; i < trailing; i++) builder.Append(newLine);
        return builder.ToString();
    }

    /// <summary>C0 and C1 controls, DEL, the byte order mark and non-characters: what YAML requires to be escaped.</summary>
    private static bool NeedsEscape(char c) =>
        (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || (c >= 0x80 && c < 0xA0 && c != '\u0085')
        || c is '\uFEFF' or '\uFFFE' or '\uFFFF';
}
