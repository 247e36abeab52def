using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Tests.Osv.Versions;

public sealed class VersionSchemesTests
{
    [Theory]
    [InlineData("PyPI", "PEP 440")]
    [InlineData("npm", "npm SemVer")]
    [InlineData("crates.io", "SemVer 2.0")]
    [InlineData("Go", "Go module")]
    [InlineData("NuGet", "NuGet")]
    [InlineData("Maven", "Maven")]
    [InlineData("Maven:https://maven.google.com", "Maven")]
    [InlineData("RubyGems", "RubyGems")]
    [InlineData("Hex", "SemVer 2.0")]
    [InlineData("Pub", "Pub")]
    [InlineData("SwiftURL", "Swift SemVer")]
    [InlineData("Debian:12", "Debian")]
    [InlineData("Ubuntu:22.04:LTS", "Debian")]
    [InlineData("Ubuntu:Pro:18.04:LTS", "Debian")]
    [InlineData("Red Hat:rhel_aus:8.4::appstream", "RPM")]
    [InlineData("SUSE:Linux Enterprise Server 15 SP5", "RPM")]
    public void Each_ecosystem_uses_its_own_scheme_whatever_its_suffix(string ecosystem, string schemeName) =>
        Assert.Equal(schemeName, VersionSchemes.ForEcosystem(ecosystem)?.Name);

    [Theory]
    [InlineData("pypi")]
    [InlineData("Packagist")]
    [InlineData("Alpine:v3.16")]
    [InlineData("Android")]
    [InlineData("GIT")]
    [InlineData("")]
    public void Ecosystems_without_an_implemented_ordering_have_no_scheme(string ecosystem) =>
        Assert.Null(VersionSchemes.ForEcosystem(ecosystem));

    [Fact]
    public void Every_mapped_ecosystem_is_a_registered_OSV_ecosystem()
    {
        foreach (var name in VersionSchemes.ByEcosystem.Keys)
            Assert.NotNull(OsvEcosystems.Find(name));
    }

    [Fact]
    public void SEMVER_ranges_use_strict_SemVer()
    {
        Assert.Equal("SemVer 2.0", VersionSchemes.SemVer.Name);
        Assert.False(VersionSchemes.SemVer.TryParse("v1.0.0", out _, out _));
    }
}
