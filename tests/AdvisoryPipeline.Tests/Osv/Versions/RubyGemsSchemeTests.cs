using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Tests.Osv.Versions;

public sealed class RubyGemsSchemeTests : VersionSchemeContract
{
    private protected override IVersionScheme Scheme => VersionSchemes.RubyGems;

    private protected override IReadOnlyList<(string Left, char Relation, string Right)> Pairs { get; } =
    [
        // Rails 7.0's pre-releases and the releases around them.
        ("7.0.0.alpha1", '<', "7.0.0.alpha2"),
        ("7.0.0.alpha2", '<', "7.0.0.rc1"),
        ("7.0.0.rc1", '<', "7.0.0.rc3"),
        ("7.0.0.rc3", '<', "7.0.0"),
        ("7.0.0", '<', "7.0.1"),
        ("6.1.7.6", '<', "7.0.0"),
        ("6.1.7.10", '>', "6.1.7.9"),
        ("7.0.8.1", '>', "7.0.8"),
        // nokogiri, rack, devise.
        ("1.13.10", '>', "1.13.9"),
        ("1.16.0.rc1", '<', "1.16.0"),
        ("2.2.8.1", '<', "3.0.0.beta1"),
        ("3.0.0.beta1", '<', "3.0.0"),
        ("4.9.3", '<', "4.9.4"),
        // The documented pre-release order: 1.0 > 1.0.b1 > 1.0.a.2 > 0.9.
        ("1.0.b1", '<', "1.0"),
        ("1.0.a.2", '<', "1.0.b1"),
        ("0.9", '<', "1.0.a.2"),
        ("1.0.a10", '>', "1.0.a9"),
        // Letters sort below numbers; trailing zeros do not count.
        ("1.0.a", '<', "1.0"),
        ("1.0", '=', "1.0.0"),
        ("1", '=', "1.0.0.0"),
        ("1.0.0.a", '=', "1.0.a"),
        ("1.a", '=', "1.0.a"),
        ("1.0.0.rc1", '=', "1.0.0.rc.1"),
        ("1.0.a", '<', "1.0.0.1"),
        // A hyphen is read as ".pre.", which sorts after most letters.
        ("1.0.0.beta", '<', "1.0.0-beta"),
        ("1.0.0-beta", '<', "1.0.0"),
        ("1.0.0-rc.1", '<', "1.0.0-rc.2"),
        ("3.0.0.pre", '<', "3.0.0"),
        ("1.0.20231231", '>', "1.0.9"),
        ("1.0.0.A", '<', "1.0.0.a"),
    ];

    /// <summary>rack's releases.</summary>
    private protected override IReadOnlyList<string> Ascending { get; } =
    [
        "1.6.13", "2.0.0.alpha", "2.0.0.rc1", "2.0.0", "2.0.9.4", "2.1.4.4", "2.2.0", "2.2.6.4", "2.2.8.1",
        "3.0.0.beta1", "3.0.0.rc1", "3.0.0", "3.0.9.1", "3.0.10",
    ];

    [Theory]
    [InlineData("", "\"\" is not a valid RubyGems version: the version is empty")]
    [InlineData("a.1", "\"a.1\" is not a valid RubyGems version: it must start with a number, not \"a\"")]
    [InlineData("1..2", "\"1..2\" is not a valid RubyGems version: empty segment")]
    [InlineData("1.0.", "\"1.0.\" is not a valid RubyGems version: empty segment")]
    [InlineData("1.0-", "\"1.0-\" is not a valid RubyGems version: empty segment")]
    [InlineData("1.0.0_beta", "\"1.0.0_beta\" is not a valid RubyGems version: invalid character \"_\"")]
    [InlineData("1.0+build", "\"1.0+build\" is not a valid RubyGems version: invalid character \"+\"")]
    public void Malformed_versions_are_rejected_with_the_reason(string text, string error) => AssertRejected(text, error);

    [Fact]
    public void Surrounding_whitespace_is_ignored()
    {
        Assert.Equal("7.0.0", Parse("  7.0.0 ").Normalized);
        Assert.Equal(Parse("7.0.0"), Parse("  7.0.0 "));
    }
}
