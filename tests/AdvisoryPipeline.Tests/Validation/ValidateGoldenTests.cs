using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Validation;

/// <summary>
/// Pins what <c>advisory validate</c> prints, byte for byte, in each output format (text, json, github): on the
/// example database (clean), on a broken database that produces many kinds of findings, and for usage and
/// configuration errors. Golden files in Validation/Golden/.
/// </summary>
public sealed class ValidateGoldenTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly CliRunner _cli;

    public ValidateGoldenTests()
    {
        _temp.CopyFromRepository("advisories");
        _cli = new CliRunner(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_example_database_in_every_format()
    {
        VerifyFormats("example", []);
    }

    [Fact]
    public void A_broken_database_in_every_format()
    {
        WriteBrokenDatabase();

        VerifyFormats("broken", ["broken"]);
    }

    [Fact]
    public void Usage_and_configuration_errors_and_a_rule_explanation()
    {
        _temp.Write("invalid-config/database.yaml", """
            name: Invalid Configuration
            id_prefix: tssa
            site_url: not a url
            lint:
              OSV101: loud
              OSV999: off
            unknown_key: 1

            """);
        _temp.Write("invalid-config/TSSA-2026-1.yaml", SampleAdvisories.CleanYaml("TSSA-2026-1"));

        Verify("validate-invalid-config.txt", "validate", "invalid-config");
        Verify("validate-missing-path.txt", "validate", "no-such-folder");

        // A valid configuration whose lint section names codes that are no rules: a warning, and validation goes on.
        _temp.Write("unknown-rules/database.yaml", "name: Unknown Rules\nid_prefix: TSSA\nlint:\n  OSV999: off\n  OSV106: off\n");
        _temp.Write("unknown-rules/TSSA-2026-1.yaml", SampleAdvisories.CleanYaml("TSSA-2026-1"));
        Verify("validate-unknown-lint-rules.txt", "validate", "unknown-rules");
        Verify("validate-explain-OSV101.txt", "validate", "--explain", "OSV101");
    }

    /// <summary>text and github as transcripts (command, exit code, stdout, stderr); json as the document it prints.</summary>
    private void VerifyFormats(string name, string[] paths)
    {
        Verify($"validate-{name}.txt", ["validate", .. paths, "--format", "text"]);
        Verify($"validate-{name}-github.txt", ["validate", .. paths, "--format", "github"]);

        var json = _cli.Run(["validate", .. paths, "--format", "json"]);
        Assert.Equal((name == "broken" ? 1 : 0, ""), (json.ExitCode, json.Error));
        GoldenFile.Verify($"Validation/Golden/validate-{name}.json", json.Out);
    }

    private void Verify(string golden, params string[] args) =>
        GoldenFile.Verify("Validation/Golden/" + golden, GoldenFile.Transcript(_cli.Run(args), args));

    /// <summary>
    /// A database whose files together produce many kinds of findings: YAML typing traps, schema errors, lint errors,
    /// warnings and notes, a lint level raised by database.yaml, an embargoed advisory and a placeholder ID.
    /// </summary>
    private void WriteBrokenDatabase()
    {
        _temp.Write("broken/database.yaml", """
            name: Broken Example Advisories
            id_prefix: TSSA
            site_url: https://security.example.org/
            lint:
              OSV106: off
              OSV804: error

            """);

        // YAML typing traps: a version read as a number (error), a timestamp that YAML 1.1 tools read as one (warning).
        _temp.Write("broken/TSSA-2026-1.yaml", """
            id: TSSA-2026-1
            modified: "2026-03-02T00:00:00Z"
            published: 2026-03-01T00:00:00Z
            summary: Crash when decoding an empty frame
            details: Decoding an empty frame dereferenced a null pointer.
            affected:
              - package:
                  ecosystem: PyPI
                  name: tessera-py
                  purl: pkg:pypi/tessera-py
                ranges:
                  - type: ECOSYSTEM
                    events:
                      - introduced: "0"
                      - fixed: 1.10
            references:
              - type: ADVISORY
                url: https://security.example.org/TSSA-2026-1/

            """);

        // Schema errors: an unknown top-level field and an unknown severity type.
        _temp.Write("broken/TSSA-2026-2.yaml", """
            id: TSSA-2026-2
            modified: "2026-03-02T00:00:00Z"
            published: "2026-03-01T00:00:00Z"
            summary: Out-of-bounds read in the frame decoder
            details: A truncated frame made the decoder read past its buffer.
            severity:
              - type: CVSS_V5
                score: "CVSS:5.0/AV:N"
            affected:
              - package:
                  ecosystem: PyPI
                  name: tessera-py
                  purl: pkg:pypi/tessera-py
                ranges:
                  - type: ECOSYSTEM
                    events:
                      - introduced: "0"
                      - fixed: "1.2.0"
            references:
              - type: ADVISORY
                url: https://security.example.org/TSSA-2026-2/
            bogus_field: 1

            """);

        // Lint: the id is not the file name, a malformed alias, an alias that ABC-2026-1 claims too, a summary with a
        // period (raised to an error by database.yaml), a TODO, events out of order, a listed version outside every
        // range and one that is not a PyPI version, a plain-http reference.
        _temp.Write("broken/TSSA-2026-3.yaml", """
            id: TSSA-2026-33
            modified: "2026-04-02T00:00:00Z"
            published: "2026-04-01T00:00:00Z"
            aliases:
              - CVE-2026-12
              - CVE-2026-31337
            summary: Unbounded memory use in the stream reader.
            details: |
              The stream reader buffered a whole stream before decoding it.

              TODO: say which releases are affected.
            affected:
              - package:
                  ecosystem: PyPI
                  name: tessera-py
                  purl: pkg:pypi/tessera-py
                ranges:
                  - type: ECOSYSTEM
                    events:
                      - introduced: "2.0.0"
                      - fixed: "2.0.4"
                      - introduced: "0"
                      - fixed: "1.7.3"
                versions:
                  - "1.8.0"
                  - "not a version"
            references:
              - type: ADVISORY
                url: https://security.example.org/TSSA-2026-3/
              - type: WEB
                url: http://tessera-project.org/blog/stream-reader

            """);

        // Lint: another database's prefix; claims the alias of TSSA-2026-3.
        _temp.Write("broken/ABC-2026-1.yaml", """
            id: ABC-2026-1
            modified: "2026-04-02T00:00:00Z"
            published: "2026-04-01T00:00:00Z"
            aliases:
              - CVE-2026-31337
            summary: Unbounded memory use in the stream reader
            details: The stream reader buffered a whole stream before decoding it.
            affected:
              - package:
                  ecosystem: PyPI
                  name: tessera-py
                  purl: pkg:pypi/tessera-py
                ranges:
                  - type: ECOSYSTEM
                    events:
                      - introduced: "0"
                      - fixed: "2.0.4"
            references:
              - type: ADVISORY
                url: https://security.example.org/ABC-2026-1/

            """);

        // Embargoed until after the test clock's now (2026-11-22T12:00:00Z): validated, then held.
        _temp.Write("broken/TSSA-2026-4.yaml", """
            id: TSSA-2026-4
            modified: "2026-10-02T00:00:00Z"
            published: "2026-10-01T00:00:00Z"
            summary: Signature check bypass in the archive verifier
            details: A crafted archive passed verification without a valid signature.
            affected:
              - package:
                  ecosystem: PyPI
                  name: tessera-py
                  purl: pkg:pypi/tessera-py
                ranges:
                  - type: ECOSYSTEM
                    events:
                      - introduced: "0"
                      - fixed: "2.1.0"
            references:
              - type: ADVISORY
                url: https://security.example.org/TSSA-2026-4/
            pipeline:
              embargo_until: "2026-12-01T09:00:00Z"
              notes: reporter asked for the embargo

            """);

        // A placeholder id, as in a pull request before assign-ids.
        _temp.Write("broken/TSSA-0000-frame-limits.yaml", """
            id: TSSA-0000-frame-limits
            modified: "2026-11-02T00:00:00Z"
            published: "2026-11-01T00:00:00Z"
            summary: No limit on the frame size
            details: A frame header could announce a frame of any size, which the decoder then allocated.
            affected:
              - package:
                  ecosystem: PyPI
                  name: tessera-py
                  purl: pkg:pypi/tessera-py
                ranges:
                  - type: ECOSYSTEM
                    events:
                      - introduced: "0"
                      - fixed: "2.1.0"
            references:
              - type: ADVISORY
                url: https://security.example.org/TSSA-0000-frame-limits/

            """);
    }
}
