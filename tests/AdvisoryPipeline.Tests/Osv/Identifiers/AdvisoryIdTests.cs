using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Tests.Osv.Identifiers;

public sealed class AdvisoryIdTests
{
    [Theory]
    [InlineData("TSSA-2026-4", false, 2026, 4, null)]
    [InlineData("TSSA-2024-007", false, 2024, 7, null)]
    [InlineData("TSSA-0000-heap-overflow", true, null, null, "heap-overflow")]
    [InlineData("TSSA-0000-5", true, null, null, "5")]
    // A placeholder is a placeholder whatever its slug looks like: assign-ids renames it, render and publish leave it out.
    [InlineData("TSSA-0000-Foo", true, null, null, "Foo")]
    public void Parses_assigned_ids_and_placeholders(string text, bool placeholder, int? year, int? number, string? slug)
    {
        Assert.True(AdvisoryId.TryParse(text, "TSSA", out var id));
        Assert.Equal((placeholder, year, number, slug), (id.IsPlaceholder, id.Year, id.Number, id.Slug));
    }

    [Theory]
    [InlineData("TSSA-2026-0")]
    [InlineData("TSSA-26-4")]
    [InlineData("TSSA-2026-4a")]
    [InlineData("TSSA-0000-with space")]
    [InlineData("TSSA-0000-")]
    [InlineData("PYSEC-2026-4")]
    [InlineData("TSSAX-2026-4")]
    public void Refuses_other_text(string text) => Assert.False(AdvisoryId.TryParse(text, "TSSA", out _));

    [Fact]
    public void Formats_without_padding() =>
        Assert.Equal(("TSSA-2026-12", "TSSA-0000-x-y"), (AdvisoryId.Assigned("TSSA", 2026, 12).ToString(), AdvisoryId.Placeholder("TSSA", "x-y").ToString()));

    [Theory]
    [InlineData("TSSA-0000-foo", true)]
    [InlineData("openSUSE-SU-0000-foo-bar", true)]
    [InlineData("TSSA-2026-4", false)]
    [InlineData("GHSA-0000-xxxx-yyyy", true)]
    [InlineData("TSSA-00000-foo", false)]
    [InlineData("TSSA-0000-Foo", true)]
    [InlineData("TSSA-0000-bar", true)]
    [InlineData("UNREGISTERED-DB-0000-x", true)]
    public void Recognises_placeholders_of_any_prefix(string id, bool placeholder) => Assert.Equal(placeholder, AdvisoryId.IsPlaceholderText(id));

    [Theory]
    [InlineData("Heap buffer overflow in the C core's varint reader", "heap-buffer-overflow-in-the-c-cores")]
    [InlineData("Prototype pollution in the client's merge()", "prototype-pollution-in-the-clients-merge")]
    [InlineData("Déni de service — «résolution»", "dni-de-service-rsolution")]
    [InlineData("@tessera/client", "tessera-client")]
    [InlineData("!!!", "advisory")]
    [InlineData("a-very-long-sentence-that-is-cut-at-a-word-boundary", "a-very-long-sentence-that-is-cut-at-a")]
    [InlineData("averylongsinglewordwithoutanybreakatallreally", "averylongsinglewordwithoutanybreakatallr")]
    public void Slugs_are_lower_case_words_joined_by_hyphens(string text, string slug) => Assert.Equal(slug, AdvisoryId.SlugOf(text));

    [Theory]
    [InlineData("PYSEC-2021-371", null, "PYSEC", 2021, 371)]
    [InlineData("GO-2022-0001", null, "GO", 2022, 1)]
    [InlineData("SUSE-SU-2024-1234", null, "SUSE-SU", 2024, 1234)]
    [InlineData("ACME-CORP-2026-1", "ACME-CORP", "ACME-CORP", 2026, 1)]
    [InlineData("GHSA-xxxx-yyyy-zzzz", null, "GHSA", null, null)]
    [InlineData("CVE-2024-12345", null, "CVE", 2024, 12345)]
    [InlineData("nodash", null, "nodash", null, null)]
    public void Any_id_is_read_leniently_into_prefix_year_and_number(string text, string? ownPrefix, string prefix, int? year, int? number)
    {
        var id = AdvisoryId.Read(text, ownPrefix);

        Assert.Equal((prefix, year, number, false), (id.Prefix, id.Year, id.Number, id.IsPlaceholder));
        Assert.Equal(text, id.ToString());
    }
}
