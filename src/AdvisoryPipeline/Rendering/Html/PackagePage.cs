using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>One package's page: the advisories that affect it, newest first, with its versions in each.</summary>
internal sealed class PackagePage(PageLayout layout)
{
    public static string PathOf(SitePackage package) => package.PagePath + "index.html";

    public string Render(SitePackage package)
    {
        var page = new SitePage(PathOf(package), $"{package.Name} ({package.Ecosystem}) – {layout.Settings.DatabaseName}")
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
                html.Open("td");
                foreach (var entry in entries) AffectedVersions.Write(html, entry);
                var fixes = entries.SelectMany(e => e.FixedVersions).Distinct(StringComparer.Ordinal).ToList();
                html.Close("td").Element("td", fixes.Count > 0 ? string.Join(", ", fixes) : "no fix").Open("td");
                TimeElement.Write(html, SiteOrder.ShownDate(advisory));
                html.Close("td").Close("tr").Line();
            }
            html.Close("tbody").Close("table").Close("div").Line();
        });
    }
}
