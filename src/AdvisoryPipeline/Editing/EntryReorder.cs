namespace AdvisoryPipeline.Editing;

/// <summary>An entry of a YAML collection: where its first token starts (the key, or the item's value) and where its value ends.</summary>
public readonly record struct SourceEntry(int Start, int End);

/// <summary>How a collection is written, which decides how its entries can be moved.</summary>
public enum CollectionLayout
{
    BlockMapping,
    BlockSequence,
    Flow,
}

/// <summary>
/// Moves whole entries of a collection into a new order without re-serialising anything.
/// </summary>
/// <remarks>
/// Block collections move line by line. An entry's text runs from the start of its first line to the end
/// of the line holding its last character, so a comment at the end of that line moves with it; when the
/// entry ends in a block scalar, the blank lines YAML counts into that scalar move too (with <c>|+</c> they
/// are part of its value). Comment
/// lines directly above an entry (no blank line in between) are attached to it and move with it, except
/// above the collection's first entry: those describe the collection or the file (a modeline) and stay.
/// Everything between two entries that is not attached (blank lines, detached comments) is a separator
/// and stays where it is, so the layout of blank lines is kept. Flow collections swap the entries' own
/// spans and keep the commas and spacing between them. Anything that does not fit these shapes (two
/// entries on one line, an item on the line after its dash, entries at different columns) is not moved.
/// </remarks>
public static class EntryReorder
{
    /// <summary>
    /// The edits that put <paramref name="entries"/> in <paramref name="order"/> (<c>order[i]</c> is the index
    /// of the entry that goes to position <c>i</c>), or null when the layout is not one this can move safely.
    /// </summary>
    public static IReadOnlyList<TextEdit>? Plan(string text, IReadOnlyList<SourceEntry> entries, IReadOnlyList<int> order, CollectionLayout layout)
    {
        var identity = Enumerable.Range(0, entries.Count);
        if (!order.Order().SequenceEqual(identity))
            throw new ArgumentException("The order must be a permutation of the entries.", nameof(order));
        if (order.SequenceEqual(identity)) return [];
        return layout == CollectionLayout.Flow ? SwapSpans(text, entries, order) : MoveLines(text, entries, order, layout == CollectionLayout.BlockSequence);
    }

    private static List<TextEdit> SwapSpans(string text, IReadOnlyList<SourceEntry> entries, IReadOnlyList<int> order)
    {
        var edits = new List<TextEdit>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (order[i] == i) continue;
            var source = entries[order[i]];
            edits.Add(new TextEdit(entries[i].Start, entries[i].End, text[source.Start..source.End]));
        }
        return edits;
    }

    private static List<TextEdit>? MoveLines(string text, IReadOnlyList<SourceEntry> entries, IReadOnlyList<int> order, bool sequence)
    {
        var count = entries.Count;
        var starts = new int[count];
        var ends = new int[count];
        var column = -1;
        for (var i = 0; i < count; i++)
        {
            var lineStart = TextLines.LineStart(text, entries[i].Start);
            if (!TextLines.IsEntryLinePrefix(text, lineStart, entries[i].Start, sequence)) return null;
            var entryColumn = entries[i].Start - lineStart;
            if (column >= 0 && entryColumn != column) return null;
            column = entryColumn;
            starts[i] = lineStart;
            ends[i] = TextLines.EndOfLastContentLine(text, entries[i].Start, entries[i].End);
            // A block scalar's span takes in the blank lines after it, which a keep indicator (|+) makes part of the value.
            if (entries[i].End > ends[i] && text[entries[i].End - 1] == '\n') ends[i] = entries[i].End;
            if (i > 0 && ends[i - 1] > lineStart) return null;
        }
        for (var i = 1; i < count; i++)
            starts[i] = AttachCommentsAbove(text, starts[i], ends[i - 1]);

        var newLine = TextLines.NewLineOf(text);
        var chunks = new string[count];
        for (var i = 0; i < count; i++)
        {
            chunks[i] = text[starts[i]..ends[i]];
            if (!chunks[i].EndsWith('\n')) chunks[i] += newLine;
        }
        var region = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            region.Append(chunks[order[i]]);
            if (i + 1 < count) region.Append(text, ends[i], starts[i + 1] - ends[i]);
        }
        var regionEnd = ends[count - 1];
        if (text[regionEnd - 1] != '\n')
            region.Length -= region[^2] == '\r' ? 2 : 1;
        return [new TextEdit(starts[0], regionEnd, region.ToString())];
    }

    /// <summary>Moves an entry's start up over the comment lines directly above it, not past <paramref name="floor"/> or a blank line.</summary>
    private static int AttachCommentsAbove(string text, int start, int floor)
    {
        while (start > floor)
        {
            var previous = TextLines.LineStart(text, start - 1);
            if (previous < floor || !TextLines.IsCommentLine(text, previous)) break;
            start = previous;
        }
        return start;
    }
}
