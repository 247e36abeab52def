using AdvisoryPipeline.Rendering.Markdown;
using AdvisoryPipeline.Tests.TestSupport;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Tests.Rendering.Markdown;

public class MarkdownDetailsTests
{
    [Theory]
    [MemberData(nameof(ExampleDatabase.Ids), MemberType = typeof(ExampleDatabase))]
    public void Sample_details_keep_their_structure_and_text_with_headings_nested_under_the_page(string id)
    {
        var details = ExampleDatabase.Record(id).Details!;

        var original = MarkdownAst.Parse(details);
        var embedded = MarkdownAst.Parse(MarkdownDetails.Embed(details, 3));

        Assert.Equal(Shape(original), Shape(embedded));
        Assert.Equal(original.Descendants<LinkInline>().Select(l => l.Url), embedded.Descendants<LinkInline>().Select(l => l.Url));
        Assert.Equal(
            original.Descendants<HeadingBlock>().Select(h => Math.Max(3, h.Level + 1)),
            embedded.Descendants<HeadingBlock>().Select(h => h.Level));
    }

    [Fact]
    public void Headings_start_at_the_minimum_level_and_never_skip_one()
    {
        var embedded = MarkdownAst.Parse(MarkdownDetails.Embed("# Top\n\ntext\n\n##### Deep\n\n###### Deepest\n\n## Back\n", 3));

        Assert.Equal([3, 4, 5, 4], embedded.Descendants<HeadingBlock>().Select(h => h.Level));
        Assert.Equal(["Top", "Deep", "Deepest", "Back"], embedded.Descendants<HeadingBlock>().Select(h => MarkdownAst.Text(h.Inline)));
    }

    [Fact]
    public void Headings_that_skip_a_level_are_brought_one_below_the_previous_and_none_goes_beyond_six()
    {
        var embedded = MarkdownAst.Parse(MarkdownDetails.Embed("## Impact\n\n#### Details\n\n##### More\n\n###### Most\n\n###### Still\n", 3));

        Assert.Equal([3, 4, 5, 6, 6], embedded.Descendants<HeadingBlock>().Select(h => h.Level));
    }

    [Fact]
    public void Setext_headings_become_atx_headings_with_their_text()
    {
        var embedded = MarkdownAst.Parse(MarkdownDetails.Embed("Impact *here*\n===\n\nSome text.\n\nFix\n---\n\nMore.\n", 3));

        var headings = embedded.Descendants<HeadingBlock>().ToList();
        Assert.All(headings, h => Assert.False(h.IsSetext));
        Assert.Equal([3, 4], headings.Select(h => h.Level));
        Assert.Equal(["Impact here", "Fix"], headings.Select(h => MarkdownAst.Text(h.Inline)));
        Assert.Single(headings[0].Inline!.Descendants<EmphasisInline>());
    }

    [Fact]
    public void Raw_html_shows_as_text_and_never_reaches_the_page()
    {
        const string details = "<div>\n<script>alert(1)</script>\n</div>\n\nInline <b>bold</b> and <!-- hidden --> text.\n\n<details><summary>x</summary>\n\ny\n";

        var embedded = MarkdownAst.Parse(MarkdownDetails.Embed(details, 3));

        Assert.Empty(embedded.Descendants<HtmlBlock>());
        Assert.Empty(embedded.Descendants<HtmlInline>());
        var text = string.Join("\n", embedded.Descendants<ParagraphBlock>().Select(p => MarkdownAst.Text(p.Inline)));
        Assert.Contains("<script>alert(1)</script>", text);
        Assert.Contains("Inline <b>bold</b> and <!-- hidden --> text.", text);
    }

    [Fact]
    public void Links_to_unsafe_schemes_keep_only_their_text()
    {
        const string details = "[click *me*](javascript:alert(1)), [fine](https://example.com/), ![pic](data:image/png;base64,AAAA), "
            + "<vbscript:msgbox>, [mail](mailto:a@example.com) and [ref link][bad].\n\n[bad]: javascript:alert(2)\n";

        var embedded = MarkdownAst.Parse(MarkdownDetails.Embed(details, 3));

        Assert.Equal(["https://example.com/", "mailto:a@example.com"], MarkdownAst.LinkUrls(embedded));
        Assert.Empty(embedded.Descendants<AutolinkInline>());
        var text = MarkdownAst.Text(embedded.Descendants<ParagraphBlock>().First().Inline);
        Assert.Equal("click me, fine, pic, <vbscript:msgbox>, mail and ref link.", text);
    }

    [Theory]
    [InlineData("Text.\n\n```js\nconst open = true;\n")]
    [InlineData("````\nstill code\n```\n")]
    [InlineData("~~~\ncode")]
    public void An_unclosed_code_fence_is_closed_so_the_page_continues(string details)
    {
        var page = MarkdownAst.Parse(MarkdownDetails.Embed(details, 3) + "\n\n## Credits\n");

        var last = Assert.IsType<HeadingBlock>(page.LastChild);
        Assert.Equal("Credits", MarkdownAst.Text(last.Inline));
        Assert.Single(page.Descendants<FencedCodeBlock>());
    }

    [Fact]
    public void Line_endings_are_normalised()
    {
        Assert.Equal("a\nb\n\nc", MarkdownDetails.Embed("a\r\nb\r\n\r\nc\r\n", 3));
    }

    /// <summary>The block and inline node types in document order: the structure a reader sees.</summary>
    private static IReadOnlyList<string> Shape(MarkdownDocument document) =>
        [.. document.Descendants().Select(node => node switch
        {
            LiteralInline literal => "text:" + literal.Content,
            CodeInline code => "code:" + code.Content,
            HeadingBlock => "heading",
            _ => node.GetType().Name,
        })];
}
