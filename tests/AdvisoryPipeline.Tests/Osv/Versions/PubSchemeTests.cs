using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Tests.Osv.Versions;

/// <summary>Dart's pub_semver: SemVer with leading zeros allowed and build metadata ordered.</summary>
public sealed class PubSchemeTests : VersionSchemeContract
{
    private protected override IVersionScheme Scheme => VersionSchemes.Pub;

    private protected override IReadOnlyList<(string Left, char Relation, string Right)> Pairs { get; } =
    [
        // The order pub_semver documents: 1.0.0-pre < 1.0.0-pre+build < 1.0.0 < 1.0.0+build.
        ("1.0.0-pre", '<', "1.0.0-pre+build"),
        ("1.0.0-pre+build", '<', "1.0.0"),
        ("1.0.0", '<', "1.0.0+build"),
        ("1.0.0+1", '<', "1.0.0+2"),
        ("1.0.0+2", '<', "1.0.0+10"),
        ("1.0.0+build", '<', "1.0.0+build.1"),
        ("1.0.0+1", '<', "1.0.0+a"),
        ("1.0.0+10", '<', "1.0.1"),
        // http, provider, flutter_bloc, dio.
        ("0.13.6", '<', "1.0.0"),
        ("1.1.0", '<', "1.1.2"),
        ("6.0.5", '<', "6.1.1"),
        ("6.1.1", '<', "6.1.2"),
        ("8.1.3", '<', "8.1.4"),
        ("5.0.0-dev.1", '<', "5.0.0"),
        ("5.0.0-dev.1", '<', "5.0.0-dev.2"),
        ("5.3.4+1", '>', "5.3.4"),
        ("5.3.4+1", '<', "5.3.5"),
        ("2.0.0-nullsafety.0", '<', "2.0.0-nullsafety.1"),
        ("2.0.0-nullsafety.2", '<', "2.0.0"),
        // Leading zeros are accepted and read as numbers.
        ("01.2.3", '=', "1.2.3"),
        ("1.0.0-beta.01", '=', "1.0.0-beta.1"),
        ("1.0.0+01", '=', "1.0.0+1"),
        ("1.2.3", '<', "1.2.10"),
        ("0.0.1", '<', "0.1.0"),
        ("3.0.0-0", '<', "3.0.0-a"),
    ];

    /// <summary>The http package's releases, with a build-number release.</summary>
    private protected override IReadOnlyList<string> Ascending { get; } =
    [
        "0.12.0", "0.12.0+1", "0.12.0+2", "0.12.1", "0.12.2", "0.13.0-nullsafety.0", "0.13.0", "0.13.6",
        "1.0.0", "1.1.0", "1.1.2", "1.2.0",
    ];

    [Fact]
    public void Pub_and_plain_SemVer_versions_are_different_kinds()
    {
        Assert.True(VersionSchemes.SemVer.TryParse("1.0.0", out var semVer, out _));
        var pub = Parse("1.0.0");
        Assert.False(pub.Equals(semVer));
        Assert.Throws<ArgumentException>(() => pub.CompareTo(semVer));
    }
}
