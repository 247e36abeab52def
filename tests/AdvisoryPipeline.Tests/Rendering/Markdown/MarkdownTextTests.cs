using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Markdown;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Tests.Rendering.Markdown;

public class MarkdownTextTests
{
    public static TheoryData<string> HostileValues => new()
    {
        "a | b",
        "pipe at end |",
        "| starts with a pipe",
        "`code` and ``double``",
        "**bold**, *em*, __strong__ and _em_",
        "snake_case_name and 2*3*4",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<!-- comment -->",
        "<https://autolink.example/>",
        "[click](javascript:alert(1))",
        "![image](https://tracker.example/x.png)",
        "[ref]: https://example.com",
        "&lt;not decoded&gt; &amp; &#65;",
        "back\\slash and \\| escaped pipe and a\\",
        "~~strike~~ and $x^2$ math",
        "title with closing hashes ##",
        "> not a quote",
        "1. not a list",
    };

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void Escaped_value_stays_one_table_cell_of_plain_text(string value)
    {
        var document = MarkdownAst.Parse($"| A | B |\n| --- | --- |\n| {MarkdownText.Escape(value)} | after |\n");

        var cells = document.Descendants<TableRow>().Last().OfType<TableCell>().ToList();
        Assert.Equal(2, cells.Count);
        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(cells[0]));
        Assert.Equal(value, MarkdownAst.Text(paragraph.Inline));
        Assert.All(paragraph.Inline!, AssertPlainText);
        Assert.Equal("after", MarkdownAst.Text(cells[1]));
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void Escaped_value_is_plain_text_after_a_heading_marker(string value)
    {
        var document = MarkdownAst.Parse("# " + MarkdownText.Escape(value) + "\n");

        var heading = Assert.IsType<HeadingBlock>(Assert.Single(document));
        Assert.Equal(value, MarkdownAst.Text(heading.Inline));
        Assert.All(heading.Inline!, AssertPlainText);
    }

    /// <summary>
    /// Literal text only; GitHub (and Markdig) still turn a bare http(s) URL in text into a link, which
    /// no escaping prevents and which is harmless: it shows the URL itself and goes nowhere else.
    /// </summary>
    private static void AssertPlainText(Inline inline)
    {
        if (inline is LinkInline { IsAutoLink: true } autolink)
        {
            Assert.True(LinkPolicy.Allows(autolink.Url), autolink.Url);
            Assert.Equal(autolink.Url, MarkdownAst.Text(autolink));
            return;
        }
        Assert.IsType<LiteralInline>(inline);
    }

    [Fact]
    public void Line_breaks_and_hidden_characters_cannot_start_new_blocks()
    {
        const string value = "first\r\n| x | y |\n# injected\u2028heading\u202Egnp.exe\u0007";

        var document = MarkdownAst.Parse("| A |\n| --- |\n| " + MarkdownText.Escape(value) + " |\n");

        var table = Assert.IsType<Table>(Assert.Single(document));
        Assert.Equal(2, table.Count);
        Assert.Equal("first | x | y | # injected headinggnp.exe", MarkdownAst.Text(table.Descendants<TableCell>().Last()));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox")]
    [InlineData("file:///etc/passwd")]
    [InlineData("../relative/path")]
    [InlineData("https://example.com/\u202Etxt.exe")]
    [InlineData("https://example.com/path with spaces/")]
    public void Only_http_https_and_mailto_become_links(string url)
    {
        var markdown = MarkdownText.Link("label", url);

        var document = MarkdownAst.Parse(markdown);
        Assert.Empty(document.Descendants<LinkInline>());
        Assert.Empty(document.Descendants<AutolinkInline>());
        Assert.Equal("label", MarkdownAst.Text(Assert.IsType<ParagraphBlock>(Assert.Single(document)).Inline));
    }

    [Theory]
    [InlineData("https://example.com/a_(b)_c?x=1|2&y=<z>#frag")]
    [InlineData("http://example.com/back\\slash`tick`")]
    [InlineData("mailto:security@example.com")]
    public void A_safe_url_becomes_a_link_to_the_same_address_even_in_a_table(string url)
    {
        var document = MarkdownAst.Parse($"| A |\n| --- |\n| {MarkdownText.Link("te|xt", url)} |\n");

        var link = Assert.Single(document.Descendants<LinkInline>());
        Assert.Equal(url, Uri.UnescapeDataString(link.Url!));
        Assert.Equal("te|xt", MarkdownAst.Text(link));
        Assert.Equal(2, document.Descendants<TableRow>().Count());
    }

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L")]
    [InlineData("a`b")]
    [InlineData("`starts and ends`")]
    [InlineData("<b>not html</b>")]
    public void Code_span_shows_the_value_verbatim(string value)
    {
        var code = Assert.Single(MarkdownAst.Parse(MarkdownText.Code(value)).Descendants<CodeInline>());

        Assert.Equal(value, code.Content);
    }

    [Fact]
    public void Link_policy_matches_the_escaping_decision()
    {
        Assert.True(LinkPolicy.Allows("https://security.tessera-project.org/TSSA-2024-1/"));
        Assert.True(LinkPolicy.Allows("mailto:security@tessera-project.org"));
        Assert.False(LinkPolicy.Allows("https://"));
        Assert.False(LinkPolicy.Allows("JavaScript:alert(1)"));
        Assert.False(LinkPolicy.Allows(""));
    }
}
