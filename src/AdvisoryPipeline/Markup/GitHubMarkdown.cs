using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;

namespace AdvisoryPipeline.Markup;

/// <summary>
/// The Markdown dialect advisory details are written in: GitHub Flavored Markdown (tables, strikethrough,
/// task lists, bare URLs), parsed with precise source positions so that the author's text can be located and
/// edited in place. One shared pipeline: Markdig pipelines are immutable and safe to use from several threads.
/// Author text goes through <see cref="DetailsMarkdown.Parse"/>, which keeps to the limits every output can
/// take; <see cref="Parse"/> is for Markdown this tool wrote itself.
/// </summary>
public static class GitHubMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseTaskLists()
        .Use<BareUrlExtension>()
        .UsePreciseSourceLocation()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);
}
