using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// The site's front page: every advisory, newest first, in one table that is complete without JavaScript.
/// The filter form is hidden until the script shows it; the script only hides rows.
/// </summary>
internal sealed class IndexPage(PageLayout layout, PackageCatalog packages)
{
    public const string Path = "index.html";

    public string Render(IReadOnlyList<AdvisoryView> newestFirst)
    {
        var page = new SitePage(Path, layout.Settings.DatabaseName)
        {
            CanonicalPath = "",
            WithScript = true,
            Section = SiteSection.Advisories,
        };
        return layout.Render(page, html =>
        {
            html.Element("h1", layout.Settings.DatabaseName).Line();
            html.Element("p", Count(newestFirst.Count) + ", newest first.", ("class", "lead")).Line();
            if (newestFirst.Count == 0) return;
            WriteFilters(html, newestFirst);
            WriteTable(html, page, newestFirst);
            html.Open("script", ("type", "application/json"), ("id", SearchIndex.ElementId))
                .Raw(SearchIndex.Json(newestFirst)).Close("script").Line();
        });
    }

    private static string Count(int n) => n == 1 ? "1 advisory" : $"{n} advisories";

    private static void WriteFilters(HtmlWriter html, IReadOnlyList<AdvisoryView> advisories)
    {
        html.Open("form", ("class", "filters"), ("id", "filters"), ("action", Path), ("method", "get"),
            ("role", "search"), ("aria-label", "Filter advisories"), ("hidden", "")).Line();
        html.Open("div", ("class", "field field-search"))
            .Element("label", "Search", ("for", "filter-q"))
            .Open("input", ("type", "search"), ("id", "filter-q"), ("name", "q"), ("autocomplete", "off"),
                ("placeholder", "ID, alias, package or words"))
            .Close("div").Line();
        html.Open("div", ("class", "field"))
            .Element("label", "Ecosystem", ("for", "filter-ecosystem"))
            .Open("select", ("id", "filter-ecosystem"), ("name", "ecosystem"))
            .Element("option", "All ecosystems", ("value", ""));
        foreach (var ecosystem in advisories.SelectMany(a => a.Ecosystems).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            html.Element("option", ecosystem, ("value", ecosystem));
        html.Close("select").Close("div").Line();
        html.Open("div", ("class", "field"))
            .Element("label", "Severity", ("for", "filter-severity"))
            .Open("select", ("id", "filter-severity"), ("name", "severity"))
            .Element("option", "All severities", ("value", ""));
        foreach (var level in SeverityLevels.All)
            html.Element("option", level.Label(), ("value", level.Key()));
        html.Close("select").Close("div").Line();
        html.Element("button", "Clear", ("type", "reset")).Line();
        html.Close("form").Line();
        html.Open("noscript").Element("p", "Filtering needs JavaScript. Every advisory is listed below; the Packages page lists them by package.")
            .Close("noscript").Line();
        html.Element("p", Count(advisories.Count) + " shown.", ("id", "filter-status"), ("class", "filter-status"), ("role", "status"), ("hidden", "")).Line();
    }

    private void WriteTable(HtmlWriter html, SitePage page, IReadOnlyList<AdvisoryView> advisories)
    {
        html.Open("div", ("class", "table-scroll")).Open("table", ("class", "advisory-list")).Line();
        html.Element("caption", "Advisories, newest first", ("class", "visually-hidden")).Line();
        html.Open("thead").Open("tr");
        foreach (var heading in (string[])["Advisory", "Summary", "Severity", "Packages", "Published"])
            html.Element("th", heading, ("scope", "col"));
        html.Close("tr").Close("thead").Line().Open("tbody").Line();
        foreach (var advisory in advisories)
        {
            html.Open("tr", ("data-advisory", advisory.Id));
            AdvisoryCells.WriteLeading(html, page, advisory);
            html.Open("td");
            WritePackages(html, page, advisory);
            html.Close("td").Open("td");
            TimeElement.Write(html, SiteOrder.ShownDate(advisory));
            html.Close("td").Close("tr").Line();
        }
        html.Close("tbody").Close("table").Close("div").Line();
    }

    private void WritePackages(HtmlWriter html, SitePage page, AdvisoryView advisory)
    {
        var listed = advisory.Affected.Select(a => (Affected: a, Package: packages.Find(a))).Where(x => x.Package is not null)
            .DistinctBy(x => x.Package).ToList();
        if (listed.Count == 0) return;
        html.Open("ul", ("class", "inline-list"));
        foreach (var (affected, package) in listed)
        {
            html.Open("li").Element("a", affected.Package, ("href", page.Href(package!.PagePath)))
                .Text(" ").Element("span", affected.Ecosystem, ("class", "ecosystem")).Close("li");
        }
        html.Close("ul");
    }
}
