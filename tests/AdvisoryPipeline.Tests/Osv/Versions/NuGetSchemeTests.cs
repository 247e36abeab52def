using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Tests.Osv.Versions;

public sealed class NuGetSchemeTests : VersionSchemeContract
{
    private protected override IVersionScheme Scheme => VersionSchemes.NuGet;

    private protected override IReadOnlyList<(string Left, char Relation, string Right)> Pairs { get; } =
    [
        // Newtonsoft.Json.
        ("13.0.1", '>', "12.0.3"),
        ("13.0.3", '>', "13.0.2"),
        ("12.0.3", '<', "13.0.1-beta1"),
        ("13.0.1-beta1", '<', "13.0.1"),
        ("13.0.1-beta1", '<', "13.0.1-beta2"),
        // .NET and ASP.NET Core previews, whose labels really look like this.
        ("6.0.0-preview.1.21102.12", '<', "6.0.0-preview.7.21377.19"),
        ("6.0.0-preview.7.21377.19", '<', "6.0.0-rc.1.21451.13"),
        ("6.0.0-rc.2.21480.5", '<', "6.0.0"),
        ("2.1.0-preview1-final", '<', "2.1.0-preview2-final"),
        ("2.1.0-preview2-final", '<', "2.1.0-rc1-final"),
        ("2.1.0-rc1-final", '<', "2.1.0"),
        // Legacy four-part versions (System.Version) and NuGet's normalisation.
        ("1.0.0.0", '=', "1.0.0"),
        ("1.0.0.1", '>', "1.0.0"),
        ("1.0.0.1", '<', "1.0.1"),
        ("4.0.30319.1", '>', "4.0.30319"),
        ("1.01", '=', "1.1"),
        ("1", '=', "1.0.0"),
        ("1.0.01.0", '=', "1.0.1"),
        ("4.7.2", '<', "4.8"),
        ("1.0.0.1-beta", '>', "1.0.0"),
        // Release labels compare case-insensitively; metadata never orders.
        ("1.0.0-BETA", '=', "1.0.0-beta"),
        ("1.0.0-alpha", '<', "1.0.0-Beta"),
        ("1.0.0-RC.1", '=', "1.0.0-rc.1"),
        ("1.0.7+r3456", '=', "1.0.7"),
        ("1.0.0-beta.2", '<', "1.0.0-beta.10"),
        ("1.0.0-beta", '<', "1.0.0-beta.1"),
        ("1.0.0-1", '<', "1.0.0-a"),
    ];

    /// <summary>Newtonsoft.Json's releases.</summary>
    private protected override IReadOnlyList<string> Ascending { get; } =
    [
        "3.5.8", "4.0.1", "4.5.11", "5.0.8", "6.0.8", "7.0.1-beta1", "7.0.1", "8.0.3", "9.0.1", "10.0.3", "11.0.2",
        "12.0.1-beta1", "12.0.1", "12.0.3", "13.0.1-beta1", "13.0.1", "13.0.2", "13.0.3",
    ];

    [Theory]
    [InlineData("1.00", "1.0.0")]
    [InlineData("1.01.1", "1.1.1")]
    [InlineData("1.00.0.1", "1.0.0.1")]
    [InlineData("1.0.0.0", "1.0.0")]
    [InlineData("1.0.01.0", "1.0.1")]
    [InlineData("1.0.7+r3456", "1.0.7")]
    [InlineData(" 13.0.1-Beta1 ", "13.0.1-Beta1")]
    public void Versions_normalise_as_NuGet_documents(string text, string normalized) => AssertNormalized(text, normalized);

    [Theory]
    [InlineData("", "\"\" is not a valid NuGet version: the version is empty")]
    [InlineData("1.0.0.0.0", "\"1.0.0.0.0\" is not a valid NuGet version: more than four numbers")]
    [InlineData("1.0.0-beta.01", "\"1.0.0-beta.01\" is not a valid NuGet version: numeric pre-release identifier \"01\" has a leading zero")]
    [InlineData("1.0.0-", "\"1.0.0-\" is not a valid NuGet version: empty pre-release identifier")]
    [InlineData("1.x", "\"1.x\" is not a valid NuGet version: the minor number \"x\" is not a number")]
    [InlineData("1..0", "\"1..0\" is not a valid NuGet version: empty minor number")]
    [InlineData("3000000000.0", "\"3000000000.0\" is not a valid NuGet version: the major number \"3000000000\" is larger than 2147483647")]
    public void Invalid_versions_are_rejected_with_the_reason(string text, string error) => AssertRejected(text, error);
}
