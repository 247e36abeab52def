using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Markdown;
using AdvisoryPipeline.Tests.TestSupport;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace AdvisoryPipeline.Tests.Rendering.Markdown;

public class MarkdownIndexRendererTests
{
    [Fact]
    public void Index_lists_every_advisory_newest_first_each_linked_to_its_page()
    {
        var index = MarkdownAst.Parse(MarkdownIndexRenderer.Render(ExampleDatabase.Views, ExampleDatabase.Settings));

        var rows = index.Descendants<TableRow>().Skip(1).ToList();
        Assert.Equal(ExampleDatabase.All.Count, rows.Count);
        var published = rows.Select(r => DateOnly.Parse(MarkdownAst.Text(r.OfType<TableCell>().Last()), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(published.OrderDescending(), published);
        Assert.All(rows, row =>
        {
            var idCell = row.OfType<TableCell>().First();
            var id = MarkdownAst.Text(idCell).Split(' ')[0];
            Assert.Equal([id + ".md"], MarkdownAst.LinkUrls(idCell));
        });
    }

    [Fact]
    public void Row_shows_summary_highest_severity_packages_and_date()
    {
        var index = MarkdownAst.Parse(MarkdownIndexRenderer.Render(ExampleDatabase.Views, ExampleDatabase.Settings));

        var row = Row(index, "TSSA-2025-1");
        Assert.Equal(
            [
                "TSSA-2025-1",
                "Stack exhaustion from deeply nested lists and maps in Tessera decoders",
                "High 8.7",
                "GIT: https://github.com/tessera-project/tessera; PyPI: tessera-py; Go: github.com/tessera-project/tessera-go, github.com/tessera-project/tessera-go/v2",
                "2025-01-28",
            ],
            row);
        Assert.Equal("High 7.5", Row(index, "TSSA-2026-3")[2]);
    }

    [Fact]
    public void Withdrawn_advisories_stay_listed_and_are_marked()
    {
        var index = MarkdownAst.Parse(MarkdownIndexRenderer.Render(ExampleDatabase.Views, ExampleDatabase.Settings));

        Assert.Equal("TSSA-2025-3 withdrawn", Row(index, "TSSA-2025-3")[0]);
        Assert.Equal("—", Row(index, "TSSA-2025-3")[2]);
        Assert.Equal("TSSA-2025-4", Row(index, "TSSA-2025-4")[0]);
    }

    [Fact]
    public void Equal_publication_times_order_by_id_and_unpublished_come_last_whatever_the_input_order()
    {
        AdvisoryView Advisory(string id, string? published) =>
            AdvisoryView.From(new OsvRecord { Id = id, Modified = "2026-01-01T00:00:00Z", Published = published, Summary = "s " + id });
        AdvisoryView[] advisories =
        [
            Advisory("X-3", null),
            Advisory("X-2", "2026-01-01T00:00:00Z"),
            Advisory("X-1", "2026-01-01T00:00:00Z"),
            Advisory("X-4", "2026-02-01T00:00:00Z"),
        ];

        var forward = MarkdownIndexRenderer.Render(advisories, ExampleDatabase.Settings);
        var backward = MarkdownIndexRenderer.Render([.. advisories.Reverse()], ExampleDatabase.Settings);

        Assert.Equal(forward, backward);
        var ids = MarkdownAst.Parse(forward).Descendants<TableRow>().Skip(1).Select(r => MarkdownAst.Text(r.OfType<TableCell>().First()));
        Assert.Equal(["X-4", "X-1", "X-2", "X-3"], ids);
    }

    [Fact]
    public void Title_and_introduction_name_the_database_and_its_home()
    {
        var index = MarkdownAst.Parse(MarkdownIndexRenderer.Render(ExampleDatabase.Views, ExampleDatabase.Settings));

        Assert.Equal("Tessera Security Advisories", MarkdownAst.Text(Assert.IsType<HeadingBlock>(index[0]).Inline));
        Assert.Equal($"{ExampleDatabase.All.Count} advisories, newest first. Project home: https://tessera-project.org/.", MarkdownAst.Text(index[1]));
    }

    [Fact]
    public void An_empty_database_gets_a_title_and_no_table()
    {
        var index = MarkdownAst.Parse(MarkdownIndexRenderer.Render([], ExampleDatabase.Settings));

        Assert.Empty(index.Descendants<Table>());
        Assert.StartsWith("No advisories have been published yet.", MarkdownAst.Text(index[1]));
    }

    private static string[] Row(MarkdownDocument index, string id) =>
        index.Descendants<TableRow>().Select(r => r.OfType<TableCell>().Select(MarkdownAst.Text).ToArray())
            .Single(cells => cells[0].StartsWith(id + " ", StringComparison.Ordinal) || cells[0] == id);
}
