using AdvisoryPipeline.Rendering.Mail;

namespace AdvisoryPipeline.Tests.Rendering.Mail;

public class PlainTextWrapperTests
{
    private const string Prose =
        "The decoders of the C core, of tessera-py (which wraps the C core) and of the Go module decode nested " +
        "lists and maps recursively and had no limit on the nesting depth. A document of a few hundred kilobytes " +
        "that nests lists 100,000 levels deep exhausts the thread's stack and crashes the process.";

    [Fact]
    public void Lines_fill_up_to_the_width_and_keep_every_word_in_order()
    {
        var lines = PlainTextWrapper.Wrap(Prose, 72);

        Assert.All(lines, line => Assert.InRange(line.Length, 1, 72));
        Assert.Equal(Prose.Split(' '), lines.SelectMany(l => l.Split(' ')));
        // Greedy: no line could have taken the next line's first word.
        for (var i = 0; i < lines.Count - 1; i++)
            Assert.True(lines[i].Length + 1 + lines[i + 1].Split(' ')[0].Length > 72, lines[i]);
    }

    [Fact]
    public void A_url_longer_than_the_room_left_goes_on_its_own_line_unbroken()
    {
        const string url = "https://github.com/tessera-project/security-tools/blob/main/semgrep/tessera-unpack-traversal.yaml";
        var lines = PlainTextWrapper.Wrap($"A detection rule <{url}> finds bundles with such entries in artifact stores.", 72);

        Assert.Equal(["A detection rule", $"<{url}>", "finds bundles with such entries in artifact stores."], lines);
    }

    [Fact]
    public void Prefixes_start_the_first_and_the_following_lines()
    {
        var lines = PlainTextWrapper.Wrap(Prose, 40, "- ", "  ");

        Assert.StartsWith("- The decoders", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.StartsWith("  ", line));
        Assert.All(lines, line => Assert.True(line.Length <= 40, line));
    }

    [Fact]
    public void Width_counts_what_a_reader_sees_not_utf16_units()
    {
        // "e" + combining acute accent, and an emoji outside the BMP: one column each.
        Assert.Equal(5, PlainTextWrapper.Width("cafe\u0301!"));
        Assert.Equal(1, PlainTextWrapper.Width("\U0001F512"));
        var lines = PlainTextWrapper.Wrap(string.Join(' ', Enumerable.Repeat("Dasca\u0306lu", 12)), 72);
        Assert.Equal(2, lines.Count);
        Assert.Equal(71, PlainTextWrapper.Width(lines[0]));
    }

    [Fact]
    public void Runs_of_spaces_collapse_and_no_line_ends_in_a_space()
    {
        Assert.Equal(["a b c"], PlainTextWrapper.Wrap("  a   b  c  ", 72));
        Assert.Equal(["-"], PlainTextWrapper.Wrap("", 72, "- ", "  "));
    }
}
