using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// The frame every page shares: head with the Content-Security-Policy, skip link, site header and
/// navigation, the <c>main</c> landmark the page fills, and the footer.
/// </summary>
internal sealed class PageLayout(RenderSettings settings, SiteLinks links)
{
    /// <summary>
    /// Nothing but our own stylesheet, script and icon may load; no inline script or style, no plug-ins,
    /// frames or fetches, no base URL changes, forms only to the site. The search index is a JSON data block
    /// that the script reads from the page, so no <c>connect-src</c> is needed (and fetching it from file://
    /// would fail anyway).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'";

    /// <summary>The longest page title: tabs, bookmarks and search results show about this much.</summary>
    public const int MaxTitleLength = 140;

    private const int MaxDatabaseNameInTitle = 40;

    public RenderSettings Settings => settings;

    /// <summary>
    /// A page's title: what it shows, then the database's name ("PYSEC-2021-76: Open redirect in aiohttp – PyPA"), on
    /// one line and within <see cref="MaxTitleLength"/> characters (the subject is cut first, with an ellipsis).
    /// </summary>
    public string TitleOf(string subject)
    {
        var suffix = " – " + ShortText.Cut(SingleLineText.Of(settings.DatabaseName), MaxDatabaseNameInTitle);
        return ShortText.Cut(SingleLineText.Of(subject), MaxTitleLength - suffix.Length) + suffix;
    }

    /// <summary>The title of the site's front page: the database's name, within <see cref="MaxTitleLength"/>.</summary>
    public string SiteTitle => ShortText.Cut(SingleLineText.Of(settings.DatabaseName), MaxTitleLength);

    public SiteLinks Links => links;

    public string Render(SitePage page, Action<HtmlWriter> main)
    {
        var html = new HtmlWriter();
        html.Raw("<!DOCTYPE html>").Line().Open("html", ("lang", "en")).Line();
        WriteHead(html, page);
        html.Open("body").Line();
        html.Element("a", "Skip to main content", ("class", "skip-link"), ("href", "#main")).Line();
        WriteHeader(html, page);
        html.Open("main", ("id", "main"), ("tabindex", "-1")).Line();
        main(html);
        html.Close("main").Line();
        WriteFooter(html, page);
        html.Close("body").Line().Close("html").Line();
        return html.ToString();
    }

    private void WriteHead(HtmlWriter html, SitePage page)
    {
        html.Open("head").Line();
        html.Open("meta", ("charset", "utf-8")).Line();
        html.Open("meta", ("http-equiv", "Content-Security-Policy"), ("content", ContentSecurityPolicy)).Line();
        html.Open("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1")).Line();
        html.Open("meta", ("name", "referrer"), ("content", "no-referrer")).Line();
        html.Open("meta", ("name", "color-scheme"), ("content", "light dark")).Line();
        if (page.NoIndex) html.Open("meta", ("name", "robots"), ("content", "noindex")).Line();
        if (page.RedirectTo is { } redirect)
            html.Open("meta", ("http-equiv", "refresh"), ("content", "0; url=" + page.Href(redirect))).Line();
        html.Element("title", page.Title).Line();
        if (page.CanonicalPath is { } canonical && SafeUrl.TryNormalize(links.Absolute(canonical), out var absolute))
            html.Open("link", ("rel", "canonical"), ("href", absolute)).Line();
        html.Open("link", ("rel", "stylesheet"), ("href", page.Href(SiteAssets.StylesheetPath))).Line();
        // Our own icon, so that browsers do not ask the server for a /favicon.ico that the site lacks.
        html.Open("link", ("rel", "icon"), ("type", "image/svg+xml"), ("href", page.Href(SiteAssets.IconPath))).Line();
        html.Open("link", ("rel", "alternate"), ("type", "application/atom+xml"),
            ("title", settings.DatabaseName + " (Atom feed)"), ("href", page.Href(SiteLinks.FeedPath))).Line();
        if (page.WithScript)
            html.Open("script", ("src", page.Href(SiteAssets.ScriptPath)), ("defer", "")).Close("script").Line();
        html.Close("head").Line();
    }

    private void WriteHeader(HtmlWriter html, SitePage page)
    {
        html.Open("header", ("class", "site-header")).Line();
        html.Element("a", settings.DatabaseName, ("class", "site-name"), ("href", page.Href(""))).Line();
        html.Open("nav", ("aria-label", "Site")).Open("ul").Line();
        NavItem(html, page, "Advisories", "", SiteSection.Advisories);
        NavItem(html, page, "Packages", "packages/", SiteSection.Packages);
        html.Open("li").Element("a", "Atom feed", ("href", page.Href(SiteLinks.FeedPath)), ("type", "application/atom+xml")).Close("li").Line();
        if (settings.Policy is not null)
            NavItem(html, page, "Security policy", SiteLinks.PolicyPagePath, SiteSection.Policy);
        if (SafeUrl.TryNormalize(settings.HomeUrl?.OriginalString, out var home))
            html.Open("li").Element("a", "Project home", ("href", home), ("rel", "noopener noreferrer")).Close("li").Line();
        html.Close("ul").Close("nav").Line();
        html.Close("header").Line();
    }

    /// <summary>The link of the page's section says so: "page" on the section's own page, "true" below it.</summary>
    private static void NavItem(HtmlWriter html, SitePage page, string text, string sitePath, SiteSection section)
    {
        var current = page.Section != section ? null : page.Path == sitePath + "index.html" ? "page" : "true";
        html.Open("li").Element("a", text, ("href", page.Href(sitePath)), ("aria-current", current)).Close("li").Line();
    }

    private void WriteFooter(HtmlWriter html, SitePage page)
    {
        html.Open("footer", ("class", "site-footer")).Line();
        html.Open("p").Text(settings.DatabaseName + ". Every advisory is also published as an ")
            .Element("a", "OSV record", ("href", "https://ossf.github.io/osv-schema/"), ("rel", DetailsRenderer.ExternalLinkRel))
            .Text(" (JSON), linked from its page. New and updated advisories: ")
            .Element("a", "Atom feed", ("href", page.Href(SiteLinks.FeedPath)), ("type", "application/atom+xml"))
            .Text(".").Close("p").Line();
        html.Close("footer").Line();
    }
}
