using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Tests.Presentation;

/// <summary>Heading levels, machine-readable times and identifier links, as every output shows them.</summary>
public sealed class PresentationValuesTests
{
    [Theory]
    [InlineData(new[] { 1, 2, 2 }, new[] { 3, 4, 4 })]
    [InlineData(new[] { 2, 4, 2 }, new[] { 3, 4, 3 })]
    [InlineData(new[] { 1, 5, 6, 6 }, new[] { 3, 4, 5, 6 })]
    [InlineData(new[] { 3, 1 }, new[] { 3, 3 })]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6 }, new[] { 3, 4, 5, 6, 6, 6 })]
    public void Headings_start_at_the_top_level_and_never_skip_one(int[] authored, int[] expected) =>
        Assert.Equal(expected, HeadingOutline.Levels(authored, 3));

    [Theory]
    [InlineData("2022-01-29T16:47:14.527876Z", "2022-01-29T16:47:14.527Z")]
    [InlineData("2021-02-26T03:15:00Z", "2021-02-26T03:15:00Z")]
    [InlineData("2021-02-26T03:15:00.1Z", "2021-02-26T03:15:00.100Z")]
    [InlineData("2021-02-26T03:15:00.0004Z", "2021-02-26T03:15:00Z")]
    public void Machine_times_carry_at_most_milliseconds_as_html_requires(string osv, string html)
    {
        Assert.True(AdvisoryPipeline.Osv.OsvTimestamp.TryParse(osv, out var moment));
        Assert.Equal(html, DisplayTime.Machine(moment));
    }

    [Theory]
    [InlineData("CVE-2021-21330", "https://www.cve.org/CVERecord?id=CVE-2021-21330")]
    [InlineData("GHSA-v6wp-4m6f-gcjg", "https://github.com/advisories/GHSA-v6wp-4m6f-gcjg")]
    [InlineData("GO-2022-0229", "https://pkg.go.dev/vuln/GO-2022-0229")]
    [InlineData("RUSTSEC-2021-0001", "https://rustsec.org/advisories/RUSTSEC-2021-0001.html")]
    [InlineData("PYSEC-2021-76", "https://osv.dev/vulnerability/PYSEC-2021-76")]
    [InlineData("PSF-2024-2", "https://osv.dev/vulnerability/PSF-2024-2")]
    [InlineData("SNYK-PYTHON-AIOHTTP-1079232", null)]
    [InlineData("PYSEC-2021-76/../../x", null)]
    public void Identifiers_link_to_their_own_databases(string id, string? url) => Assert.Equal(url, IdentifierLinks.UrlOf(id));

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "a" }, "a")]
    [InlineData(new[] { "a", "b" }, "a and b")]
    [InlineData(new[] { "a", "b", "c" }, "a, b and c")]
    [InlineData(new[] { "a", "b", "c", "d", "e" }, "a, b, c and 2 more")]
    public void Names_read_as_a_list(string[] names, string expected) => Assert.Equal(expected, NameList.Of(names));
}
