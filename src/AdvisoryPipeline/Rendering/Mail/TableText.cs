using AdvisoryPipeline.Presentation;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>
/// A Markdown table as aligned plain-text columns, its header underlined. Rows are not wrapped: a table
/// that does not fit in a mail line is still easier to read whole than folded.
/// </summary>
internal static class TableText
{
    private const string Separator = "  ";

    public static List<string> Render(Table table)
    {
        var rows = table.OfType<TableRow>()
            .Select(row => row.OfType<TableCell>().Select(CellText).ToList())
            .ToList();
        if (rows.Count == 0) return [];
        var columns = rows.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns)
            .Select(c => rows.Max(r => c < r.Count ? PlainTextWrapper.Width(r[c]) : 0))
            .ToArray();

        var lines = new List<string>();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            lines.Add(string.Join(Separator, Enumerable.Range(0, columns)
                .Select(c => Pad(c < row.Count ? row[c] : "", widths[c]))).TrimEnd());
            if (index == 0 && table.OfType<TableRow>().First().IsHeader)
                lines.Add(string.Join(Separator, widths.Select(w => new string('=', Math.Max(1, w)))));
        }
        return lines;
    }

    private static string CellText(TableCell cell) =>
        SingleLineText.Of(string.Join(" ", cell.OfType<ParagraphBlock>().Select(p => PlainTextInlines.Render(p.Inline))));

    private static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - PlainTextWrapper.Width(text)));
}
