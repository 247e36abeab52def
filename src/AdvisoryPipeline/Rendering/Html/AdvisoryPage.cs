using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// One advisory's page: title, withdrawn banner, key facts (aliases linked to their databases), details,
/// severities, affected packages with intervals or commits and fixed versions or commits, references, credits and
/// timeline.
/// </summary>
internal sealed class AdvisoryPage(PageLayout layout, PackageCatalog packages, DetailsRenderer details, IReadOnlySet<string> siteIds)
{
    public static string PathOf(string id) => SiteLinks.AdvisoryPagePath(id) + "index.html";

    public string Render(AdvisoryView advisory)
    {
        var page = new SitePage(PathOf(advisory.Id), layout.TitleOf($"{advisory.Id}: {advisory.Title}"))
        {
            CanonicalPath = SiteLinks.AdvisoryPagePath(advisory.Id),
            Section = SiteSection.Advisories,
        };
        return layout.Render(page, html =>
        {
            html.Open("p", ("class", "eyebrow")).Element("span", advisory.Id, ("class", "advisory-id")).Close("p").Line();
            html.Element("h1", advisory.Title).Line();
            if (advisory.IsWithdrawn) WriteWithdrawnBanner(html, advisory);
            WriteFacts(html, page, advisory);
            WriteDetails(html, advisory);
            WriteSeverities(html, advisory);
            WriteAffected(html, page, advisory);
            WriteReferences(html, advisory);
            WriteCredits(html, advisory);
            WriteTimeline(html, advisory);
        });
    }

    private static void WriteWithdrawnBanner(HtmlWriter html, AdvisoryView advisory)
    {
        html.Open("div", ("class", "banner banner-withdrawn"), ("role", "note")).Open("p")
            .Element("strong", "This advisory has been withdrawn")
            .Text(advisory.Withdrawn is { } withdrawn ? $" (on {DisplayTime.Date(withdrawn)})" : "")
            .Text(". It no longer describes a vulnerability; it stays published so that tools which imported it learn this.")
            .Close("p").Close("div").Line();
    }

    private void WriteFacts(HtmlWriter html, SitePage page, AdvisoryView advisory)
    {
        html.Open("dl", ("class", "facts")).Line();
        html.Element("dt", "Severity").Open("dd");
        SeverityBadge.Write(html, advisory.HighestSeverity);
        html.Close("dd").Line();
        html.Element("dt", "Published").Open("dd");
        TimeElement.Write(html, advisory.Published);
        html.Close("dd").Line();
        if (advisory.Modified is { } modified && modified != advisory.Published)
        {
            html.Element("dt", "Last modified").Open("dd");
            TimeElement.Write(html, modified);
            html.Close("dd").Line();
        }
        WriteIdentifierFact(html, page, "Aliases", advisory.Aliases);
        WriteIdentifierFact(html, page, "Upstream", advisory.Upstream);
        WriteIdentifierFact(html, page, "Related", advisory.Related);
        if (advisory.CweIds.Count > 0)
        {
            html.Element("dt", "Weaknesses").Open("dd").Open("ul", ("class", "inline-list"));
            foreach (var cwe in advisory.CweIds)
            {
                html.Open("li");
                if (IdentifierLinks.UrlOf(cwe) is { } url) Anchor.External(html, url, cwe);
                else html.Text(cwe);
                html.Close("li");
            }
            html.Close("ul").Close("dd").Line();
        }
        html.Element("dt", "OSV record").Open("dd")
            .Element("a", advisory.Id + ".json", ("href", page.Href(SiteLinks.OsvJsonPath(advisory.Id))), ("type", "application/json"))
            .Close("dd").Line();
        html.Close("dl").Line();
    }

    /// <summary>
    /// IDs of this site link to their pages, others to their own database's page (<see cref="IdentifierLinks"/>);
    /// the rest are shown as text (no guessed URLs).
    /// </summary>
    private void WriteIdentifierFact(HtmlWriter html, SitePage page, string label, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return;
        html.Element("dt", label).Open("dd").Open("ul", ("class", "inline-list"));
        foreach (var id in ids)
        {
            html.Open("li");
            if (siteIds.Contains(id)) html.Element("a", id, ("href", page.Href(SiteLinks.AdvisoryPagePath(id))));
            else if (IdentifierLinks.UrlOf(id) is { } url) Anchor.External(html, url, id);
            else html.Element("code", id);
            html.Close("li");
        }
        html.Close("ul").Close("dd").Line();
    }

    private void WriteDetails(HtmlWriter html, AdvisoryView advisory)
    {
        var rendered = details.Render(advisory.DetailsMarkdown);
        if (rendered.IsEmpty) return;
        OpenSection(html, "details", "Details");
        html.Open("div", ("class", "prose")).Line().Markup(rendered).Line().Close("div").Line();
        html.Close("section").Line();
    }

    private static void WriteSeverities(HtmlWriter html, AdvisoryView advisory)
    {
        var rows = advisory.Severities.Select(s => (Scope: "Advisory", Severity: s))
            .Concat(advisory.Affected.SelectMany(a => a.Severities.Select(s => (Scope: PackageLabel(a), Severity: s))))
            .ToList();
        if (rows.Count == 0) return;
        OpenSection(html, "severity", "Severity");
        OpenTable(html, "Severity scores", "Applies to", "Rating", "Score", "System", "Vector");
        foreach (var (scope, severity) in rows)
        {
            html.Open("tr").Element("th", scope, ("scope", "row")).Open("td", ("data-label", "Rating"));
            SeverityBadge.Write(html, severity);
            html.Close("td").Element("td", severity.ScoreText ?? "–", ("data-label", "Score")).Element("td", severity.TypeLabel, ("data-label", "System"))
                .Open("td", ("data-label", "Vector")).Element("code", severity.Vector, ("class", "vector")).Close("td").Close("tr").Line();
        }
        CloseTable(html);
        html.Close("section").Line();
    }

    private void WriteAffected(HtmlWriter html, SitePage page, AdvisoryView advisory)
    {
        if (advisory.Affected.Count == 0) return;
        OpenSection(html, "affected", "Affected packages");
        OpenTable(html, "Affected packages and versions", "Package", "Ecosystem", "Affected versions", "Fixed in");
        foreach (var affected in advisory.Affected)
        {
            html.Open("tr").Open("th", ("scope", "row"));
            if (packages.Find(affected) is { } package) html.Element("a", affected.Package, ("href", page.Href(package.PagePath)));
            else html.Text(PackageLabel(affected));
            if (affected.Purl is { Length: > 0 } purl) html.Open("br").Element("code", purl, ("class", "purl"));
            html.Close("th").Element("td", affected.Ecosystem.Length > 0 ? affected.Ecosystem : "–", ("data-label", "Ecosystem"));
            html.Open("td", ("data-label", "Affected"));
            AffectedVersions.Write(html, affected);
            html.Close("td").Open("td", ("data-label", "Fixed in"));
            AffectedVersions.WriteFixed(html, [affected]);
            html.Close("td").Close("tr").Line();
        }
        CloseTable(html);
        html.Close("section").Line();
    }

    private static void WriteReferences(HtmlWriter html, AdvisoryView advisory)
    {
        if (advisory.References.Count == 0) return;
        OpenSection(html, "references", "References");
        html.Open("ul", ("class", "references")).Line();
        foreach (var reference in advisory.References)
        {
            html.Open("li").Element("span", reference.Label, ("class", "tag")).Text(" ");
            Anchor.External(html, reference.Url);
            html.Close("li").Line();
        }
        html.Close("ul").Line().Close("section").Line();
    }

    private static void WriteCredits(HtmlWriter html, AdvisoryView advisory)
    {
        if (advisory.Credits.Count == 0) return;
        OpenSection(html, "credits", "Credits");
        html.Open("ul", ("class", "credits")).Line();
        foreach (var credit in advisory.Credits)
        {
            html.Open("li").Element("span", credit.Name, ("class", "credit-name"));
            if (credit.TypeLabel is { } type) html.Text(" ").Element("span", type, ("class", "tag"));
            foreach (var contact in credit.Contacts)
            {
                html.Text(" ");
                Anchor.External(html, contact, ContactText(contact));
            }
            html.Close("li").Line();
        }
        html.Close("ul").Line().Close("section").Line();
    }

    private static void WriteTimeline(HtmlWriter html, AdvisoryView advisory)
    {
        var events = new List<(DateTimeOffset When, string What)>();
        if (advisory.Published is { } published) events.Add((published, "Published"));
        // Withdrawing modifies the record; "Last modified" at the same moment would say nothing more.
        if (advisory.Modified is { } modified && modified != advisory.Published && modified != advisory.Withdrawn)
            events.Add((modified, "Last modified"));
        if (advisory.Withdrawn is { } withdrawn) events.Add((withdrawn, "Withdrawn"));
        if (events.Count == 0) return;
        OpenSection(html, "timeline", "Timeline");
        html.Open("ol", ("class", "timeline")).Line();
        foreach (var (when, what) in events.OrderBy(e => e.When))
        {
            html.Open("li");
            TimeElement.Write(html, when);
            html.Text(" ").Text(what).Close("li").Line();
        }
        html.Close("ol").Line().Close("section").Line();
    }

    private static string PackageLabel(AffectedPackageView affected) =>
        affected.Package.Length > 0 ? affected.Package
        : affected.Ranges.FirstOrDefault(r => r.Repo is not null)?.Repo ?? "(no package named)";

    /// <summary>"mailto:a@b.org" reads better as "a@b.org"; other contacts are shown as written.</summary>
    private static string ContactText(string contact) =>
        contact.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? contact["mailto:".Length..] : contact;

    private static void OpenSection(HtmlWriter html, string id, string heading) =>
        html.Open("section", ("aria-labelledby", id)).Line().Element("h2", heading, ("id", id)).Line();

    private static void OpenTable(HtmlWriter html, string caption, params string[] headings)
    {
        html.Open("div", ("class", "table-scroll")).Open("table").Line();
        html.Element("caption", caption, ("class", "visually-hidden")).Line();
        html.Open("thead").Open("tr");
        foreach (var heading in headings) html.Element("th", heading, ("scope", "col"));
        html.Close("tr").Close("thead").Line().Open("tbody").Line();
    }

    private static void CloseTable(HtmlWriter html) => html.Close("tbody").Close("table").Close("div").Line();
}
