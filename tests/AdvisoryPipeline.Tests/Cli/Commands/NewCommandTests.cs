using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdvisoryPipeline.JsonSchema;
using AdvisoryPipeline.JsonSchema.Evaluation;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cli.Commands;

/// <summary><c>advisory new</c> end to end in a git repository holding the sample database.</summary>
public sealed class NewCommandTests : IDisposable
{
    private readonly TemporaryGitRepository _repository = TemporaryGitRepository.WithExampleDatabase();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Writes_a_placeholder_advisory_that_fix_leaves_alone()
    {
        var run = new CliRunner(_repository.Root).Run("new", "--package", "npm/@tessera/client", "--fixed", "3.9.2",
            "--alias", "CVE-2026-50001", "--summary", "Prototype pollution in the client's merge()");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("created advisories/TSSA-0000-prototype-pollution-in-the-clients-merge.yaml (TSSA-0000-prototype-pollution-in-the-clients-merge)", run.OutLines[0]);
        Assert.StartsWith("fill in details, then run 'advisory validate'", run.OutLines[1], StringComparison.Ordinal);
        Assert.Equal(["?? advisories/TSSA-0000-prototype-pollution-in-the-clients-merge.yaml"], _repository.Status());
        Assert.Equal("""
            # yaml-language-server: $schema=../schemas/advisory.schema.json
            schema_version: "1.7.0"
            id: TSSA-0000-prototype-pollution-in-the-clients-merge
            modified: "2026-11-22T12:00:00Z"
            aliases:
              - CVE-2026-50001
            summary: Prototype pollution in the client's merge()
            details: ""
            affected:
              - package:
                  ecosystem: npm
                  name: "@tessera/client"
                  purl: pkg:npm/%40tessera/client
                ranges:
                  - type: SEMVER
                    events:
                      - introduced: "0"
                      - fixed: "3.9.2"
            references:
              - type: ADVISORY
                url: https://security.tessera-project.org/TSSA-0000-prototype-pollution-in-the-clients-merge/

            """, _repository.Read("advisories/TSSA-0000-prototype-pollution-in-the-clients-merge.yaml"));

        var check = new CliRunner(_repository.Root).Run("fix", "--check", "advisories/TSSA-0000-prototype-pollution-in-the-clients-merge.yaml");
        Assert.Equal((0, "nothing to fix in 1 file\n"), (check.ExitCode, check.Out));
    }

    [Fact]
    public void What_is_left_to_write_is_what_the_authoring_schema_flags()
    {
        Assert.Equal(0, new CliRunner(_repository.Root).Run("new", "--package", "PyPI/Tessera_Py", "--introduced", "1.4.0", "--fixed", "1.5.1").ExitCode);

        var file = Assert.Single(Directory.GetFiles(_repository.PathOf("advisories"), "TSSA-0000-*.yaml"));
        Assert.Equal("TSSA-0000-tessera-py.yaml", Path.GetFileName(file));
        var text = File.ReadAllText(file);
        var modeline = text[..text.IndexOf('\n')];
        var schemaPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, modeline["# yaml-language-server: $schema=".Length..]));
        Assert.Equal(_repository.PathOf(Path.Combine("schemas", "advisory.schema.json")), schemaPath);

        using var schemaDocument = JsonDocument.Parse(File.ReadAllText(schemaPath));
        var record = AdvisoryYamlLoader.Load(file, Encoding.UTF8.GetBytes(text)).Record!.Value;
        var errors = CompiledSchema.Compile(schemaDocument.RootElement).Validate(record).Errors;
        Assert.Equal([("/details", "minLength"), ("/summary", "minLength")], errors.Select(e => (e.InstanceLocation, e.Keyword)).Order());
        Assert.Contains("      name: tessera-py\n      purl: pkg:pypi/tessera-py\n", text);
        Assert.Contains("      - type: ECOSYSTEM\n        events:\n          - introduced: \"1.4.0\"\n          - fixed: \"1.5.1\"\n", text);
        Assert.DoesNotContain("TODO", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Placeholders_are_unique_in_the_folder()
    {
        Assert.Equal(0, new CliRunner(_repository.Root).Run("new", "--package", "crates.io/tessera", "--summary", "Panic on empty input").ExitCode);
        var second = new CliRunner(_repository.Root).Run("new", "--package", "crates.io/tessera", "--summary", "Panic on empty input");

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(["?? advisories/TSSA-0000-panic-on-empty-input-2.yaml", "?? advisories/TSSA-0000-panic-on-empty-input.yaml"], _repository.Status());
    }

    [Fact]
    public void A_git_repository_gets_a_GIT_range_on_its_url()
    {
        const string commit = "ccb2cc34a2ebb3c7e652aed1f3d4d89879090383";
        Assert.Equal(0, new CliRunner(_repository.Root).Run("new", "--package", "GIT/https://github.com/tessera-project/tessera", "--fixed", commit,
            "--summary", "Overflow in the C core").ExitCode);

        var text = _repository.Read("advisories/TSSA-0000-overflow-in-the-c-core.yaml");
        Assert.Contains($"      - type: GIT\n        repo: https://github.com/tessera-project/tessera\n        events:\n          - introduced: \"0\"\n          - fixed: \"{commit}\"\n", text);
        Assert.DoesNotContain("purl", text);
    }

    [Theory]
    [InlineData("advisory: --package pypi/x: \"pypi\" is not an OSV ecosystem; names are case-sensitive: did you mean \"PyPI\"?", "--package", "pypi/x")]
    [InlineData("advisory: --package Maven/com.example:lib: Maven is not one of this database's ecosystems (PyPI, npm, crates.io, Go, GIT)", "--package", "Maven/com.example:lib")]
    [InlineData("advisory: --fixed: \"1.x\" is not a valid PEP 440 version: ", "--package", "PyPI/x", "--fixed", "1.x")]
    [InlineData("advisory: --fixed: \"v1.2.3\" is not a valid SemVer 2.0 version: ", "--package", "Go/github.com/x/y", "--fixed", "v1.2.3")]
    [InlineData("advisory: --fixed: \"abc123\" is not a full git commit hash", "--package", "GIT/https://github.com/x/y", "--fixed", "abc123")]
    [InlineData("advisory: --summary: one line of text", "--package", "PyPI/x", "--summary", "two\nlines")]
    [InlineData("advisory: nowhere: no such folder", "--package", "PyPI/x", "--dir", "nowhere")]
    public void Bad_arguments_are_usage_errors_and_write_nothing(string message, params string[] arguments)
    {
        var run = new CliRunner(_repository.Root).Run(["new", .. arguments]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(message, run.Error);
        Assert.Empty(_repository.Status());
    }

    [Fact]
    public void The_package_is_required()
    {
        var run = new CliRunner(_repository.Root).Run("new");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--package", run.Error);
    }
}
