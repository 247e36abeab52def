using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Presentation;

/// <summary>The title and one-line summary every output shows, from the one place that makes them.</summary>
public sealed class AdvisoryTitleTests
{
    private static AdvisoryView View(string? summary, string? details = "A crafted frame overflows the buffer.", string? withdrawn = null,
        IReadOnlyList<OsvAffected>? affected = null)
    {
        var record = SampleAdvisories.Record("TSSA-2026-1", withdrawn: withdrawn) with { Summary = summary, Details = details };
        return AdvisoryView.From(affected is null ? record : record with { Affected = affected });
    }

    private static OsvAffected Package(string ecosystem, string name) => new() { Package = new OsvPackage { Ecosystem = ecosystem, Name = name } };

    [Fact]
    public void The_summary_is_the_title_on_one_line_without_hidden_characters()
    {
        var view = View("Heap overflow\r\n in the\u202E frame\u0000 decoder ");

        Assert.Equal("Heap overflow in the frame decoder", view.Title);
        Assert.Equal(view.Title, view.Summary);
        Assert.Equal(view.Title, view.SummaryLine);
    }

    [Fact]
    public void A_long_summary_is_cut_at_a_word_with_an_ellipsis_and_kept_whole_for_outputs_with_room()
    {
        var summary = string.Join(' ', Enumerable.Repeat("overflow", 30));

        var view = View(summary);

        Assert.True(view.Title.Length <= AdvisoryView.MaxTitleLength, view.Title);
        Assert.EndsWith("overflow…", view.Title, StringComparison.Ordinal);
        Assert.StartsWith(view.Title[..^1], summary, StringComparison.Ordinal);
        Assert.Equal(summary, view.SummaryLine);
    }

    [Theory]
    [InlineData("WITHDRAWN: Potential proxy bypass in k8s.io/kubernetes", "Potential proxy bypass in k8s.io/kubernetes")]
    [InlineData("Withdrawn Advisory: Teleport owners can escalate", "Teleport owners can escalate")]
    [InlineData("[Withdrawn] Directory traversal in FilesystemStore", "Directory traversal in FilesystemStore")]
    [InlineData("Withdrawn advisories are kept", "Withdrawn advisories are kept")]
    public void A_withdrawn_records_withdrawn_prefix_is_left_to_the_outputs_own_marking(string summary, string title)
    {
        Assert.Equal(title, View(summary, withdrawn: "2026-01-15T00:00:00Z").Title);
        Assert.Equal(summary, View(summary).Title);
    }

    [Fact]
    public void Without_a_summary_the_title_names_the_packages_and_the_summary_is_the_first_sentence_of_the_details()
    {
        var view = View(null, "**aiohttp** is an `asyncio` framework. In aiohttp before 3.7.4, e.g. with a crafted link, an open redirect exists.", affected:
            [Package("PyPI", "aiohttp"), Package("GIT", "https://github.com/aio-libs/aiohttp.git"), Package("PyPI", "yarl"), Package("PyPI", "multidict"),
             Package("PyPI", "frozenlist")]);

        Assert.Equal("Vulnerability in aiohttp, yarl, multidict and 1 more", view.Title);
        Assert.Equal("aiohttp is an asyncio framework.", view.Summary);
    }

    [Theory]
    [InlineData("In version 1.2. a crash happens. More.", "In version 1.2.")]
    [InlineData("Found by J. Doe, i.e. our reviewer, in cf. the parser. More.", "Found by J. Doe, i.e. our reviewer, in cf. the parser.")]
    [InlineData("Is it exploitable? Yes.", "Is it exploitable?")]
    [InlineData("No sentence end at all", "No sentence end at all")]
    public void The_first_sentence_ends_at_a_stop_that_ends_no_abbreviation(string details, string sentence) =>
        Assert.Equal(sentence, View(null, details).Summary);

    [Fact]
    public void The_summary_skips_headings_and_is_cut_like_the_title()
    {
        var view = View(null, "## Impact\n\n" + string.Join(' ', Enumerable.Repeat("word", 60)) + ". Next.");

        Assert.StartsWith("word word", view.Summary, StringComparison.Ordinal);
        Assert.EndsWith("…", view.Summary, StringComparison.Ordinal);
        Assert.InRange(view.Summary.Length, 100, AdvisoryView.MaxTitleLength);
    }

    [Fact]
    public void Without_summary_details_and_packages_the_id_is_the_title()
    {
        var view = View(null, null, affected: []);

        Assert.Equal("TSSA-2026-1", view.Title);
        Assert.Equal("TSSA-2026-1", view.Summary);
    }

    [Theory]
    [InlineData("a b c", 10, "a b c")]
    [InlineData("overflow in the frame decoder", 20, "overflow in the…")]
    [InlineData("overflow, in the frame decoder", 12, "overflow…")]
    [InlineData("supercalifragilistic", 10, "supercali…")]
    [InlineData("ab\U0001F4A5cd", 4, "ab…")]
    public void Short_text_is_cut_at_a_word_with_an_ellipsis_and_never_splits_a_character(string text, int max, string expected)
    {
        Assert.Equal(expected, ShortText.Cut(text, max));
        Assert.True(ShortText.Cut(text, max).Length <= max);
    }
}
