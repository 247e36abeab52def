using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;

namespace AdvisoryPipeline.Rendering.Markdown;

/// <summary>
/// The Markdown dialect advisory details are written in: GitHub Flavored Markdown (tables, strikethrough,
/// task lists, bare URLs), parsed with precise source positions so that the author's text can be edited
/// in place. One shared pipeline: Markdig pipelines are immutable and safe to use from several threads.
/// </summary>
public static class GitHubMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseTaskLists()
        .UseAutoLinks()
        .UsePreciseSourceLocation()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);
}
