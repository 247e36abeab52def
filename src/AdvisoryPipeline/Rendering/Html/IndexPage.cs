using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// The site's advisory list, newest first, <see cref="PageSize"/> to a page: <c>index.html</c>, then
/// <c>page/2/index.html</c>, … with links between them, so that the front page of a database of thousands stays a
/// small page (the PyPA database's 2,661 advisories made a 3.9 MB front page) and every advisory is reachable
/// without JavaScript. The filter form is hidden until the script shows it; the script searches every advisory
/// through the search index (<see cref="SearchIndex"/>), which it loads only when a filter is used.
/// </summary>
internal sealed class IndexPage(PageLayout layout, PackageCatalog packages)
{
    public const string Path = "index.html";

    /// <summary>The folder of the list's further pages; a reserved name of the site's root.</summary>
    public const string PagesFolder = "page";

    public const int PageSize = 100;

    public static int PageCount(int advisories) => Math.Max(1, (advisories + PageSize - 1) / PageSize);

    /// <summary>The site path of list page <paramref name="number"/> (1 is the front page): "" or <c>page/2/</c>.</summary>
    public static string SitePathOf(int number) => number == 1 ? "" : $"{PagesFolder}/{number}/";

    public static string PathOf(int number) => SitePathOf(number) + "index.html";

    /// <summary>Every list page: its path and its HTML.</summary>
    public IEnumerable<(string Path, string Html)> RenderAll(IReadOnlyList<AdvisoryView> newestFirst)
    {
        var count = PageCount(newestFirst.Count);
        var ecosystems = newestFirst.SelectMany(a => a.Ecosystems).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        for (var number = 1; number <= count; number++)
        {
            var rows = newestFirst.Skip((number - 1) * PageSize).Take(PageSize).ToList();
            yield return (PathOf(number), Render(number, count, newestFirst.Count, rows, ecosystems));
        }
    }

    private string Render(int number, int pageCount, int total, IReadOnlyList<AdvisoryView> rows, IReadOnlyList<string> ecosystems)
    {
        var page = new SitePage(PathOf(number), number == 1 ? layout.SiteTitle : layout.TitleOf($"Advisories, page {number} of {pageCount}"))
        {
            CanonicalPath = SitePathOf(number),
            WithScript = true,
            Section = SiteSection.Advisories,
        };
        return layout.Render(page, html =>
        {
            html.Element("h1", number == 1 ? layout.Settings.DatabaseName : $"Advisories, page {number} of {pageCount}").Line();
            var lead = total == 0
                ? "No advisories have been published yet."
                : Count(total) + ", newest first" + (pageCount > 1 ? $", {PageSize} to a page." : ".");
            html.Element("p", lead, ("class", "lead")).Line();
            if (total == 0) return;
            WriteFilters(html, page, total, ecosystems);
            WriteTable(html, page, rows, number, pageCount);
            if (pageCount > 1) WritePagination(html, page, number, pageCount);
        });
    }

    private static string Count(int n) => n == 1 ? "1 advisory" : $"{n} advisories";

    private static void WriteFilters(HtmlWriter html, SitePage page, int total, IReadOnlyList<string> ecosystems)
    {
        html.Open("form", ("class", "filters"), ("id", "filters"), ("action", page.Href("")), ("method", "get"),
            ("role", "search"), ("aria-label", "Filter advisories"), ("data-root", page.Root),
            ("data-total", total.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("hidden", "")).Line();
        html.Open("div", ("class", "field field-search"))
            .Element("label", "Search", ("for", "filter-q"))
            .Open("input", ("type", "search"), ("id", "filter-q"), ("name", "q"), ("autocomplete", "off"),
                ("placeholder", "ID, alias, package or words"))
            .Close("div").Line();
        html.Open("div", ("class", "field"))
            .Element("label", "Ecosystem", ("for", "filter-ecosystem"))
            .Open("select", ("id", "filter-ecosystem"), ("name", "ecosystem"))
            .Element("option", "All ecosystems", ("value", ""));
        foreach (var ecosystem in ecosystems)
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
        html.Open("noscript").Element("p", "Filtering needs JavaScript. Every advisory is listed on these pages, newest first; the Packages page lists them by package.")
            .Close("noscript").Line();
        html.Element("p", Count(total) + " shown.", ("id", "filter-status"), ("class", "filter-status"), ("role", "status"), ("hidden", "")).Line();
    }

    private void WriteTable(HtmlWriter html, SitePage page, IReadOnlyList<AdvisoryView> advisories, int number, int pageCount)
    {
        html.Open("div", ("class", "table-scroll")).Open("table", ("class", "advisory-list"), ("id", "advisory-list")).Line();
        html.Element("caption", pageCount == 1 ? "Advisories, newest first" : $"Advisories, newest first, page {number} of {pageCount}",
            ("class", "visually-hidden")).Line();
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

    /// <summary>First, newer, where we are, older, last: links only where there is a page to go to.</summary>
    private static void WritePagination(HtmlWriter html, SitePage page, int number, int pageCount)
    {
        html.Open("nav", ("class", "pagination"), ("aria-label", "Pages of the advisory list"), ("id", "pagination")).Open("ul").Line();
        PageLink(html, page, "Newest", 1, number > 1);
        PageLink(html, page, "Newer", number - 1, number > 1);
        html.Open("li").Element("span", $"Page {number} of {pageCount}", ("aria-current", "page")).Close("li").Line();
        PageLink(html, page, "Older", number + 1, number < pageCount);
        PageLink(html, page, "Oldest", pageCount, number < pageCount);
        html.Close("ul").Close("nav").Line();
    }

    private static void PageLink(HtmlWriter html, SitePage page, string text, int target, bool enabled)
    {
        html.Open("li");
        if (enabled) html.Element("a", text, ("href", page.Href(SitePathOf(target))));
        else html.Element("span", text, ("class", "muted"));
        html.Close("li").Line();
    }
}
