using AdvisoryPipeline.Markup;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// The only URLs that the site turns into links: those <see cref="LinkTargets"/> allows (absolute http, https and
/// mailto). Everything else (javascript:, data:, vbscript:, relative paths, unparsable text) is shown as text instead.
/// </summary>
public static class SafeUrl
{
    /// <summary>
    /// The URL as the browser will see it: .NET's normalised form, so that what was checked is exactly
    /// what is written into the <c>href</c> (no whitespace or control characters for a browser to strip).
    /// </summary>
    public static bool TryNormalize(string? text, out string url)
    {
        url = "";
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength
            || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
            return false;
        if (!LinkTargets.IsAllowed(uri.AbsoluteUri)) return false;
        url = uri.AbsoluteUri;
        return true;
    }

    // Longer than any real reference; keeps a hostile record from bloating every page that links it.
    private const int MaxLength = 4096;
}
