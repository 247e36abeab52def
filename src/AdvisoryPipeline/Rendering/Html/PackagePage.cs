
namespace AdvisoryPipeline.Rendering.Html;

/// <summary>One package's page: the advisories that affect it, newest first, with its versions in each.</summary>
internal sealed class PackagePage(PageLayout layout)
{
    public static string PathOf(SitePackage package) => package.PagePath + "index.html";

    public string Render(SitePackage package)
    {
        var page = new SitePage(PathOf(package), layout.TitleOf($"{package.Name} ({package.Ecosystem})"))
        {
            CanonicalPath = package.PagePath,
            Section = SiteSection.Packages,
        };
        return layout.Render(page, html =>
        {
            html.Open("p", ("class", "eyebrow")).Element("span", package.Ecosystem, ("class", "ecosystem")).Text(" package").Close("p").Line();
            html.Element("h1", package.Name).Line();
            var count = package.Advisories.Count;
            html.Element("p", (count == 1 ? "1 advisory affects" : $"{count} advisories affect") + " this package, newest first.", ("class", "lead")).Line();
            html.Open("div", ("class", "table-scroll")).Open("table", ("class", "advisory-list")).Line();
            html.Element("caption", $"Advisories affecting {package.Name}", ("class", "visually-hidden")).Line();
            html.Open("thead").Open("tr");
            foreach (var heading in (string[])["Advisory", "Summary", "Severity", "Affected versions", "Fixed in", "Published"])
                html.Element("th", heading, ("scope", "col"));
            html.Close("tr").Close("thead").Line().Open("tbody").Line();
            foreach (var (advisory, entries) in package.Advisories)
            {
                html.Open("tr");
                AdvisoryCells.WriteLeading(html, page, advisory);
                html.Open("td", ("data-label", "Affected"));
                foreach (var entry in entries) AffectedVersions.Write(html, entry);
                html.Close("td").Open("td", ("data-label", "Fixed in"));
                AffectedVersions.WriteFixed(html, entries);
                html.Close("td").Open("td", ("data-label", "Published"));
                TimeElement.Write(html, SiteOrder.ShownDate(advisory));
                html.Close("td").Close("tr").Line();
            }
            html.Close("tbody").Close("table").Close("div").Line();
        });
    }
}
