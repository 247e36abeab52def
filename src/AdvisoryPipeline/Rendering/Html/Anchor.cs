namespace AdvisoryPipeline.Rendering.Html;

/// <summary>Links to places outside the site, written only when the URL is one we allow.</summary>
internal static class Anchor
{
    /// <summary>
    /// A link with <paramref name="text"/> (the URL itself when null) if <paramref name="url"/> is http, https
    /// or mailto; otherwise the text alone, so a hostile URL is shown but cannot be followed.
    /// </summary>
    public static void External(HtmlWriter html, string url, string? text = null)
    {
        if (SafeUrl.TryNormalize(url, out var href))
            html.Element("a", text ?? url, ("href", href), ("rel", DetailsRenderer.ExternalLinkRel));
        else
            html.Element("span", text ?? url, ("class", "unlinked"));
    }
}
