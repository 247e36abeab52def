using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>The first cells of every advisory list row: the ID as row header, the one-line summary, the severity.</summary>
internal static class AdvisoryCells
{
    public static void WriteLeading(HtmlWriter html, SitePage page, AdvisoryView advisory)
    {
        html.Open("th", ("scope", "row"))
            .Element("a", advisory.Id, ("href", page.Href(SiteLinks.AdvisoryPagePath(advisory.Id))))
            .Close("th");
        html.Open("td");
        if (advisory.IsWithdrawn) html.Element("span", "Withdrawn", ("class", "tag tag-withdrawn")).Text(" ");
        html.Text(advisory.Summary).Close("td");
        html.Open("td");
        SeverityBadge.Write(html, advisory.HighestSeverity);
        html.Close("td");
    }
}
