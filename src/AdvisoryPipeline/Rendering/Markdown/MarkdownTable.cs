using System.Text;

namespace AdvisoryPipeline.Rendering.Markdown;

/// <summary>
/// A GFM table of cells that are already Markdown (escaped with <see cref="MarkdownText"/>). A cell
/// holding a raw pipe or line break would break the table; that is a bug in the caller, so it throws.
/// </summary>
internal sealed class MarkdownTable(params string[] headers)
{
    /// <summary>What a cell shows when there is nothing to say (no fix, no severity).</summary>
    public const string NoValue = "—";

    private readonly List<string[]> rows = [];

    public void AddRow(params string[] cells)
    {
        if (cells.Length != headers.Length)
            throw new ArgumentException($"A row needs {headers.Length} cells, got {cells.Length}.", nameof(cells));
        rows.Add(cells);
    }

    public override string ToString()
    {
        var table = new StringBuilder();
        AppendRow(table, headers);
        AppendRow(table, [.. headers.Select(_ => "---")]);
        foreach (var row in rows) AppendRow(table, row);
        return table.ToString();
    }

    private static void AppendRow(StringBuilder table, IEnumerable<string> cells)
    {
        table.Append('|');
        foreach (var cell in cells)
        {
            if (cell.Contains('\n') || HasUnescapedPipe(cell))
                throw new ArgumentException("A table cell must be escaped Markdown on one line: " + cell);
            table.Append(' ').Append(cell.Length == 0 ? " " : cell).Append(" |");
        }
        table.Append('\n');
    }

    private static bool HasUnescapedPipe(string cell)
    {
        for (var i = 0; i < cell.Length; i++)
        {
            if (cell[i] == '\\') i++;
            else if (cell[i] == '|') return true;
        }
        return false;
    }
}
