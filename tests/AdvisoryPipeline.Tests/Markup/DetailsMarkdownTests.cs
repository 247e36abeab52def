using System.Diagnostics;
using AdvisoryPipeline.Markup;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Tests.Markup;

/// <summary>The details' Markdown: parsed within the nesting limit, bare URLs as GitHub links them, in linear time.</summary>
public sealed class DetailsMarkdownTests
{
    [Theory]
    [InlineData(25, false)]
    [InlineData(40, true)]
    [InlineData(200, true)]
    public void Nesting_beyond_the_limit_has_no_document_and_says_where(int quotes, bool tooDeep)
    {
        var text = "First line.\n\n" + string.Concat(Enumerable.Repeat("> ", quotes)) + "deep\n\nLast line.";

        var details = DetailsMarkdown.Parse(text);

        Assert.Equal(tooDeep, details.IsTooDeep);
        Assert.Equal(tooDeep, details.Document is null);
        if (tooDeep) Assert.InRange(details.TooDeepAt, "First line.\n\n".Length, text.IndexOf("deep", StringComparison.Ordinal));
        else Assert.Equal(-1, details.TooDeepAt);
    }

    [Fact]
    public void Markdig_refusing_the_text_is_too_deep_at_the_start_of_its_line()
    {
        var text = "One.\n\nTwo.\n\n" + string.Concat(Enumerable.Repeat("- ", 100)) + "deep\n\nThree.";

        var details = DetailsMarkdown.Parse(text);

        Assert.True(details.IsTooDeep);
        Assert.Equal("One.\n\nTwo.\n\n".Length, details.TooDeepAt);
    }

    [Fact]
    public void Nesting_inside_a_code_block_is_text()
    {
        Assert.False(DetailsMarkdown.Parse("```\n" + string.Concat(Enumerable.Repeat("> ", 300)) + "x\n```").IsTooDeep);
    }

    public static TheoryData<string> BareUrlTexts =>
    [
        "see https://example.org/a now",
        "see https://example.org/a. Next",
        "(https://example.org/x)",
        "*https://example.org/y*",
        "**see https://example.org/z**",
        "visit www.example.org/path?q=1&r=2, then",
        "write to mailto:security@example.org today",
        "ftp://files.example.org/f.tar.gz",
        "[text https://a.example.org] and [link](https://b.example.org)",
        "<a href=\"x\">https://inside.example.org</a> https://after.example.org",
        "https://example.org/_x_ and https:// and http://localhost",
        "https://example.org/a)b https://example.org/(c)d",
        "a https://e.co/1 b https://e.co/2\nc https://e.co/3",
    ];

    [Theory]
    [MemberData(nameof(BareUrlTexts))]
    public void Bare_urls_become_the_links_markdig_would_make(string text)
    {
        var markdig = Markdig.Markdown.Parse(text, new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().UsePreciseSourceLocation().Build());

        var ours = GitHubMarkdown.Parse(text);

        Assert.Equal(Links(markdig), Links(ours));
    }

    [Fact]
    public void Fifty_thousand_bare_urls_in_one_paragraph_parse_in_linear_time()
    {
        var small = ParseTime(10_000);
        var large = ParseTime(50_000);

        Assert.True(large < small * 12 + TimeSpan.FromMilliseconds(500), $"10,000: {small.TotalMilliseconds:F0} ms, 50,000: {large.TotalMilliseconds:F0} ms");
    }

    private static TimeSpan ParseTime(int urls)
    {
        var text = string.Join(' ', Enumerable.Range(0, urls).Select(i => $"https://e.co/{i}"));
        var clock = Stopwatch.StartNew();
        var document = GitHubMarkdown.Parse(text);
        var elapsed = clock.Elapsed;
        Assert.Equal(urls, document.Descendants<LinkInline>().Count());
        return elapsed;
    }

    private static List<(string? Url, bool AutoLink, int Start, int End)> Links(MarkdownDocument document) =>
        [.. document.Descendants<LinkInline>().Select(link => (link.Url, link.IsAutoLink, link.Span.Start, link.Span.End))];
}
