using System.Text;

namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>A plain-text mail body built block by block, one blank line between blocks, <c>\n</c> line ends.</summary>
internal sealed class PlainTextDocument(int width)
{
    private readonly List<string> lines = [];

    public int Width { get; } = width;

    public void Block(IEnumerable<string> block)
    {
        var added = block.ToList();
        if (added.Count == 0) return;
        if (lines.Count > 0) lines.Add("");
        lines.AddRange(added);
    }

    public void Paragraph(string text) => Block(PlainTextWrapper.Wrap(text, Width));

    /// <summary>A title underlined with <paramref name="underline"/> as long as its longest line.</summary>
    public void Title(string text, char underline)
    {
        var title = PlainTextWrapper.Wrap(text, Width).ToList();
        title.Add(new string(underline, title.Max(PlainTextWrapper.Width)));
        Block(title);
    }

    public void Rule(char character) => Block([new string(character, Width)]);

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var line in lines) text.Append(line.TrimEnd()).Append('\n');
        return text.ToString();
    }
}
