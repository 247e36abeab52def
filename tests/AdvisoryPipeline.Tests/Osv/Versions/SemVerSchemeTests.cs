using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Tests.Osv.Versions;

/// <summary>Strict SemVer 2.0: OSV SEMVER ranges, crates.io and Hex.</summary>
public sealed class SemVerSchemeTests : VersionSchemeContract
{
    private protected override IVersionScheme Scheme => VersionSchemes.SemVer;

    private protected override IReadOnlyList<(string Left, char Relation, string Right)> Pairs { get; } =
    [
        // The precedence example of SemVer 2.0 §11.
        ("1.0.0-alpha", '<', "1.0.0-alpha.1"),
        ("1.0.0-alpha.1", '<', "1.0.0-alpha.beta"),
        ("1.0.0-alpha.beta", '<', "1.0.0-beta"),
        ("1.0.0-beta", '<', "1.0.0-beta.2"),
        ("1.0.0-beta.2", '<', "1.0.0-beta.11"),
        ("1.0.0-beta.11", '<', "1.0.0-rc.1"),
        ("1.0.0-rc.1", '<', "1.0.0"),
        ("2.0.0", '<', "2.1.0"),
        ("2.1.0", '<', "2.1.1"),
        // Build metadata is kept but never orders.
        ("1.0.0+20130313144700", '=', "1.0.0"),
        ("1.0.0-beta+exp.sha.5114f85", '=', "1.0.0-beta"),
        ("1.0.0+build.1", '=', "1.0.0+build.2"),
        // Identifier rules: numbers below words, numbers by value, ASCII order for words, longer wins.
        ("1.0.0-1", '<', "1.0.0-alpha"),
        ("1.0.0-alpha.9", '<', "1.0.0-alpha.10"),
        ("1.0.0-Alpha", '<', "1.0.0-alpha"),
        ("1.0.0-rc.1", '<', "1.0.0-rc.1.1"),
        ("1.0.0-x-y-z.--", '>', "1.0.0-x-y-z"),
        ("1.0.0-20230101", '>', "1.0.0-3"),
        // crates.io: serde, tokio, rand.
        ("1.0.193", '>', "1.0.192"),
        ("1.0.100", '>', "1.0.99"),
        ("1.35.1", '<', "1.36.0"),
        ("0.8.5", '>', "0.8.4"),
        ("0.9.0-alpha.1", '<', "0.9.0"),
        ("1.9.0", '<', "1.10.0"),
        // Hex: phoenix, plug.
        ("1.7.0-rc.0", '<', "1.7.0-rc.1"),
        ("1.7.0-rc.3", '<', "1.7.0"),
        ("1.15.3", '>', "1.14.2"),
        // Numbers beyond 64 bits.
        ("1.2.99999999999999999999", '>', "1.2.3"),
        ("18446744073709551616.0.0", '>', "18446744073709551615.0.0"),
    ];

    /// <summary>serde_json's releases around 1.0 (crates.io).</summary>
    private protected override IReadOnlyList<string> Ascending { get; } =
    [
        "0.9.10", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.0.2", "1.0.9", "1.0.10", "1.0.39", "1.0.40", "1.0.100", "1.0.108",
        "1.0.109", "1.0.110", "1.0.111", "2.0.0-alpha", "2.0.0-alpha.1", "2.0.0-beta", "2.0.0",
    ];

    [Theory]
    [InlineData("", "\"\" is not a valid SemVer 2.0 version: the version is empty")]
    [InlineData("1.0.0-", "\"1.0.0-\" is not a valid SemVer 2.0 version: empty pre-release identifier")]
    [InlineData("1.0.0-alpha..1", "\"1.0.0-alpha..1\" is not a valid SemVer 2.0 version: empty pre-release identifier")]
    [InlineData("1.0.0+", "\"1.0.0+\" is not a valid SemVer 2.0 version: empty build identifier")]
    [InlineData("1.0", "\"1.0\" is not a valid SemVer 2.0 version: missing patch version (SemVer is MAJOR.MINOR.PATCH)")]
    [InlineData("1.0.0.0", "\"1.0.0.0\" is not a valid SemVer 2.0 version: more than three numbers (SemVer is MAJOR.MINOR.PATCH)")]
    [InlineData("01.0.0", "\"01.0.0\" is not a valid SemVer 2.0 version: the major version \"01\" has a leading zero")]
    [InlineData("1.0.0-01", "\"1.0.0-01\" is not a valid SemVer 2.0 version: numeric pre-release identifier \"01\" has a leading zero")]
    [InlineData("1.0.0-beta_1", "\"1.0.0-beta_1\" is not a valid SemVer 2.0 version: invalid character \"_\" in pre-release identifier \"beta_1\"")]
    [InlineData("v1.0.0", "\"v1.0.0\" is not a valid SemVer 2.0 version: a leading \"v\" is not part of a SemVer 2.0 version")]
    [InlineData("1.0.0 ", "\"1.0.0 \" is not a valid SemVer 2.0 version: invalid character \" \" in the patch version")]
    [InlineData("1..0", "\"1..0\" is not a valid SemVer 2.0 version: empty minor version")]
    public void Invalid_SemVer_is_rejected_with_the_reason(string text, string error) => AssertRejected(text, error);

    [Fact]
    public void Build_metadata_is_kept_in_the_text_and_normalised_form()
    {
        Assert.Equal("1.0.0-beta+exp.sha.5114f85", Parse("1.0.0-beta+exp.sha.5114f85").Normalized);
        Assert.Equal(Parse("1.0.0+a").GetHashCode(), Parse("1.0.0+b").GetHashCode());
    }

    [Fact]
    public void Leading_zeros_are_allowed_in_build_identifiers()
    {
        Assert.Equal(Parse("1.0.0+001"), Parse("1.0.0"));
    }

    [Fact]
    public void Swift_tags_may_carry_a_v_and_are_otherwise_SemVer()
    {
        Assert.True(VersionSchemes.Swift.TryParse("v5.4.3", out var tagged, out _));
        Assert.True(VersionSchemes.Swift.TryParse("5.4.3", out var plain, out _));
        Assert.Equal(plain, tagged);
        Assert.Equal("5.4.3", tagged.Normalized);
        Assert.False(VersionSchemes.Swift.TryParse("5.4", out _, out var error));
        Assert.Equal("\"5.4\" is not a valid Swift SemVer version: missing patch version (SemVer is MAJOR.MINOR.PATCH)", error);
    }
}
