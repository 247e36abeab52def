using System.Text;

namespace AdvisoryPipeline.Rendering.Markdown;

/// <summary>A Markdown document built block by block, each separated from the next by one blank line.</summary>
internal sealed class MarkdownBlocks
{
    private readonly StringBuilder text = new();

    public void Block(string markdown)
    {
        if (text.Length > 0) text.Append('\n');
        text.Append(markdown.TrimEnd('\n')).Append('\n');
    }

    public void Heading(int level, string markdown) => Block(new string('#', level) + " " + markdown);

    public void List(IEnumerable<string> items)
    {
        var lines = string.Join('\n', items.Select(item => "- " + item));
        if (lines.Length > 0) Block(lines);
    }

    public override string ToString() => text.ToString();
}
