using AdvisoryPipeline.Markup;
using AdvisoryPipeline.Presentation;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>
/// Markdown blocks (parsed by Markdig) as plain-text lines for a mail: paragraphs wrapped, lists as
/// <c>- </c> and <c>1. </c> with hanging indents, code indented by four spaces and never wrapped, headings
/// underlined, quotes prefixed with <c>&gt; </c>, tables as aligned columns, raw HTML reduced to its text.
/// </summary>
public static class MarkdownPlainTextRenderer
{
    private const string CodeIndent = "    ";
    private const char HeadingUnderline = '~';

    /// <summary>Author Markdown as lines: parsed within <see cref="DetailsMarkdown"/>'s limits, else the text as written.</summary>
    public static IReadOnlyList<string> Render(string markdown, int width)
    {
        var details = DetailsMarkdown.Parse(ReadableText.CleanLines(markdown));
        return details.Document is { } document ? Render(document, width) : details.Text.TrimEnd().Split('\n');
    }

    public static IReadOnlyList<string> Render(IEnumerable<Block> blocks, int width) => RenderBlocks(blocks, width, tight: false);

    private static List<string> RenderBlocks(IEnumerable<Block> blocks, int width, bool tight)
    {
        var lines = new List<string>();
        foreach (var block in blocks)
        {
            var rendered = RenderBlock(block, width);
            if (rendered.Count == 0) continue;
            if (lines.Count > 0 && !tight) lines.Add("");
            lines.AddRange(rendered);
        }
        return lines;
    }

    private static List<string> RenderBlock(Block block, int width) => block switch
    {
        HeadingBlock heading => Heading(PlainTextInlines.Render(heading.Inline), width),
        ParagraphBlock paragraph => Paragraph(PlainTextInlines.Render(paragraph.Inline), width),
        ListBlock list => List(list, width),
        QuoteBlock quote => [.. RenderBlocks(quote, Math.Max(1, width - 2), tight: false).Select(l => l.Length == 0 ? ">" : "> " + l)],
        CodeBlock code => Code(code),
        ThematicBreakBlock => ["* * *"],
        HtmlBlock html => Paragraph(SingleLineText.Of(RawHtmlText.Of(html.Lines.ToString())), width),
        Table table => TableText.Render(table),
        LinkReferenceDefinitionGroup or LinkReferenceDefinition => [],
        ContainerBlock container => RenderBlocks(container, width, tight: false),
        LeafBlock leaf => Paragraph(SingleLineText.Of(leaf.Lines.ToString()), width),
        _ => [],
    };

    internal static List<string> Paragraph(string text, int width) =>
        [.. text.Split('\n').SelectMany(line => PlainTextWrapper.Wrap(line, width))];

    private static List<string> Heading(string text, int width)
    {
        var lines = Paragraph(SingleLineText.Of(text), width);
        lines.Add(new string(HeadingUnderline, lines.Max(PlainTextWrapper.Width)));
        return lines;
    }

    private static List<string> List(ListBlock list, int width)
    {
        var lines = new List<string>();
        var number = list.IsOrdered && int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var marker = list.IsOrdered ? $"{number++}. " : "- ";
            var indent = new string(' ', marker.Length);
            var content = RenderBlocks(item, Math.Max(1, width - marker.Length), tight: !list.IsLoose);
            if (lines.Count > 0 && list.IsLoose) lines.Add("");
            if (content.Count == 0)
            {
                lines.Add(marker.TrimEnd());
                continue;
            }
            lines.Add(marker + content[0]);
            lines.AddRange(content.Skip(1).Select(l => l.Length == 0 ? "" : indent + l));
        }
        return lines;
    }

    private static List<string> Code(CodeBlock code)
    {
        var lines = new List<string>();
        for (var i = 0; i < code.Lines.Count; i++)
        {
            var line = code.Lines.Lines[i].Slice.ToString().TrimEnd();
            lines.Add(line.Length == 0 ? "" : CodeIndent + line);
        }
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }
}
