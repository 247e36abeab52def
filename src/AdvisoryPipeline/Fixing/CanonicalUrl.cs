using System.Globalization;

namespace AdvisoryPipeline.Fixing;

/// <summary>
/// The canonical spelling of a URL, as far as it can be reached without any chance of changing what the URL
/// designates (RFC 3986, section 6.2.2.1 and 6.2.3): the scheme and an ASCII host in lower case, the port
/// dropped when it is empty or the scheme's default (80 for http and ws, 443 for https and wss, 21 for ftp).
/// Nothing else is touched: not the user information, path, query or fragment, not percent-encodings, not a
/// trailing slash, not a non-ASCII host. URLs without an authority (<c>mailto:</c>) are left as they are.
/// </summary>
public static class CanonicalUrl
{
    private static readonly Dictionary<string, int> DefaultPorts = new(StringComparer.Ordinal)
    {
        ["http"] = 80,
        ["https"] = 443,
        ["ws"] = 80,
        ["wss"] = 443,
        ["ftp"] = 21,
    };

    /// <summary>The canonical form, or null when the text is not a URL with an authority that this can parse.</summary>
    public static string? Of(string url)
    {
        var colon = url.IndexOf(':');
        if (colon < 1 || !IsScheme(url.AsSpan(0, colon)) || !url.AsSpan(colon + 1).StartsWith("//")) return null;
        if (url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return null;

        var scheme = url[..colon].ToLowerInvariant();
        var authorityStart = colon + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0) authorityEnd = url.Length;
        var authority = url[authorityStart..authorityEnd];

        var at = authority.LastIndexOf('@');
        var userInfo = at >= 0 ? authority[..(at + 1)] : "";
        var hostPort = authority[(at + 1)..];
        string host, port;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']');
            if (close < 0) return null;
            host = hostPort[..(close + 1)];
            port = hostPort[(close + 1)..];
        }
        else
        {
            var portColon = hostPort.IndexOf(':');
            host = portColon < 0 ? hostPort : hostPort[..portColon];
            port = portColon < 0 ? "" : hostPort[portColon..];
        }
        if (port.Length > 0 && (port[0] != ':' || port.AsSpan(1).ContainsAnyExceptInRange('0', '9'))) return null;

        var portNumber = port.Length > 1 && int.TryParse(port.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        var keepPort = port.Length > 1 && !(DefaultPorts.TryGetValue(scheme, out var defaultPort) && portNumber == defaultPort);
        return string.Concat(scheme, "://", userInfo, LowerAscii(host), keepPort ? port : "", url[authorityEnd..]);
    }

    private static bool IsScheme(ReadOnlySpan<char> text)
    {
        if (!char.IsAsciiLetter(text[0])) return false;
        foreach (var c in text)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.')) return false;
        return true;
    }

    private static string LowerAscii(string host) =>
        string.Create(host.Length, host, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
        });
}
