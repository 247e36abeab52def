using AdvisoryPipeline.Markup;
using AdvisoryPipeline.Rendering.Mail;
using AdvisoryPipeline.Rendering.Markdown;
using AdvisoryPipeline.Tests.Rendering.Markdown;
using AdvisoryPipeline.Tests.TestSupport;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Tests.Rendering.Mail;

public class MarkdownPlainTextRendererTests
{
    private static string Text(string markdown, int width = 72) =>
        string.Join("\n", MarkdownPlainTextRenderer.Render(markdown, width));

    [Fact]
    public void Inline_markup_becomes_plain_text_conventions()
    {
        Assert.Equal(
            "Read the guide <https://example.com/guide> *now*, _then_ run `decode()` or ``a`b`` ~~never~~.",
            Text("Read the [guide](https://example.com/guide) **now**, *then* run `decode()` or ``a`b`` ~~never~~.", 500));
    }

    [Fact]
    public void Links_keep_their_url_once_and_unsafe_ones_only_their_text()
    {
        Assert.Equal(
            "<https://a.example/> and https://b.example/ and <me@example.com> and <https://c.example/> and team <security@example.org> and click and alt <https://d.example/i.png>",
            Text("<https://a.example/> and https://b.example/ and <me@example.com> and [https://c.example/](https://c.example/) and "
                + "[team](mailto:security@example.org) and [click](javascript:alert(1)) and ![alt](https://d.example/i.png)", 500));
    }

    [Fact]
    public void Lists_use_dashes_and_numbers_with_hanging_indents_and_nest()
    {
        const string markdown = "- first item that is long enough to wrap onto a second line at this width\n- second\n  - nested\n\n3. three\n4. four\n";

        Assert.Equal(
            """
            - first item that is long enough to wrap onto a second line at
              this width
            - second
              - nested

            3. three
            4. four
            """.ReplaceLineEndings("\n"),
            Text(markdown, 64));
    }

    [Fact]
    public void Loose_lists_keep_a_blank_line_between_items()
    {
        Assert.Equal("- one\n\n  more\n\n- two", Text("- one\n\n  more\n\n- two\n"));
    }

    [Fact]
    public void Code_blocks_are_indented_and_never_wrapped()
    {
        var longLine = "const value = decode(buffer, { mapType: \"Map\", maxDepth: 512, allowExtensions: false, strict: true });";

        Assert.Equal(
            $"Example:\n\n    {longLine}\n\n        indented code\n      keeps    spacing",
            Text($"Example:\n\n```js\n{longLine}\n```\n\n        indented code\n      keeps    spacing\n"));
    }

    [Fact]
    public void Headings_are_underlined_and_quotes_prefixed()
    {
        Assert.Equal("Impact `now`\n~~~~~~~~~~~~\n\n> quoted text\n>\n> - item", Text("## Impact `now`\n\n> quoted text\n>\n> - item\n"));
    }

    [Fact]
    public void Raw_html_is_dropped_and_its_text_kept()
    {
        Assert.Equal(
            "Hello world & all\n\nInline tag kept.",
            Text("<div>\n<p>Hello <b>world</b> &amp; all</p><!-- note -->\n</div>\n\nInline <em>tag</em> kept.\n"));
        Assert.Equal("if a < b then", Text("<div>if a < b then</div>\n"));
    }

    [Fact]
    public void Tables_become_aligned_columns_and_hard_breaks_new_lines()
    {
        Assert.Equal("Version  Fixed\n=======  =====\n1.2      no\n1.10     _yes_", Text("| Version | Fixed |\n| --- | --- |\n| 1.2 | no |\n| 1.10 | *yes* |\n"));
        Assert.Equal("first\nsecond\n\n* * *", Text("first  \nsecond\n\n---\n"));
    }

    [Theory]
    [MemberData(nameof(ExampleDatabase.Ids), MemberType = typeof(ExampleDatabase))]
    public void Every_construct_of_the_sample_details_comes_out_as_text(string id)
    {
        var details = ExampleDatabase.Record(id).Details!;
        var document = GitHubMarkdown.Parse(details);

        var lines = MarkdownPlainTextRenderer.Render(details, 72);
        var text = string.Join("\n", lines);
        var flowing = text.Replace('\n', ' ');

        Assert.DoesNotContain("](", text);
        Assert.DoesNotContain("```", text);
        Assert.DoesNotContain("**", text);
        Assert.DoesNotContain("##", text);
        Assert.All(lines.Where(l => l.Length > 72), l => Assert.DoesNotContain(' ', l.Trim()));
        foreach (var link in document.Descendants<LinkInline>())
            Assert.Contains($"{MarkdownAst.Text(link)} <{link.Url}>", flowing);
        foreach (var code in document.Descendants<FencedCodeBlock>())
            foreach (var line in code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString()).Where(l => l.Length > 0))
                Assert.Contains("\n    " + line + "\n", "\n" + text + "\n");
        foreach (var list in document.Descendants<ListBlock>())
        {
            var number = list.IsOrdered ? int.Parse(list.OrderedStart!, System.Globalization.CultureInfo.InvariantCulture) : 0;
            foreach (var item in list.OfType<ListItemBlock>())
            {
                var marker = list.IsOrdered ? $"{number++}. " : "- ";
                var firstWord = item.Descendants<LiteralInline>().Select(l => l.Content.ToString().Trim()).First(w => w.Length > 0).Split(' ')[0];
                Assert.Contains(lines, line => line.TrimStart().StartsWith(marker, StringComparison.Ordinal) && line.Contains(firstWord, StringComparison.Ordinal));
            }
        }
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var title = MarkdownAst.Text(heading.Inline);
            Assert.Contains(title + "\n" + new string('~', title.Length), text);
        }
        foreach (var code in document.Descendants<CodeInline>())
            Assert.Contains("`" + code.Content + "`", flowing);
    }
}
