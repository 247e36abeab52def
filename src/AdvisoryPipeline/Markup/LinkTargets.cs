namespace AdvisoryPipeline.Markup;

/// <summary>
/// Which link targets in author text may stay links in any output: absolute http and https URLs with a host, and
/// mailto. Everything else (<c>javascript:</c>, <c>data:</c>, <c>vbscript:</c>, <c>file:</c>, relative paths) is
/// shown as text. The one list of allowed schemes; the outputs add their own checks on top (whitespace, hidden
/// characters, normalisation).
/// </summary>
public static class LinkTargets
{
    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return false;
        return uri.Scheme == Uri.UriSchemeMailto
            || (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;
    }
}
