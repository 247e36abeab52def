using System.Text;
using AdvisoryPipeline.Markup;
using AdvisoryPipeline.Rendering.Markdown;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Tests.Rendering.Markdown;

/// <summary>Reads rendered Markdown back through Markdig, so that tests assert what GitHub would show.</summary>
internal static class MarkdownAst
{
    public static MarkdownDocument Parse(string markdown) => GitHubMarkdown.Parse(markdown);

    /// <summary>The text a reader sees in an inline container: literals, code and entities, without markup.</summary>
    public static string Text(ContainerInline? container)
    {
        var text = new StringBuilder();
        if (container is null) return "";
        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                case CodeInline code: text.Append(code.Content); break;
                case HtmlEntityInline entity: text.Append(entity.Transcoded.AsSpan()); break;
                case LineBreakInline: text.Append(' '); break;
            }
        }
        return text.ToString();
    }

    public static string Text(Block block) =>
        string.Join(" ", block.Descendants<LeafBlock>().Prepend(block as LeafBlock).OfType<LeafBlock>().Select(l => Text(l.Inline)));

    public static IReadOnlyList<string> LinkUrls(MarkdownObject root) =>
        [.. (root is LeafBlock { Inline: { } inline } ? inline.Descendants<LinkInline>() : root.Descendants<LinkInline>()).Select(l => l.Url ?? "")];
}
