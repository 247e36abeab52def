using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// The page at an alias (<c>CVE-2025-1234/index.html</c>): an immediate redirect to the advisory, with a
/// canonical link and a visible link for readers whose browser does not follow it; or, for an alias that
/// several advisories claim, a list of them (see <see cref="AliasPlan"/>).
/// </summary>
internal sealed class AliasRedirectPage(PageLayout layout)
{
    public static string PathOf(string alias) => SiteLinks.AdvisoryPagePath(alias) + "index.html";

    public string Render(AliasPage alias)
    {
        var targetPath = alias.Target is { } target ? SiteLinks.AdvisoryPagePath(target.Id) : null;
        var page = new SitePage(PathOf(alias.Alias), layout.TitleOf(alias.Alias))
        {
            CanonicalPath = targetPath,
            RedirectTo = targetPath,
            NoIndex = true,
        };
        return layout.Render(page, html =>
        {
            html.Element("h1", alias.Alias).Line();
            if (alias.Target is { } only)
            {
                html.Open("p").Text($"{alias.Alias} is published here as ")
                    .Element("a", $"{only.Id}: {only.Title}", ("href", page.Href(targetPath!))).Text(".").Close("p").Line();
                return;
            }
            html.Element("p", $"{alias.Alias} is an alias of more than one advisory:").Line();
            html.Open("ul").Line();
            foreach (var claimant in alias.Claimants)
            {
                html.Open("li").Element("a", $"{claimant.Id}: {claimant.Title}", ("href", page.Href(SiteLinks.AdvisoryPagePath(claimant.Id))));
                if (claimant.IsWithdrawn) html.Text(" ").Element("span", "Withdrawn", ("class", "tag tag-withdrawn"));
                html.Close("li").Line();
            }
            html.Close("ul").Line();
        });
    }
}
