using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace AdvisoryPipeline.Osv.Ecosystems;

/// <summary>
/// Percent-encoding as the purl specification (§5.4) defines it: letters, digits, <c>. - _ ~</c> and the
/// colon stay as they are; every other character is UTF-8 encoded and written as <c>%XX</c>.
/// </summary>
internal static class PurlEncoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string text)
    {
        var builder = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or ':')
            {
                builder.Append(c);
                continue;
            }
            var width = char.IsSurrogatePair(text, i) ? 2 : 1;
            var length = Encoding.UTF8.GetBytes(text.AsSpan(i, width), bytes);
            i += width - 1;
            foreach (var b in bytes[..length]) builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    /// <summary>Decodes <c>%XX</c> sequences; fails on a malformed escape or on escaped bytes that are not UTF-8.</summary>
    public static bool TryDecode(string text, [NotNullWhen(true)] out string? decoded, [NotNullWhen(false)] out string? error)
    {
        decoded = null;
        var builder = new StringBuilder(text.Length);
        var escaped = new List<byte>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '%')
            {
                builder.Append(text[i++]);
                continue;
            }
            escaped.Clear();
            while (i < text.Length && text[i] == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    error = $"\"%\" at position {i + 1} of \"{text}\" does not start a %XX escape";
                    return false;
                }
                escaped.Add(byte.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 3;
            }
            try
            {
                builder.Append(StrictUtf8.GetString([.. escaped]));
            }
            catch (DecoderFallbackException)
            {
                error = $"the escapes in \"{text}\" are not UTF-8";
                return false;
            }
        }
        decoded = builder.ToString();
        error = null;
        return true;
    }
}
