using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Markdown;

/// <summary>
/// The database's index page (<c>README.md</c> on github.com): every advisory in a table, newest first,
/// linked to its page. Withdrawn advisories stay listed, marked as such.
/// </summary>
public static class MarkdownIndexRenderer
{
    public static string Render(IReadOnlyList<AdvisoryView> advisories, RenderSettings settings)
    {
        var page = new MarkdownBlocks();
        page.Heading(1, MarkdownText.Escape(settings.DatabaseName));
        var intro = advisories.Count switch
        {
            0 => "No advisories have been published yet.",
            1 => "1 advisory, newest first.",
            _ => $"{advisories.Count} advisories, newest first.",
        };
        if (settings.HomeUrl is { } home) intro += " Project home: " + MarkdownText.Url(home.AbsoluteUri) + ".";
        page.Block(intro);

        if (advisories.Count == 0) return page.ToString();
        var table = new MarkdownTable("ID", "Summary", "Severity", "Packages", "Published");
        foreach (var advisory in NewestFirst(advisories))
        {
            var id = MarkdownText.RelativeLink(advisory.Id, MarkdownPageRenderer.FileName(advisory.Id));
            table.AddRow(
                advisory.IsWithdrawn ? id + " **withdrawn**" : id,
                MarkdownText.Escape(advisory.Summary),
                MarkdownText.Escape(advisory.HighestSeverity?.RatingAndScore ?? MarkdownTable.NoValue),
                Packages(advisory),
                advisory.Published is { } published ? DisplayTime.Date(published) : MarkdownTable.NoValue);
        }
        page.Block(table.ToString());
        return page.ToString();
    }

    /// <summary>By publication, newest first; unpublished last; ties by ID so that the order never depends on the input's.</summary>
    public static IReadOnlyList<AdvisoryView> NewestFirst(IEnumerable<AdvisoryView> advisories) =>
        [.. advisories
            .OrderBy(a => a.Published is null)
            .ThenByDescending(a => a.Published)
            .ThenBy(a => a.Id, StringComparer.Ordinal)];

    /// <summary>"PyPI: tessera-py; npm: @tessera/client, tessera-cli", in the record's order.</summary>
    private static string Packages(AdvisoryView advisory)
    {
        var groups = advisory.Affected
            .Where(a => a.Package.Length > 0)
            .GroupBy(a => a.Ecosystem, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(a => a.Package).Distinct(StringComparer.Ordinal))}")
            .ToList();
        return groups.Count == 0 ? MarkdownTable.NoValue : MarkdownText.Escape(string.Join("; ", groups));
    }
}
