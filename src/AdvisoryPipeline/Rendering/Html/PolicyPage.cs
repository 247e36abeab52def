using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// The security policy page (<c>security/index.html</c>), linked from every page's navigation: the
/// <see cref="PolicyDocument"/> as HTML. Text the tool writes is encoded; the team's Markdown goes through the same
/// renderer and sanitizer as advisory details; links outside the site only when <see cref="SafeUrl"/> allows them.
/// </summary>
internal sealed class PolicyPage(PageLayout layout, DetailsRenderer markdown)
{
    public const string Path = SiteLinks.PolicyPagePath + "index.html";

    public string Render(PolicyDocument document)
    {
        var page = new SitePage(Path, $"{document.Title} – {layout.Settings.DatabaseName}")
        {
            CanonicalPath = SiteLinks.PolicyPagePath,
            Section = SiteSection.Policy,
        };
        return layout.Render(page, html =>
        {
            html.Element("h1", document.Title).Line();
            foreach (var block in document.Introduction) WriteBlock(html, page, block, lead: true);
            html.Open("nav", ("aria-label", "On this page"), ("class", "toc")).Open("ul", ("class", "inline-list")).Line();
            foreach (var section in document.Sections)
                html.Open("li").Element("a", section.Title, ("href", "#" + section.Anchor)).Close("li").Line();
            html.Close("ul").Close("nav").Line();
            foreach (var section in document.Sections)
            {
                html.Open("section", ("aria-labelledby", section.Anchor)).Line()
                    .Element("h2", section.Title, ("id", section.Anchor)).Line();
                foreach (var block in section.Blocks) WriteBlock(html, page, block, lead: false);
                html.Close("section").Line();
            }
        });
    }

    private void WriteBlock(HtmlWriter html, SitePage page, PolicyBlock block, bool lead)
    {
        switch (block)
        {
            case PolicyParagraph paragraph:
                html.Open("p", ("class", lead ? "lead" : null));
                WriteInlines(html, page, paragraph.Inlines);
                html.Close("p").Line();
                break;
            case PolicyMarkdown text:
                html.Open("div", ("class", "prose")).Markup(markdown.Render(text.Markdown)).Close("div").Line();
                break;
            case PolicyList list:
                var tag = list.Ordered ? "ol" : "ul";
                html.Open(tag, ("class", "policy-list")).Line();
                foreach (var item in list.Items)
                {
                    html.Open("li");
                    if (item.Strong) html.Open("strong");
                    WriteInlines(html, page, item.Lead);
                    if (item.Strong) html.Close("strong");
                    if (item.Markdown is { } itemMarkdown)
                        html.Open("div", ("class", "prose")).Markup(markdown.Render(itemMarkdown)).Close("div");
                    html.Close("li").Line();
                }
                html.Close(tag).Line();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "A policy block this page cannot show.");
        }
    }

    private static void WriteInlines(HtmlWriter html, SitePage page, IReadOnlyList<PolicyInline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case PolicyText text:
                    html.Text(text.Text);
                    break;
                case PolicyCode code:
                    html.Element("code", code.Text, ("class", "fingerprint"));
                    break;
                case PolicyLink { SitePath: { } sitePath } link:
                    html.Element("a", link.Text, ("href", page.Href(sitePath)));
                    break;
                case PolicyLink { Url: { } url } link:
                    Anchor.External(html, url, link.Text);
                    break;
                case PolicyLink link:
                    html.Text(link.Text);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(inlines), inline.GetType().Name, "A policy inline this page cannot show.");
            }
        }
    }
}
