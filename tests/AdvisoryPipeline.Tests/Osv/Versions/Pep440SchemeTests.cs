using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Tests.Osv.Versions;

public sealed class Pep440SchemeTests : VersionSchemeContract
{
    private protected override IVersionScheme Scheme => VersionSchemes.Pep440;

    private protected override IReadOnlyList<(string Left, char Relation, string Right)> Pairs { get; } =
    [
        // Django's 4.2 cycle and the releases around it.
        ("4.2a1", '<', "4.2b1"),
        ("4.2b1", '<', "4.2rc1"),
        ("4.2rc1", '<', "4.2"),
        ("4.2", '<', "4.2.1"),
        ("3.2.25", '<', "4.0a1"),
        ("1.11.29", '<', "2.0"),
        ("4.2.10", '>', "4.2.9"),
        // numpy, setuptools, invenio-previewer (from the pypa corpus).
        ("1.26.0b1", '<', "1.26.0rc1"),
        ("68.0.0", '>', "67.8.0"),
        ("1.0.0a12", '>', "1.0.0a11"),
        // The pre/post/dev order of the brief and of PEP 440's summary.
        ("1.0.dev0", '<', "1.0a1"),
        ("1.0a1", '<', "1.0b2.dev3"),
        ("1.0b2.dev3", '<', "1.0b2"),
        ("1.0rc1", '<', "1.0"),
        ("1.0", '<', "1.0.post1"),
        ("1.0.post1.dev0", '<', "1.0.post1"),
        ("1.0.post1.dev0", '>', "1.0"),
        ("1.0.dev1", '<', "1.0a1.dev1"),
        ("1.0a1.post1", '<', "1.0a2"),
        // Epochs outrank everything else (pytz-style calendar resets).
        ("1!1.0", '>', "2024.1"),
        ("1!2.0", '<', "2!0.1"),
        ("0!1.0", '=', "1.0"),
        // Local versions: absent first, numbers above letters, longer wins a tie (PyTorch wheels).
        ("2.0.1", '<', "2.0.1+cpu"),
        ("2.0.1+cpu", '<', "2.0.1+cu117"),
        ("1.0+ubuntu1", '<', "1.0+ubuntu2"),
        ("1.0+abc", '<', "1.0+1"),
        ("1.0+abc.5", '>', "1.0+abc"),
        ("1.0+abc.05", '=', "1.0+abc.5"),
        ("1.0+Ubuntu-1", '=', "1.0+ubuntu.1"),
        // Alternative spellings normalise to the same version.
        ("1.0", '=', "1.0.0"),
        ("1.0alpha1", '=', "1.0a1"),
        ("1.0-RC1", '=', "1.0rc1"),
        ("1.0c1", '=', "1.0rc1"),
        ("1.0.preview.2", '=', "1.0rc2"),
        ("v1.0", '=', "1.0"),
        ("1.01", '=', "1.1"),
        ("1.0-1", '=', "1.0.post1"),
        ("1.0-r4", '=', "1.0.post4"),
        ("1.0.dev", '=', "1.0.dev0"),
        ("1.0a", '=', "1.0a0"),
        (" 1.0 ", '=', "1.0"),
        // Numbers far beyond 64 bits.
        ("1.99999999999999999999999", '>', "1.99999999999999999999998"),
    ];

    /// <summary>The ordered example list of PEP 440 itself, then an epoch.</summary>
    private protected override IReadOnlyList<string> Ascending { get; } =
    [
        "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
        "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7",
        "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1", "1!0.1",
    ];

    [Theory]
    [InlineData("1.0-RC1", "1.0rc1")]
    [InlineData("1.0alpha1", "1.0a1")]
    [InlineData("1.0.BETA.2", "1.0b2")]
    [InlineData("v1.0", "1.0")]
    [InlineData("01.002.0003", "1.2.3")]
    [InlineData("1.0.0", "1.0.0")]
    [InlineData("0!1.0", "1.0")]
    [InlineData("1!1.0-post-2", "1!1.0.post2")]
    [InlineData("1.0-1", "1.0.post1")]
    [InlineData("1.0_rev_3", "1.0.post3")]
    [InlineData("1.0a.post1", "1.0a0.post1")]
    [InlineData("1.0-dev", "1.0.dev0")]
    [InlineData("1.0+Ubuntu_1-A", "1.0+ubuntu.1.a")]
    [InlineData(" 2.31.0\n", "2.31.0")]
    public void Alternative_spellings_normalise_as_PEP_440_says(string text, string normalized) => AssertNormalized(text, normalized);

    [Theory]
    [InlineData("", "\"\" is not a valid PEP 440 version: the version is empty")]
    [InlineData("french toast", "\"french toast\" is not a valid PEP 440 version: expected a release number such as 1.0 but found \"f\" at position 1")]
    [InlineData("1.0-SNAPSHOT", "\"1.0-SNAPSHOT\" is not a valid PEP 440 version: unexpected \"-SNAPSHOT\" at position 4")]
    [InlineData("2.0.0.FINAL", "\"2.0.0.FINAL\" is not a valid PEP 440 version: unexpected \".FINAL\" at position 6")]
    [InlineData("1.0.", "\"1.0.\" is not a valid PEP 440 version: unexpected \".\" at position 4")]
    [InlineData("1!", "\"1!\" is not a valid PEP 440 version: expected a release number such as 1.0 after the epoch")]
    [InlineData("1.0+", "\"1.0+\" is not a valid PEP 440 version: empty segment in the local version label")]
    [InlineData("1.0+abc..1", "\"1.0+abc..1\" is not a valid PEP 440 version: invalid character \".\" in the local version label at position 9")]
    [InlineData("1.0a1b2", "\"1.0a1b2\" is not a valid PEP 440 version: unexpected \"b2\" at position 6")]
    [InlineData("1.0\n2.0", "\"1.0\\n2.0\" is not a valid PEP 440 version: unexpected \"\\n2.0\" at position 4")]
    public void Legacy_and_malformed_versions_are_rejected_with_the_reason(string text, string error) => AssertRejected(text, error);
}
