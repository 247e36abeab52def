using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Markup;

/// <summary>
/// How deep a parsed Markdown document nests: the document is level 0, each block inside a container block
/// (quote, list, list item, table, row, cell) one deeper, a block's inlines one deeper than the block, and each
/// inline inside an inline container (emphasis, link, an unclosed bracket) one deeper again. Walked with an
/// explicit stack, so that no depth can exhaust the thread's.
/// </summary>
public static class MarkdownNesting
{
    /// <summary>The first node, in document order, deeper than <paramref name="limit"/>; null when none is.</summary>
    public static MarkdownObject? FirstBeyond(MarkdownDocument document, int limit)
    {
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((document, 0));
        var children = new List<MarkdownObject>();
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > limit) return node;
            children.Clear();
            switch (node)
            {
                case ContainerBlock container:
                    children.AddRange(container);
                    break;
                case LeafBlock { Inline: { } inline }:
                    children.Add(inline);
                    break;
                case ContainerInline container:
                    for (var child = container.FirstChild; child is not null; child = child.NextSibling) children.Add(child);
                    break;
            }
            // Reversed, so that the stack yields them in document order.
            for (var i = children.Count - 1; i >= 0; i--) pending.Push((children[i], depth + 1));
        }
        return null;
    }
}
