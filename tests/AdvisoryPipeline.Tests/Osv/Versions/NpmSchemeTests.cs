using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Tests.Osv.Versions;

/// <summary>npm: SemVer 2.0 as node-semver reads it in its default (not loose) mode.</summary>
public sealed class NpmSchemeTests : VersionSchemeContract
{
    private protected override IVersionScheme Scheme => VersionSchemes.Npm;

    private protected override IReadOnlyList<(string Left, char Relation, string Right)> Pairs { get; } =
    [
        // react, lodash, @babel/core, next, typescript.
        ("18.0.0-rc.0", '<', "18.0.0-rc.1"),
        ("18.0.0-rc.3", '<', "18.0.0"),
        ("18.2.0", '<', "18.3.1"),
        ("17.0.2", '<', "18.0.0-alpha-e6be2d531"),
        ("4.17.21", '>', "4.17.20"),
        ("4.17.4", '<', "4.17.10"),
        ("7.0.0-beta.56", '<', "7.0.0-rc.1"),
        ("7.0.0-rc.4", '<', "7.0.0"),
        ("7.23.9", '<', "7.24.0"),
        ("13.4.20-canary.2", '<', "13.4.20-canary.10"),
        ("13.5.0", '>', "13.4.20-canary.10"),
        ("5.0.0-beta", '<', "5.0.0-dev.20230101"),
        ("5.4.0-dev.20231201", '<', "5.4.1-rc"),
        // The accepted spellings: v, =, surrounding whitespace.
        ("v1.2.3", '=', "1.2.3"),
        ("=1.2.3", '=', "1.2.3"),
        ("=v1.2.3", '=', "1.2.3"),
        (" 1.2.3\t", '=', "1.2.3"),
        ("v2.0.0", '>', "1.99.99"),
        // Build metadata does not order.
        ("1.2.3+sha.1", '=', "1.2.3+sha.2"),
        ("1.2.3-beta+1", '<', "1.2.3"),
        ("0.0.1", '<', "0.0.2"),
        ("0.1.0", '>', "0.0.99"),
        ("1.0.0-0", '<', "1.0.0-alpha"),
        ("1.0.0-alpha.0", '<', "1.0.0-alpha.a"),
        ("1.0.0-A", '<', "1.0.0-a"),
        ("10.0.0", '>', "9.99.99"),
    ];

    /// <summary>lodash's 4.17 line.</summary>
    private protected override IReadOnlyList<string> Ascending { get; } =
    [
        "4.0.0", "4.16.6", "4.17.0", "4.17.1", "4.17.2", "4.17.4", "4.17.5", "4.17.9", "4.17.10", "4.17.11",
        "4.17.15", "4.17.19", "4.17.20", "4.17.21",
    ];

    [Theory]
    [InlineData("v1.2.3", "1.2.3")]
    [InlineData("=v1.2.3", "1.2.3")]
    [InlineData("  1.2.3-beta.1+build  ", "1.2.3-beta.1+build")]
    public void Npm_spellings_normalise_to_plain_SemVer(string text, string normalized) => AssertNormalized(text, normalized);

    [Theory]
    [InlineData("01.2.3", "\"01.2.3\" is not a valid npm SemVer version: the major version \"01\" has a leading zero")]
    [InlineData("1.2.3beta", "\"1.2.3beta\" is not a valid npm SemVer version: invalid character \"b\" in the patch version")]
    [InlineData("V1.2.3", "\"V1.2.3\" is not a valid npm SemVer version: a leading \"V\" is not part of a npm SemVer version")]
    [InlineData("1.2", "\"1.2\" is not a valid npm SemVer version: missing patch version (SemVer is MAJOR.MINOR.PATCH)")]
    [InlineData("   ", "\"   \" is not a valid npm SemVer version: the version is empty")]
    public void Loose_forms_are_rejected(string text, string error) => AssertRejected(text, error);
}
