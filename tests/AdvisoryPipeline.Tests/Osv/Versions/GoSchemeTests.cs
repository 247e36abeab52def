using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Tests.Osv.Versions;

/// <summary>Go module versions, with or without the toolchain's "v" (OSV Go records omit it).</summary>
public sealed class GoSchemeTests : VersionSchemeContract
{
    private protected override IVersionScheme Scheme => VersionSchemes.Go;

    private protected override IReadOnlyList<(string Left, char Relation, string Right)> Pairs { get; } =
    [
        // github.com/gin-gonic/gin and golang.org/x/net as the Go vulnerability database writes them.
        ("1.9.1", '>', "1.9.0"),
        ("1.7.0", '<', "1.7.7"),
        ("1.10.0", '>', "1.9.1"),
        ("0.17.0", '<', "0.23.0"),
        ("v1.9.1", '=', "1.9.1"),
        ("v0.23.0", '>', "0.17.0"),
        // Pseudo-versions are pre-releases of the next patch (or of 0.0.0 before any tag).
        ("0.0.0-20200101000000-abcdef123456", '<', "0.0.1"),
        ("0.0.0-20190308221718-c2843e01d9a2", '<', "0.0.0-20211112202133-69e39bad7dc2"),
        ("1.2.4-0.20191109021931-daa7c04131f5", '>', "1.2.3"),
        ("1.2.4-0.20191109021931-daa7c04131f5", '<', "1.2.4"),
        ("1.2.3-pre.0.20191109021931-daa7c04131f5", '>', "1.2.3-pre"),
        ("1.2.3-pre.0.20191109021931-daa7c04131f5", '<', "1.2.3"),
        ("v0.0.0-20220722155237-a158d28d115b", '<', "v0.0.0-20220722155238-a158d28d115b"),
        // +incompatible is build metadata: it names v2+ modules without go.mod and never orders.
        ("2.0.0+incompatible", '=', "2.0.0"),
        ("4.5.0+incompatible", '<', "4.5.1+incompatible"),
        ("3.2.1+incompatible", '>', "3.2.0"),
        // Go standard library (module "stdlib") releases.
        ("1.20.0-rc.1", '<', "1.20.0"),
        ("1.21.0-rc.2", '<', "1.21.0-rc.3"),
        ("1.19.13", '<', "1.20.0"),
        ("1.22.0", '>', "1.21.13"),
        ("1.21.5", '>', "1.21.4"),
        ("1.0.0-rc1", '<', "1.0.0-rc2"),
        ("2.0.0-beta.1", '<', "2.0.0"),
        ("1.8.0", '<', "1.8.1"),
        ("0.1.0", '>', "0.0.0-20230101000000-000000000000"),
    ];

    /// <summary>gin's releases.</summary>
    private protected override IReadOnlyList<string> Ascending { get; } =
    [
        "0.0.0-20140808172929-3d3e3ea9edec", "1.0.0-rc.1", "1.0.0", "1.1.4", "1.3.0", "1.4.0", "1.5.0", "1.6.3",
        "1.7.0", "1.7.7", "1.8.1", "1.8.2", "1.9.0", "1.9.1", "1.10.0",
    ];

    [Theory]
    [InlineData("v1.9.1", "1.9.1")]
    [InlineData("v2.0.0+incompatible", "2.0.0+incompatible")]
    public void The_v_is_dropped_as_OSV_Go_records_write_versions(string text, string normalized) => AssertNormalized(text, normalized);

    [Theory]
    [InlineData("v1.2", "\"v1.2\" is not a valid Go module version: missing patch version (SemVer is MAJOR.MINOR.PATCH)")]
    [InlineData("v01.2.3", "\"v01.2.3\" is not a valid Go module version: the major version \"01\" has a leading zero")]
    [InlineData("V1.2.3", "\"V1.2.3\" is not a valid Go module version: a leading \"V\" is not part of a Go module version")]
    [InlineData("latest", "\"latest\" is not a valid Go module version: invalid character \"l\" in the major version")]
    public void Shorthands_and_queries_are_not_module_versions(string text, string error) => AssertRejected(text, error);
}
