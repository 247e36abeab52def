using System.Text.Encodings.Web;

namespace AdvisoryPipeline.Osv;

/// <summary>
/// The escaping of canonical JSON: only what JSON requires (<c>"</c>, <c>\</c> and the C0 controls), plus DEL and
/// the invisible line and paragraph separators U+2028/U+2029, so that no invisible character hides in a reviewed
/// diff. Everything else, including non-ASCII text and <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, <c>'</c> and
/// <c>+</c>, is written as UTF-8. That is safe because the files are served as JSON; a page that embeds them in HTML
/// must escape them itself, as it must for any JSON. The built-in encoders either escape the HTML characters or
/// escape every character outside the basic plane (emoji as surrogate pairs), which would make author text
/// unreadable in the published files.
/// </summary>
internal sealed class CanonicalJsonEncoder : JavaScriptEncoder
{
    public static CanonicalJsonEncoder Instance { get; } = new();

    private CanonicalJsonEncoder()
    {
    }

    // "\uXXXX" is the longest output for one UTF-16 unit.
    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 0x20 || unicodeScalar is '"' or '\\' or 0x7F or 0x2028 or 0x2029;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (var i = 0; i < span.Length; i++)
            if (WillEncode(span[i]))
                return i;
        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        if (!WillEncode(unicodeScalar))
        {
            // Scalars outside the basic plane are never escaped, so a scalar that gets here fits in one or two units.
            numberOfCharactersWritten = 0;
            return new System.Text.Rune(unicodeScalar).TryEncodeToUtf16(destination, out numberOfCharactersWritten);
        }
        ReadOnlySpan<char> escape = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\b' => "\\b",
            '\f' => "\\f",
            _ => null,
        };
        if (escape.IsEmpty)
            return destination.TryWrite(System.Globalization.CultureInfo.InvariantCulture, $"\\u{unicodeScalar:X4}", out numberOfCharactersWritten);
        numberOfCharactersWritten = 0;
        if (!escape.TryCopyTo(destination))
            return false;
        numberOfCharactersWritten = escape.Length;
        return true;
    }
}
