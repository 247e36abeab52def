using System.Text;

namespace AdvisoryPipeline.Rendering.Markdown;

/// <summary>
/// Replacements of source ranges, applied together, so that the author's Markdown keeps every byte that
/// needs no change. Ranges must not overlap: each edit comes from a different syntax node.
/// </summary>
internal sealed class SourceEdits(string source)
{
    private readonly List<(int Start, int Length, string Replacement)> edits = [];

    public void Replace(int start, int length, string replacement) => edits.Add((start, length, replacement));

    public void Remove(int start, int endExclusive)
    {
        if (endExclusive > start) Replace(start, endExclusive - start, "");
    }

    public string Apply()
    {
        var result = new StringBuilder(source);
        var previousStart = int.MaxValue;
        foreach (var (start, length, replacement) in edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.Length))
        {
            if (start + length > previousStart)
                throw new InvalidOperationException($"Overlapping Markdown edits at offset {start}.");
            result.Remove(start, length).Insert(start, replacement);
            previousStart = start;
        }
        return result.ToString();
    }
}
