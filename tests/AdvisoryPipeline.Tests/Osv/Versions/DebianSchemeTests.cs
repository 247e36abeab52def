using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Tests.Osv.Versions;

/// <summary>Debian and Ubuntu package versions; every relation below is what <c>dpkg --compare-versions</c> answers.</summary>
public sealed class DebianSchemeTests : VersionSchemeContract
{
    private protected override IVersionScheme Scheme => VersionSchemes.Debian;

    private protected override IReadOnlyList<(string Left, char Relation, string Right)> Pairs { get; } =
    [
        ("1.0~rc1", '<', "1.0"),
        ("1.0", '<', "1.0+b1"),
        ("1:1.0", '>', "2.0"),
        ("0:1.0", '=', "1.0"),
        ("1.0", '=', "1.0-0"),
        ("1.0", '=', "1.00"),
        ("1.0", '=', "1."),
        ("1.0-1", '=', "1.0-01"),
        ("1.0-1", '>', "1.0"),
        ("1.0.0", '>', "1.0"),
        // Letters before other characters, "~" before everything, even the end (Debian Policy's example).
        ("1.0a", '>', "1.0"),
        ("1.0a", '<', "1.0."),
        ("1.0~~", '<', "1.0~~a"),
        ("1.0~~a", '<', "1.0~"),
        ("1.0~", '<', "1.0"),
        ("1.0+dfsg", '<', "1.0.1"),
        // Debian security updates and binNMUs (openssl, glibc, curl, zlib, openssh).
        ("3.0.11-1~deb12u2", '<', "3.0.11-1"),
        ("3.0.11-1~deb12u2", '<', "3.0.13-1~deb12u1"),
        ("2.36-9+deb12u4", '>', "2.36-9+deb12u3"),
        ("2.36-9+deb12u10", '>', "2.36-9+deb12u9"),
        ("7.88.1-10+deb12u5", '<', "7.88.1-10+deb12u6"),
        ("1.2.11.dfsg-2+deb11u2", '<', "1:1.2.13.dfsg-1"),
        ("9.2p1-2", '<', "9.2p1-2+deb12u2"),
        ("9.2p1", '>', "9.2"),
        // Ubuntu revisions.
        ("2.30-1", '<', "2.30-1ubuntu1"),
        ("2.0.7-1ubuntu0.22.04.1", '>', "2.0.7-1"),
        ("2.0.7-1ubuntu0.22.04.1", '<', "2.0.7-1ubuntu0.22.04.2"),
        ("1.1.1f-1ubuntu2.20", '>', "1.1.1f-1ubuntu2.3"),
        ("5.15.0-91.101", '<', "5.15.0-92.102"),
    ];

    /// <summary>openssl in Debian 12 (bookworm) and after, checked with dpkg.</summary>
    private protected override IReadOnlyList<string> Ascending { get; } =
    [
        "3.0.9-1", "3.0.11-1~deb12u1", "3.0.11-1~deb12u2", "3.0.11-1", "3.0.13-1~deb12u1", "3.0.14-1~deb12u1",
        "3.0.14-1~deb12u2", "3.0.15-1~deb12u1", "3.0.15-1", "3.0.15-1+b1", "3.1.0~alpha1-1", "3.1.0~beta1-1",
        "3.1.0-1", "1:0.9-1",
    ];

    [Theory]
    [InlineData("", "\"\" is not a valid Debian version: the version is empty")]
    [InlineData("a1.0", "\"a1.0\" is not a valid Debian version: the upstream version must start with a digit")]
    [InlineData("1.0-", "\"1.0-\" is not a valid Debian version: the revision after the last hyphen is empty")]
    [InlineData("x:1.0", "\"x:1.0\" is not a valid Debian version: the epoch \"x\" is not a number")]
    [InlineData("1:", "\"1:\" is not a valid Debian version: nothing after the epoch's colon")]
    [InlineData("1.0_1", "\"1.0_1\" is not a valid Debian version: invalid character \"_\" in the upstream version")]
    [InlineData("1.0-1_2", "\"1.0-1_2\" is not a valid Debian version: invalid character \"_\" in the revision")]
    [InlineData("1.0-1:2", "\"1.0-1:2\" is not a valid Debian version: the epoch \"1.0-1\" is not a number")]
    public void Malformed_versions_are_rejected_with_the_reason(string text, string error) => AssertRejected(text, error);

    [Fact]
    public void The_normalised_form_drops_a_zero_epoch()
    {
        AssertNormalized("0:1.2.3-1", "1.2.3-1");
        AssertNormalized("2:1.2.3-1", "2:1.2.3-1");
    }
}
