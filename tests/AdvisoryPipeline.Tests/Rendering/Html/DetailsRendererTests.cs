using AdvisoryPipeline.Rendering.Html;

namespace AdvisoryPipeline.Tests.Rendering.Html;

public sealed class DetailsRendererTests
{
    private const string Rel = "rel=\"noopener noreferrer nofollow\"";
    private readonly DetailsRenderer _renderer = new();

    private string Render(string markdown) => _renderer.Render(markdown).Markup;

    [Fact]
    public void Raw_html_is_shown_as_text()
    {
        var html = Render("Before <script>alert(1)</script> <img src=x onerror=alert(1)> after");

        Assert.Equal("<p>Before &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; after</p>", html);
    }

    [Fact]
    public void Html_blocks_are_shown_as_text()
    {
        var html = Render("<div onclick=\"alert(1)\">\nhello\n</div>");

        Assert.DoesNotContain("<div", html, StringComparison.Ordinal);
        Assert.Contains("&lt;div onclick=&quot;alert(1)&quot;&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))", "<p>click</p>")]
    [InlineData("[click](JAVASCRIPT:alert(1))", "<p>click</p>")]
    [InlineData("[click](data:text/html,x)", "<p>click</p>")]
    [InlineData("[click](vbscript:x)", "<p>click</p>")]
    [InlineData("[click](/relative/path)", "<p>click</p>")]
    [InlineData("[click](ftp://example.org/file)", "<p>click</p>")]
    [InlineData("[**bold** click](javascript:x)", "<p><strong>bold</strong> click</p>")]
    [InlineData("![alt text](javascript:alert(1))", "<p>alt text</p>")]
    [InlineData("[ref][r]\n\n[r]: javascript:alert(1)", "<p>ref</p>")]
    public void Links_to_anything_but_http_https_and_mailto_become_their_text(string markdown, string expected) =>
        Assert.Equal(expected, Render(markdown));

    [Theory]
    [InlineData("[docs](https://example.org/a?b=1&c=2)", $"<p><a href=\"https://example.org/a?b=1&amp;c=2\" {Rel}>docs</a></p>")]
    [InlineData("[mail](mailto:security@example.org)", $"<p><a href=\"mailto:security@example.org\" {Rel}>mail</a></p>")]
    [InlineData("[ref][r]\n\n[r]: http://example.org/", $"<p><a href=\"http://example.org/\" {Rel}>ref</a></p>")]
    public void Http_https_and_mailto_links_stay_links_that_do_not_leak_the_referrer(string markdown, string expected) =>
        Assert.Equal(expected, Render(markdown));

    [Fact]
    public void Images_become_links_to_the_image_so_that_no_other_origin_is_contacted()
    {
        Assert.Equal($"<p><a href=\"https://example.org/i.png\" {Rel}>diagram</a></p>", Render("![diagram](https://example.org/i.png)"));
        Assert.Equal($"<p><a href=\"https://example.org/i.png\" {Rel}>https://example.org/i.png</a></p>", Render("![](https://example.org/i.png)"));
    }

    [Theory]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>")]
    [InlineData("<https://example.org/x>", $"<p><a href=\"https://example.org/x\" {Rel}>https://example.org/x</a></p>")]
    [InlineData("<security@example.org>", $"<p><a href=\"mailto:security@example.org\" {Rel}>security@example.org</a></p>")]
    [InlineData("see www.example.org now", $"<p>see <a href=\"http://www.example.org/\" {Rel}>www.example.org</a> now</p>")]
    [InlineData("see https://example.org/a now", $"<p>see <a href=\"https://example.org/a\" {Rel}>https://example.org/a</a> now</p>")]
    public void Autolinks_follow_the_same_rule(string markdown, string expected) => Assert.Equal(expected, Render(markdown));

    [Fact]
    public void Author_headings_start_below_the_pages_own_and_never_skip_a_level()
    {
        Assert.Equal("<h3>Impact</h3>\n<h4>Sub</h4>\n<h5>Deep</h5>", Render("# Impact\n## Sub\n##### Deep"));
        Assert.Equal("<h3>Impact</h3>\n<h4>Details</h4>\n<h3>Fix</h3>", Render("## Impact\n#### Details\n## Fix"));
    }

    [Fact]
    public void Tables_carry_no_inline_style_which_the_csp_would_refuse()
    {
        var html = Render("| a | b |\n|:-:|--:|\n| 1 | 2 |");

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_and_bidi_override_characters_are_made_visible()
    {
        Assert.Equal("<p>a\uFFFDb\uFFFDc</p>", Render("a\u0001b\u202Ec"));
    }

    [Fact]
    public void Code_keeps_its_text_encoded()
    {
        Assert.Equal("<p><code>&lt;/script&gt;</code></p>", Render("`</script>`"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void No_details_render_as_nothing(string? markdown) => Assert.True(_renderer.Render(markdown).IsEmpty);
}
