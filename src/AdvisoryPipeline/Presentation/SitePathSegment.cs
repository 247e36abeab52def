using System.Security.Cryptography;
using System.Text;

namespace AdvisoryPipeline.Presentation;

/// <summary>
/// Turns any text (a package name such as <c>@tessera/client</c>, <c>group:artifact</c>, a repository URL,
/// or a hostile <c>../../x</c>) into exactly one path segment that is the same as a file name and as a URL.
/// Letters, digits and <c>-</c> are kept, <c>_</c> unless first, <c>.</c> unless first or last; every other
/// UTF-8 byte is written <c>~XX</c>. Because <c>~</c> itself is escaped, distinct names give distinct segments.
/// A segment can never be <c>.</c>, <c>..</c> or empty, never starts with a dot or an underscore (hidden
/// files; folders that static site hosts such as Jekyll leave out), and is short enough for every file system.
/// </summary>
public static class SitePathSegment
{
    private const int MaxLength = 120;
    private const int KeptPrefixLength = 96;

    public static string Escape(string text)
    {
        if (text.Length == 0) return "~";
        var segment = new StringBuilder(text.Length + 8);
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var keep = char.IsAsciiLetterOrDigit((char)b) || b == '-' || (b == '_' && i > 0) || (b == '.' && i > 0 && i < bytes.Length - 1);
            if (keep) segment.Append((char)b);
            else segment.Append('~').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return segment.Length <= MaxLength ? segment.ToString() : Shortened(segment.ToString(), bytes);
    }

    /// <summary>
    /// A long name keeps a readable prefix and gets a hash of the whole name, so it stays distinct;
    /// the <c>~-</c> marker cannot appear in an unshortened segment (<c>~</c> is always followed by hex).
    /// </summary>
    private static string Shortened(string escaped, byte[] name)
    {
        var cut = KeptPrefixLength;
        // Do not cut through a ~XX escape.
        var tilde = escaped.LastIndexOf('~', cut - 1, 3);
        if (tilde >= 0) cut = tilde;
        var hash = Convert.ToHexStringLower(SHA256.HashData(name))[..16];
        return $"{escaped[..cut]}~-{hash}";
    }
}
