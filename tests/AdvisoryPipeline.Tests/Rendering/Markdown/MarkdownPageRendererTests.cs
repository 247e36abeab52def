using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Markdown;
using AdvisoryPipeline.Tests.TestSupport;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Tests.Rendering.Markdown;

public class MarkdownPageRendererTests
{
    private static readonly RenderSettings Settings = ExampleDatabase.Settings;

    [Theory]
    [MemberData(nameof(ExampleDatabase.Ids), MemberType = typeof(ExampleDatabase))]
    public void Every_sample_page_has_the_id_and_summary_as_title_and_its_sections_in_order(string id)
    {
        var advisory = ExampleDatabase.View(id);

        var page = MarkdownAst.Parse(MarkdownPageRenderer.Render(advisory, Settings));

        var headings = page.Descendants<HeadingBlock>().ToList();
        Assert.Equal($"{id}: {advisory.Title}", MarkdownAst.Text(headings[0].Inline));
        // The title is the summary; a withdrawn record's "Withdrawn:" prefix is left to the withdrawal notice.
        Assert.EndsWith(advisory.Title, advisory.Record.Summary, StringComparison.Ordinal);
        Assert.Single(headings, h => h.Level == 1);
        var sections = headings.Where(h => h.Level == 2).Select(h => MarkdownAst.Text(h.Inline)).ToList();
        string[] order = ["Severity", "Affected packages", "Details", "Credits", "References", "Timeline"];
        Assert.Equal(order.Where(sections.Contains), sections);
        Assert.Contains("Affected packages", sections);
        Assert.Contains("Timeline", sections);
    }

    [Theory]
    [MemberData(nameof(ExampleDatabase.Ids), MemberType = typeof(ExampleDatabase))]
    public void Sample_pages_link_only_to_http_https_mailto_or_sibling_pages_and_hold_no_html(string id)
    {
        var page = MarkdownAst.Parse(MarkdownPageRenderer.Render(ExampleDatabase.View(id), Settings));

        Assert.Empty(page.Descendants<HtmlInline>());
        Assert.Empty(page.Descendants<HtmlBlock>());
        Assert.All(MarkdownAst.LinkUrls(page), url =>
            Assert.True(LinkPolicy.Allows(url) || ExampleDatabase.All.Any(r => url == r.Id + ".md"), url));
    }

    [Theory]
    [MemberData(nameof(ExampleDatabase.Ids), MemberType = typeof(ExampleDatabase))]
    public void Rendering_is_deterministic_and_uses_unix_line_ends(string id)
    {
        var first = MarkdownPageRenderer.Render(ExampleDatabase.View(id), Settings);
        var roundTripped = SampleAdvisories.FromJson(JsonSerializer.Serialize(ExampleDatabase.Record(id), OsvJsonContext.Default.OsvRecord));
        var second = MarkdownPageRenderer.Render(AdvisoryView.From(roundTripped), Settings);

        Assert.Equal(Encoding.UTF8.GetBytes(first), Encoding.UTF8.GetBytes(second));
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("\n", first);
    }

    [Fact]
    public void Aliases_link_to_cve_org_and_github_and_related_ids_to_their_sibling_pages()
    {
        var page = MarkdownAst.Parse(MarkdownPageRenderer.Render(ExampleDatabase.View("TSSA-2024-1"), Settings));

        var identifiers = page.Descendants<ListBlock>().First();
        Assert.Equal(
            [
                "https://www.cve.org/CVERecord?id=CVE-2024-31877",
                "https://github.com/advisories/GHSA-3pvw-x489-xxrh",
                "TSSA-2026-1.md",
                "https://cwe.mitre.org/data/definitions/122.html",
                "https://cwe.mitre.org/data/definitions/190.html",
            ],
            MarkdownAst.LinkUrls(identifiers));
    }

    [Fact]
    public void Upstream_ids_of_other_databases_link_by_their_kind()
    {
        var page = MarkdownAst.Parse(MarkdownPageRenderer.Render(ExampleDatabase.View("TSSA-2026-2"), Settings));

        var upstream = page.Descendants<ListItemBlock>().Single(i => MarkdownAst.Text(i).StartsWith("Upstream:", StringComparison.Ordinal));
        Assert.Equal(["https://www.cve.org/CVERecord?id=CVE-2022-37434"], MarkdownAst.LinkUrls(upstream));
    }

    [Fact]
    public void Affected_table_gives_versions_as_comparisons_and_git_commits_in_words_and_links()
    {
        var advisory = ExampleDatabase.View("TSSA-2024-1");

        var page = MarkdownAst.Parse(MarkdownPageRenderer.Render(advisory, Settings));

        var rows = Rows(page);
        Assert.Equal(["Ecosystem", "Package", "Affected versions", "Fixed versions"], rows[0]);
        Assert.Equal(["PyPI", "tessera-py", ">= 1.4.0, < 1.5.1", "1.5.1"], rows[2]);
        Assert.Equal("introduced in 7b6046c2e9d4 (versions: v2.4.0, v2.4.1, v2.5.0)", rows[1][2]);
        Assert.Equal("ccb2cc34a2eb", rows[1][3]);
        var gitCells = page.Descendants<TableRow>().ElementAt(1).OfType<TableCell>().ToList();
        Assert.Equal(["https://github.com/tessera-project/tessera/commit/7b6046c2e9d411aa63437e273c78f0f50b309450"], MarkdownAst.LinkUrls(gitCells[2]));
        Assert.Equal(["https://github.com/tessera-project/tessera/commit/ccb2cc34a2ebb3c7e652aed1f3d4d89879090383"], MarkdownAst.LinkUrls(gitCells[3]));
    }

    /// <summary>PyPA lists every release beside a GIT range: beyond a few, the list goes below the table, not into its cell.</summary>
    [Fact]
    public void A_long_list_of_versions_beside_a_git_range_goes_below_the_table()
    {
        var versions = Enumerable.Range(0, 8).Select(i => $"\"0.{i}\"");
        var advisory = AdvisoryView.From(SampleAdvisories.FromJson($$"""
            {"id": "PYSEC-2021-76", "modified": "2021-03-26T20:01:00Z", "summary": "Open redirect in aiohttp",
             "affected": [{"package": {"ecosystem": "PyPI", "name": "aiohttp"},
               "ranges": [{"type": "GIT", "repo": "https://github.com/aio-libs/aiohttp",
                           "events": [{"introduced": "0"}, {"fixed": "2545222a3853e31ace15d87ae0e2effb7da0c96b"}]}],
               "versions": [{{string.Join(", ", versions)}}]}]}
            """));

        var page = MarkdownAst.Parse(MarkdownPageRenderer.Render(advisory, Settings));

        Assert.Equal("since the first commit (8 listed versions, below the table)", Rows(page)[1][2]);
        var below = page.OfType<ParagraphBlock>().Select(MarkdownAst.Text)
            .Single(text => text.StartsWith("aiohttp (PyPI), 8 listed versions:", StringComparison.Ordinal));
        Assert.EndsWith("0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7", below);
    }

    [Fact]
    public void Several_intervals_open_ranges_and_last_affected_are_written_out()
    {
        var rows = Rows(MarkdownAst.Parse(MarkdownPageRenderer.Render(ExampleDatabase.View("TSSA-2025-1"), Settings)));

        Assert.Equal(["GIT", "https://github.com/tessera-project/tessera", "since the first commit", "a222bb21279c"], rows[1]);
        Assert.Equal(["Go", "github.com/tessera-project/tessera-go", "<= 0.9.4", "—"], rows[3]);

        var twoIntervals = Rows(MarkdownAst.Parse(MarkdownPageRenderer.Render(ExampleDatabase.View("TSSA-2024-2"), Settings)));
        Assert.Equal([">= 2.8.0, < 2.9.7 or >= 3.0.0, < 3.4.2", "2.9.7, 3.4.2"], twoIntervals[1][2..]);

        var withdrawn = Rows(MarkdownAst.Parse(MarkdownPageRenderer.Render(ExampleDatabase.View("TSSA-2025-3"), Settings)));
        Assert.Equal(["all commits", "—"], withdrawn[1][2..]);
    }

    [Fact]
    public void Per_package_severities_get_a_column_and_a_line_each()
    {
        var page = MarkdownAst.Parse(MarkdownPageRenderer.Render(ExampleDatabase.View("TSSA-2026-3"), Settings));

        var rows = Rows(page);
        Assert.Equal("Severity", rows[0][^1]);
        Assert.Equal(["High 7.5", "Low 3.3"], rows.Skip(1).Select(r => r[^1]));
        var severity = Section(page, "Severity");
        Assert.Equal(
            [
                "@tessera/client (npm): High 7.5 · CVSS v3.1 · CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
                "tessera-cli (npm): Low 3.3 · CVSS v3.1 · CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:L",
            ],
            severity.OfType<ListBlock>().Single().Select(MarkdownAst.Text));
    }

    [Fact]
    public void Record_severities_show_rating_score_and_vector()
    {
        var page = MarkdownAst.Parse(MarkdownPageRenderer.Render(ExampleDatabase.View("TSSA-2025-4"), Settings));

        Assert.Equal(
            [
                "Critical 9.8 · CVSS v3.1 · CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "Critical 9.3 · CVSS v4.0 · CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
            ],
            Section(page, "Severity").OfType<ListBlock>().Single().Select(MarkdownAst.Text));
    }

    [Fact]
    public void Withdrawn_advisory_opens_with_a_warning_alert()
    {
        var page = MarkdownAst.Parse(MarkdownPageRenderer.Render(ExampleDatabase.View("TSSA-2025-3"), Settings));

        var alert = Assert.IsType<QuoteBlock>(page[1]);
        var text = MarkdownAst.Text(alert);
        Assert.StartsWith("[!WARNING] This advisory was withdrawn on 2025-05-09 17:48:03 UTC.", text);
        Assert.Contains("- Withdrawn: 2025-05-09 17:48:03 UTC", MarkdownPageRenderer.Render(ExampleDatabase.View("TSSA-2025-3"), Settings));
        Assert.DoesNotContain("[!WARNING]", MarkdownPageRenderer.Render(ExampleDatabase.View("TSSA-2025-4"), Settings));
    }

    [Fact]
    public void Credits_references_and_timeline_list_names_roles_contacts_labels_and_dates()
    {
        var page = MarkdownAst.Parse(MarkdownPageRenderer.Render(ExampleDatabase.View("TSSA-2025-1"), Settings));

        var credits = Section(page, "Credits").OfType<ListBlock>().Single();
        Assert.Equal(
            "Kateryna Melnyk — Finder — https://kmelnyk.example.ua/, kateryna@example.org",
            MarkdownAst.Text(credits.First()));
        Assert.Equal(["https://kmelnyk.example.ua/", "mailto:kateryna@example.org"], MarkdownAst.LinkUrls(credits.First()));
        var references = Section(page, "References").OfType<ListBlock>().Single();
        Assert.Equal("Fix: https://github.com/tessera-project/tessera-go/pull/58", MarkdownAst.Text(references.ElementAt(3)));
        Assert.Equal(
            ["Published: 2025-01-28 14:00:00 UTC", "Modified: 2025-02-11 09:31:27 UTC"],
            Section(page, "Timeline").OfType<ListBlock>().Single().Select(MarkdownAst.Text));
    }

    [Fact]
    public void Footer_links_the_project_the_advisory_page_and_the_osv_record()
    {
        var page = MarkdownAst.Parse(MarkdownPageRenderer.Render(ExampleDatabase.View("TSSA-2026-1"), Settings));

        Assert.IsType<ThematicBreakBlock>(page[^2]);
        Assert.Equal(
            ["https://tessera-project.org/", "https://security.tessera-project.org/TSSA-2026-1/", "https://security.tessera-project.org/osv/TSSA-2026-1.json"],
            MarkdownAst.LinkUrls(page[^1]));
    }

    [Fact]
    public void Hostile_values_never_break_the_table_inject_html_headings_or_unsafe_links()
    {
        var record = SampleAdvisories.FromJson("""
            {
              "id": "TSSA-2026-9",
              "modified": "2026-10-01T00:00:00Z",
              "published": "2026-10-01T00:00:00Z",
              "aliases": ["CVE-2026-1|<b>x</b>"],
              "summary": "Pwn | <script>alert(1)</script>\n# injected heading\r\n| a | b |",
              "details": "Text <img src=x onerror=alert(1)>.\n\n<iframe src=javascript:alert(2)></iframe>\n\n[x](javascript:alert(3))\n\n```\nunclosed",
              "affected": [{
                "package": { "ecosystem": "npm|<i>", "name": "evil|pkg`<b>bold</b>\n| x |" },
                "severity": [{ "type": "CVSS_V3", "score": "CVSS:3.1/AV:N|<b>" }],
                "ranges": [{ "type": "ECOSYSTEM", "events": [{ "introduced": "1.0|<i>" }, { "fixed": "2.0*_`" }] }]
              }],
              "references": [{ "type": "WEB", "url": "javascript:alert(4)" }, { "type": "FIX", "url": "https://example.com/fix|(1)" }],
              "credits": [{ "name": "<script>Mallory</script> | ", "type": "FINDER", "contact": ["data:text/html,<script>alert(5)</script>", "mailto:m@example.com"] }]
            }
            """);

        var markdown = MarkdownPageRenderer.Render(AdvisoryView.From(record), Settings);
        var page = MarkdownAst.Parse(markdown);

        Assert.Empty(page.Descendants<HtmlInline>());
        Assert.Empty(page.Descendants<HtmlBlock>());
        Assert.Single(page.Descendants<HeadingBlock>(), h => h.Level == 1);
        Assert.Equal(
            [
                "mailto:m@example.com",
                "https://example.com/fix%7C(1)",
                "https://tessera-project.org/",
                "https://security.tessera-project.org/TSSA-2026-9/",
                "https://security.tessera-project.org/osv/TSSA-2026-9.json",
            ],
            MarkdownAst.LinkUrls(page));
        var rows = Rows(page);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["npm|<i>", "evil|pkg`<b>bold</b> | x |", ">= 1.0|<i>, < 2.0*_`", "2.0*_`", "—"], rows[1]);
        Assert.Equal("Timeline", MarkdownAst.Text(page.Descendants<HeadingBlock>().Last().Inline));
    }

    private static List<string[]> Rows(MarkdownDocument page) =>
        [.. page.Descendants<Table>().Single().OfType<TableRow>()
            .Select(row => row.OfType<TableCell>().Select(MarkdownAst.Text).ToArray())];

    /// <summary>The blocks between a level-2 heading and the next one.</summary>
    private static IReadOnlyList<Block> Section(MarkdownDocument page, string title) =>
        [.. page.SkipWhile(b => !(b is HeadingBlock { Level: 2 } h && MarkdownAst.Text(h.Inline) == title)).Skip(1)
            .TakeWhile(b => b is not HeadingBlock { Level: 2 })];
}
