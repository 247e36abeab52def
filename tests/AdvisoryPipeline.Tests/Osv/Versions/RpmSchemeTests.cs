using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Tests.Osv.Versions;

/// <summary>RPM versions: the cases of rpm's own rpmvercmp test suite, then full epoch:version-release strings.</summary>
public sealed class RpmSchemeTests : VersionSchemeContract
{
    private protected override IVersionScheme Scheme => VersionSchemes.Rpm;

    private protected override IReadOnlyList<(string Left, char Relation, string Right)> Pairs { get; } =
    [
        ("1.0", '<', "2.0"),
        ("2.0", '<', "2.0.1"),
        ("2.0.1a", '>', "2.0.1"),
        ("5.5p1", '<', "5.5p2"),
        ("5.5p1", '<', "5.5p10"),
        ("10xyz", '<', "10.1xyz"),
        ("xyz10", '<', "xyz10.1"),
        ("xyz.4", '<', "8"),
        ("xyz.4", '<', "2"),
        ("5.5p2", '<', "5.6p1"),
        ("5.6p1", '<', "6.5p1"),
        ("6.0.rc1", '>', "6.0"),
        ("10b2", '>', "10a1"),
        ("10a2", '<', "10b2"),
        ("1.0a", '<', "1.0aa"),
        ("10.0001", '=', "10.1"),
        ("10.0001", '<', "10.0039"),
        ("4.999.9", '<', "5.0"),
        ("20101121", '<', "20101122"),
        ("2.0", '=', "2_0"),
        ("a+", '=', "a_"),
        ("+a", '=', "_a"),
        ("1.0~rc1", '<', "1.0"),
        ("1.0~rc1", '<', "1.0~rc2"),
        ("1.0~rc1~git123", '<', "1.0~rc1"),
        // The caret: after the end of the string, before anything else.
        ("1.0^", '>', "1.0"),
        ("1.0^git1", '>', "1.0"),
        ("1.0^git1", '<', "1.0^git2"),
        ("1.0^git1", '<', "1.01"),
        ("1.0^20160101", '<', "1.0.1"),
        ("1.0~rc1^git1", '>', "1.0~rc1"),
        ("1.0^git1~pre", '<', "1.0^git1"),
        // Epoch, version, release (Red Hat, SUSE, Rocky Linux openssl and kernel updates).
        ("1:1.0-1", '>', "2.0-1"),
        ("0:1.0-1", '=', "1.0-1"),
        ("1.0-1.el8", '<', "1.0-2.el8"),
        ("1.0-1.el8_5", '>', "1.0-1.el8"),
        ("1:3.0.7-25.el9_3", '<', "1:3.0.7-27.el9"),
        ("4.18.0-513.5.1.el8_9", '<', "4.18.0-513.9.1.el8_9"),
        ("3.0.8-150500.5.20.1", '>', "3.0.8-150500.5.8.1"),
    ];

    /// <summary>openssl in RHEL 9.</summary>
    private protected override IReadOnlyList<string> Ascending { get; } =
    [
        "1:3.0.1-41.el9_0", "1:3.0.1-43.el9_0", "1:3.0.7-6.el9_2", "1:3.0.7-16.el9_2", "1:3.0.7-18.el9_2",
        "1:3.0.7-24.el9", "1:3.0.7-25.el9_3", "1:3.0.7-27.el9", "1:3.0.7-28.el9_4", "1:3.2.2-6.el9_5",
    ];

    [Fact]
    public void A_missing_release_sorts_before_any_release_to_keep_the_order_total()
    {
        Assert.True(Parse("1.0") < Parse("1.0-1"));
        Assert.True(Parse("1.0") < Parse("1.0-0"));
    }

    [Theory]
    [InlineData("", "\"\" is not a valid RPM version: the version is empty")]
    [InlineData("x:1.0-1", "\"x:1.0-1\" is not a valid RPM version: the epoch \"x\" is not a number")]
    [InlineData("1.0-", "\"1.0-\" is not a valid RPM version: the release after the last hyphen is empty")]
    [InlineData("-1", "\"-1\" is not a valid RPM version: the version part is empty")]
    [InlineData("1.0 beta", "\"1.0 beta\" is not a valid RPM version: invalid character \" \" in the version")]
    public void Malformed_versions_are_rejected_with_the_reason(string text, string error) => AssertRejected(text, error);
}
