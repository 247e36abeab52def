namespace AdvisoryPipeline.Presentation;

/// <summary>
/// Which URLs from a record may become links: absolute http, https and mailto only. Anything else
/// (javascript:, data:, relative paths, URLs hiding control or bidi characters) is shown as text.
/// </summary>
public static class LinkPolicy
{
    public static bool Allows(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(c => char.IsWhiteSpace(c) || SingleLineText.IsHidden(c)))
            return false;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return false;
        return uri.Scheme == Uri.UriSchemeMailto
            || (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;
    }
}
