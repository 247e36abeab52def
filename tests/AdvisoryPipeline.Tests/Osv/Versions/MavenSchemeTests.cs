using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Tests.Osv.Versions;

public sealed class MavenSchemeTests : VersionSchemeContract
{
    private protected override IVersionScheme Scheme => VersionSchemes.Maven;

    private protected override IReadOnlyList<(string Left, char Relation, string Right)> Pairs { get; } =
    [
        // The "End Result Examples" of the POM reference.
        ("1", '<', "1.1"),
        ("1-snapshot", '<', "1"),
        ("1", '<', "1-sp"),
        ("1-foo2", '<', "1-foo10"),
        ("1.foo", '=', "1-foo"),
        ("1-foo", '<', "1-1"),
        ("1-1", '<', "1.1"),
        ("1.ga", '=', "1"),
        ("1-ga", '=', "1-0"),
        ("1.0", '=', "1"),
        ("1-sp", '>', "1-ga"),
        ("1-sp.1", '>', "1-ga.1"),
        ("1-sp-1", '>', "1-ga-1"),
        ("1-a1", '=', "1-alpha-1"),
        ("1-ga-1", '>', "1"),
        ("1-ga-1", '<', "1-1"),
        ("1-ga1", '=', "1-release-1"),
        // log4j-core, with its alpha/beta/rc history.
        ("2.0-alpha1", '<', "2.0-beta9"),
        ("2.0-beta9", '<', "2.0-rc1"),
        ("2.0-rc2", '<', "2.0"),
        ("2.15.0", '<', "2.16.0"),
        ("2.17.0", '<', "2.17.1"),
        ("2.3.1", '<', "2.12.4"),
        // Spring's dotted qualifiers and Hibernate's Final/CR.
        ("5.0.0.M5", '<', "5.0.0.RC1"),
        ("5.0.0.RC1", '<', "5.0.0.RELEASE"),
        ("5.0.0.RELEASE", '=', "5.0.0"),
        ("5.3.0-RC1", '=', "5.3.0.RC1"),
        ("5.4.0.CR1", '=', "5.4.0.RC1"),
        ("5.4.0.Final", '=', "5.4.0"),
        ("5.4.0.Final", '<', "5.4.1.Final"),
        // jackson-databind's micro-patches, Guava's flavours.
        ("2.13.4.2", '>', "2.13.4.1"),
        ("2.13.4.1", '>', "2.13.4"),
        ("31.1-android", '<', "31.1-jre"),
        ("31.1-jre", '>', "31.1"),
        ("32.0.0-jre", '>', "31.1-jre"),
        // Aliases, case and leading zeros.
        ("1.0-cr1", '=', "1.0-rc1"),
        ("1.0-m2", '=', "1.0-milestone-2"),
        ("1.0RC1", '=', "1.0-rc-1"),
        ("1.0-SNAPSHOT", '=', "1.0-snapshot"),
        ("1.01", '=', "1.1"),
        ("1.0-beta-2", '<', "1.0-beta-10"),
        ("1.0-alpha-1-SNAPSHOT", '<', "1.0-alpha-1"),
        ("1.0-SNAPSHOT", '<', "1.0"),
        ("1.0-beta-1", '<', "1.0-SNAPSHOT"),
        ("1.0.0", '<', "1.0-1"),
        ("2.0-1", '<', "2.0.1"),
        ("2.0.1", '<', "2.0.1-xyz"),
        ("2.0.1-xyz", '<', "2.0.1-123"),
        // MNG-6572: numbers past 32 and 64 bits.
        ("20190126.230843", '<', "1234567890.12345"),
        ("123456789012345.1", '<', "12345678901234567890.1"),
        // graphql-java's date-stamped snapshot builds sort before real releases.
        ("0.0.0-2021-05-17T01-01-51-5ec03a8b", '<', "20.0.0"),
    ];

    /// <summary>Maven's own qualifier test sequence (ComparableVersionTest).</summary>
    private protected override IReadOnlyList<string> Ascending { get; } =
    [
        "1-alpha2snapshot", "1-alpha2", "1-alpha-123", "1-beta-2", "1-beta123", "1-m2", "1-m11", "1-rc", "1-cr2",
        "1-rc123", "1-SNAPSHOT", "1", "1-sp", "1-sp2", "1-sp123", "1-abc", "1-def", "1-pom-1", "1-1-snapshot",
        "1-1", "1-2", "1-123",
    ];

    [Theory]
    [InlineData("1.0.0", "1")]
    [InlineData("1.0.0-foo.0.0", "1-foo")]
    [InlineData("1.0.0-0.0.0", "1")]
    [InlineData("1-1.foo-bar1baz-.1", "1-1-foo-bar-1-baz-0.1")]
    [InlineData("1.0-a1", "1-alpha-1")]
    [InlineData("1cr", "1-rc")]
    [InlineData("1-ga-1", "1-ga-1")]
    [InlineData("1-final", "1")]
    [InlineData("2.0.0.RC1", "2-rc-1")]
    [InlineData("5.0.0.RELEASE", "5")]
    public void The_canonical_form_trims_nulls_as_the_specification_shows(string text, string canonical) => AssertNormalized(text, canonical);

    [Theory]
    [InlineData("", "\"\" is not a valid Maven version: the version is empty")]
    [InlineData("1.0 beta", "\"1.0 beta\" is not a valid Maven version: \" \" at position 4 is not allowed in a Maven version")]
    [InlineData("1.0/2", "\"1.0/2\" is not a valid Maven version: \"/\" at position 4 is not allowed in a Maven version")]
    [InlineData("1.0:2", "\"1.0:2\" is not a valid Maven version: \":\" at position 4 is not allowed in a Maven version")]
    public void Only_what_Maven_itself_refuses_is_rejected(string text, string error) => AssertRejected(text, error);

    [Fact]
    public void Any_other_string_is_a_version_and_sorts_before_numbers()
    {
        Assert.True(Parse("NotAVersionString") < Parse("1.0a1-SNAPSHOT"));
        Assert.True(Parse("r09") < Parse("10.0"));
    }
}
