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

    /// <summary>Deeper names (and longer paths) are not worth reading as folders: they become one hashed segment.</summary>
    private const int MaxSegments = 8;

    private const string WebScheme = "https://";

    /// <summary>
    /// A name with <c>/</c> in it (a Go module, an npm scope, a repository URL) as that many segments, each escaped as
    /// by <see cref="Escape"/>; a leading <c>https://</c> is left out (<c>https://github.com/org/repo</c> becomes
    /// <c>github.com/org/repo</c>). A part named <c>index.html</c> is escaped further, so that no package folder can
    /// take the place of a page. Names of more than <see cref="MaxSegments"/> parts become one <see cref="Hashed"/>
    /// segment. Distinct names give distinct paths except <c>https://x</c> and <c>x</c>, which the caller separates.
    /// </summary>
    public static string EscapePath(string name)
    {
        var path = name.StartsWith(WebScheme, StringComparison.OrdinalIgnoreCase) && name.Length > WebScheme.Length
            ? name[WebScheme.Length..]
            : name;
        var parts = path.Split('/');
        if (parts.Length > MaxSegments) return Hashed(name);
        return string.Join('/', parts.Select(part =>
            part.Equals("index.html", StringComparison.OrdinalIgnoreCase) ? part.Replace(".", "~2E", StringComparison.Ordinal) : Escape(part)));
    }

    /// <summary>One segment for any name, distinct from every other name's and from every readable path: a short escaped prefix and a hash.</summary>
    public static string Hashed(string name) => Shortened(Escape(name), Encoding.UTF8.GetBytes(name), Math.Min(KeptPrefixLength, Escape(name).Length));

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
        return segment.Length <= MaxLength ? segment.ToString() : Shortened(segment.ToString(), bytes, KeptPrefixLength);
    }

    /// <summary>
    /// A long name keeps a readable prefix and gets a hash of the whole name, so it stays distinct;
    /// the <c>~-</c> marker cannot appear in an unshortened segment (<c>~</c> is always followed by hex).
    /// </summary>
    private static string Shortened(string escaped, byte[] name, int keep)
    {
        var cut = keep;
        // Do not cut through a ~XX escape.
        var tilde = cut == 0 ? -1 : escaped.LastIndexOf('~', cut - 1, Math.Min(3, cut));
        if (tilde >= 0) cut = tilde;
        var hash = Convert.ToHexStringLower(SHA256.HashData(name))[..16];
        return $"{escaped[..cut]}~-{hash}";
    }
}
