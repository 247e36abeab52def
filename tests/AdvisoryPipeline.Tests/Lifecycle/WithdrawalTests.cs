using System.Text;
using AdvisoryPipeline.Lifecycle;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Tests.Lifecycle;

public sealed class WithdrawalTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 15, 30, 250, TimeSpan.FromHours(1));

    private static LoadedDocument Load(string yaml) => AdvisoryYamlLoader.Load("a.yaml", Encoding.UTF8.GetBytes(yaml));

    private static string Withdraw(string yaml, string reason = "Duplicate of TSSA-2026-3.")
    {
        var text = Withdrawal.Apply(Load(yaml), reason, Now, out var problem);
        Assert.True(text is not null, problem);
        return text;
    }

    private static string Details(string yaml) => Load(yaml).Record!.Value.GetProperty("details").GetString()!;

    private const string Head = "id: TSSA-2026-4\nmodified: \"2026-01-01T00:00:00Z\"\npublished: \"2026-01-01T00:00:00Z\"\n";
    private const string Stamps = "id: TSSA-2026-4\nmodified: \"2026-11-23T09:15:30Z\"\npublished: \"2026-01-01T00:00:00Z\"\nwithdrawn: \"2026-11-23T09:15:30Z\"\n";

    [Fact]
    public void A_literal_block_gets_the_paragraph_as_new_lines_and_keeps_its_own()
    {
        var yaml = Head + "details: |\n  First line.\n\n  Second paragraph.\n# a comment\nsummary: s\n";

        Assert.Equal(Stamps + "details: |\n  First line.\n\n  Second paragraph.\n\n  **Withdrawn:** Duplicate of TSSA-2026-3.\n# a comment\nsummary: s\n",
            Withdraw(yaml));
    }

    [Theory]
    [InlineData("details: |-\n    indented four\n", "indented four\n\n**Withdrawn:** Duplicate of TSSA-2026-3.")]
    [InlineData("details: |+\n  kept\n\n", "kept\n\n**Withdrawn:** Duplicate of TSSA-2026-3.\n\n")]
    [InlineData("details: >\n  folded\n  text\n", "folded text\n\n**Withdrawn:** Duplicate of TSSA-2026-3.\n")]
    [InlineData("details: plain text\n", "plain text\n\n**Withdrawn:** Duplicate of TSSA-2026-3.")]
    [InlineData("details: 'it''s quoted'\n", "it's quoted\n\n**Withdrawn:** Duplicate of TSSA-2026-3.")]
    [InlineData("details: \"line\\none\\ttab\"\n", "line\none\ttab\n\n**Withdrawn:** Duplicate of TSSA-2026-3.")]
    [InlineData("details: \" leading space\"\n", " leading space\n\n**Withdrawn:** Duplicate of TSSA-2026-3.")]
    [InlineData("details: \"\"\n", "**Withdrawn:** Duplicate of TSSA-2026-3.")]
    [InlineData("summary: s\n", "**Withdrawn:** Duplicate of TSSA-2026-3.")]
    public void Every_style_of_details_ends_with_the_paragraph(string details, string expected)
    {
        var withdrawn = Withdraw(Head + details);

        Assert.Equal(expected, Details(withdrawn));
        Assert.StartsWith(Stamps, withdrawn);
    }

    [Fact]
    public void Plain_details_become_a_literal_block_at_the_key_indentation()
    {
        Assert.Equal(Stamps + "details: |-\n  plain text\n\n  **Withdrawn:** Duplicate of TSSA-2026-3.\nsummary: s\n",
            Withdraw(Head + "details: plain text\nsummary: s\n"));
    }

    [Fact]
    public void Line_breaks_in_the_reason_stay_text()
    {
        const string reason = "Not a vulnerability.\nwithdrawn: \"1999-01-01T00:00:00Z\"\n---\nid: EVIL";

        var fromBlock = Withdraw(Head + "details: |\n  Text.\n", reason);
        var fromPlain = Withdraw(Head + "details: Text.\n", reason);

        foreach (var text in new[] { fromBlock, fromPlain })
        {
            var record = Load(text).Record!.Value;
            Assert.Equal("TSSA-2026-4", record.GetProperty("id").GetString());
            Assert.Equal("2026-11-23T09:15:30Z", record.GetProperty("withdrawn").GetString());
            Assert.Equal("Text.\n\n**Withdrawn:** " + reason + (text == fromBlock ? "\n" : ""), record.GetProperty("details").GetString());
        }
    }

    [Fact]
    public void Missing_timestamps_are_inserted_in_OSV_order()
    {
        Assert.Equal(
            "# comment\nid: TSSA-2026-4\nmodified: \"2026-11-23T09:15:30Z\"\nwithdrawn: \"2026-11-23T09:15:30Z\"\nsummary: s\ndetails: \"**Withdrawn:** Duplicate of TSSA-2026-3.\"\n",
            Withdraw("# comment\nid: TSSA-2026-4\nsummary: s\n"));
    }

    [Fact]
    public void Windows_line_endings_are_kept()
    {
        var withdrawn = Withdraw((Head + "details: |\n  Text.\nsummary: s\n").ReplaceLineEndings("\r\n"));

        Assert.Equal(withdrawn.Split('\n').Length - 1, withdrawn.Split("\r\n").Length - 1);
        Assert.Equal("Text.\n\n**Withdrawn:** Duplicate of TSSA-2026-3.\n", Details(withdrawn));
    }

    [Theory]
    [InlineData("id: X\nwithdrawn: \"2025-01-01T00:00:00Z\"\n", "it is already withdrawn (2025-01-01T00:00:00Z)")]
    [InlineData("{id: X, details: d}\n", "its top-level mapping is written in flow style ({ ... }), which this command does not edit")]
    [InlineData("id: X\ndetails: [a]\n", "its details is not text; correct it first")]
    public void Refuses_what_it_cannot_withdraw(string yaml, string message)
    {
        Assert.Null(Withdrawal.Apply(Load(yaml), "reason", Now, out var problem));
        Assert.Equal(message, problem);
    }

    [Theory]
    [InlineData("  spaced \r\n reason  ", "spaced \n reason")]
    [InlineData("   ", null)]
    [InlineData("bell\a", null)]
    public void Reasons_are_trimmed_and_must_be_text(string reason, string? clean) =>
        Assert.Equal(clean, Withdrawal.CleanReason(reason, out _));
}
