using AdvisoryPipeline.Markup;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Mail;
using AdvisoryPipeline.Rendering.Markdown;
using AdvisoryPipeline.Tests.TestSupport;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Tests.Rendering.Markdown;

/// <summary>
/// The 983 real PyPA advisories through both renderers: real-world details Markdown (with the odd raw
/// HTML tag), long version lists and odd references must still give intact pages and mails.
/// </summary>
public class CorpusRenderingTests
{
    private static readonly Lazy<IReadOnlyList<AdvisoryView>> Corpus = new(() => [.. RealDatabases.Pypa.Select(AdvisoryView.From)]);

    [Fact]
    public void Every_corpus_page_keeps_its_table_holds_no_html_and_links_only_safe_urls()
    {
        Assert.Equal(983, Corpus.Value.Count);
        foreach (var advisory in Corpus.Value)
        {
            var page = GitHubMarkdown.Parse(MarkdownPageRenderer.Render(advisory, ExampleDatabase.Settings));

            Assert.Empty(page.Descendants<HtmlInline>());
            Assert.Empty(page.Descendants<HtmlBlock>());
            Assert.All(page.Descendants<LinkInline>(), link => Assert.True(LinkPolicy.Allows(link.Url), $"{advisory.Id}: {link.Url}"));
            Assert.Single(page.Descendants<HeadingBlock>(), h => h.Level == 1);
            if (advisory.Affected.Count > 0)
                Assert.Equal(advisory.Affected.Count + 1, page.Descendants<Table>().Single().Count);
            // PYSEC-2024-55 has no date but Go's zero time (0001-01-01), which is no date: no timeline then.
            if (advisory.Published is not null || advisory.Modified is not null || advisory.Withdrawn is not null)
                Assert.Equal("Timeline", MarkdownAst.Text(page.Descendants<HeadingBlock>().Last().Inline));
        }
    }

    [Fact]
    public void Every_corpus_announcement_wraps_at_72_columns_except_unbreakable_tokens()
    {
        foreach (var advisory in Corpus.Value)
        {
            var announcement = AnnouncementTextRenderer.Render([advisory], ExampleDatabase.Settings);

            Assert.DoesNotContain('\n', announcement.Subject);
            Assert.All(announcement.Body.Split('\n'), line =>
                Assert.True(PlainTextWrapper.Width(line) <= 72 || !line.Trim().Contains(' ') || line.StartsWith("    ", StringComparison.Ordinal),
                    $"{advisory.Id}: {line}"));
        }
    }
}
