using AdvisoryPipeline.Editing;

namespace AdvisoryPipeline.Tests.Editing;

public sealed class EntryReorderTests
{
    /// <summary>The one-line entries of a block mapping: the lines that start with <paramref name="marker"/>.</summary>
    private static List<SourceEntry> LineEntries(string text, string marker)
    {
        var entries = new List<SourceEntry>();
        var start = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(marker, StringComparison.Ordinal)) entries.Add(new SourceEntry(start, start + line.Length));
            start += line.Length + 1;
        }
        return entries;
    }

    private static string Reorder(string text, string marker, int[] order, CollectionLayout layout) =>
        TextEdit.ApplyAll(text, EntryReorder.Plan(text, LineEntries(text, marker), order, layout)!);

    [Fact]
    public void Block_entries_move_with_the_comments_directly_above_them()
    {
        const string text = "# collection comment\nk1: a\n# about k2\nk2: b # same line\n\n# detached\n\nk3: c\n";

        Assert.Equal("# collection comment\n# about k2\nk2: b # same line\nk3: c\n\n# detached\n\nk1: a\n",
            Reorder(text, "k", [1, 2, 0], CollectionLayout.BlockMapping));
    }

    [Fact]
    public void Sequence_items_keep_their_dash_and_indentation()
    {
        const string text = "list:\n  - b: 2\n  - a: 1\n";

        Assert.Equal("list:\n  - a: 1\n  - b: 2\n", TextEdit.ApplyAll(text,
            EntryReorder.Plan(text, [new SourceEntry(10, 14), new SourceEntry(19, 23)], [1, 0], CollectionLayout.BlockSequence)!));
    }

    [Fact]
    public void Layouts_that_cannot_be_moved_line_by_line_are_refused()
    {
        const string twoOnOneLine = "x: [a, b]\n";
        Assert.Null(EntryReorder.Plan(twoOnOneLine, [new SourceEntry(4, 5), new SourceEntry(7, 8)], [1, 0], CollectionLayout.BlockSequence));

        const string itemBelowDash = "-\n  b: 2\n- a: 1\n";
        Assert.Null(EntryReorder.Plan(itemBelowDash, [new SourceEntry(4, 8), new SourceEntry(11, 15)], [1, 0], CollectionLayout.BlockSequence));

        const string differentColumns = "a: 1\n b: 2\n";
        Assert.Null(EntryReorder.Plan(differentColumns, [new SourceEntry(0, 4), new SourceEntry(6, 10)], [1, 0], CollectionLayout.BlockMapping));
    }

    [Fact]
    public void The_identity_order_needs_no_edit() =>
        Assert.Empty(EntryReorder.Plan("a: 1\nb: 2\n", [new SourceEntry(0, 4), new SourceEntry(5, 9)], [0, 1], CollectionLayout.BlockMapping)!);

    [Fact]
    public void Overlapping_edits_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TextEdit.ApplyAll("abcdef", [new TextEdit(0, 3, "x"), new TextEdit(2, 4, "y")]));
        Assert.Throws<ArgumentException>(() => TextEdit.ApplyAll("abcdef", [TextEdit.Insert(2, "x"), TextEdit.Insert(2, "y")]));
        Assert.Equal("xcd!ef", TextEdit.ApplyAll("abcdef", [new TextEdit(0, 2, "x"), TextEdit.Insert(4, "!")]));
    }
}
