using System.Text;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cli.Commands;

/// <summary><c>advisory fix</c> end to end, on a git repository holding the sample database and one untidy advisory.</summary>
public sealed class FixCommandTests : IDisposable
{
    private const string Untidy = """
        # yaml-language-server: $schema=../schemas/advisory.schema.json
        # A hand-written advisory: comments, flow style, a block scalar and an anchor.
        schema_version: "1.7.0"
        id: TSSA-2026-9
        published: 2026-10-01T12:00:00Z   # quoted by fix
        modified: "2026-10-02T08:00:00Z"
        summary: &title Denial of service in the schema parser
        details: |
          A crafted schema makes the parser loop.

          Upgrade to 2.10.
        affected:
          - package: {ecosystem: PyPI, name: Tessera_Py, purl: pkg:pypi/Tessera_Py}
            ranges:
              - type: ECOSYSTEM
                events:
                  - fixed: 2.10      # the fixed release
                  - introduced: "2.4"
            versions: ["2.4", 2.5, '2.9']
        references:
          - type: ADVISORY
            url: HTTPS://Security.Tessera-Project.org:443/TSSA-2026-9/
        database_specific:
          title: *title
        """ + "\n";

    private readonly TemporaryGitRepository _repository = TemporaryGitRepository.WithExampleDatabase();

    public FixCommandTests()
    {
        _repository.Write("advisories/TSSA-2026-9.yaml", Untidy);
        _repository.CommitAll("untidy advisory");
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Check_lists_the_changes_writes_nothing_and_exits_1()
    {
        var run = new CliRunner(_repository.Root).Run("fix", "--check");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
        [
            "advisories/TSSA-2026-9.yaml:5:12: quote: quote it, because 2026-10-01T12:00:00Z is read by YAML 1.1 tools (PyYAML and others) as a timestamp; YAML 1.2 reads the string \"2026-10-01T12:00:00Z\"",
            "advisories/TSSA-2026-9.yaml:13:38: package-name: write the PyPI package name in canonical form: Tessera_Py -> tessera-py",
            "advisories/TSSA-2026-9.yaml:13:56: purl: write the purl in canonical form: pkg:pypi/Tessera_Py -> pkg:pypi/tessera-py",
            "advisories/TSSA-2026-9.yaml:17:20: quote: quote it, because 2.10 is read by YAML as the number 2.1, but OSV expects a string here",
            "advisories/TSSA-2026-9.yaml:19:23: quote: quote it, because 2.5 is read by YAML as the number 2.5, but OSV expects a string here",
            "advisories/TSSA-2026-9.yaml:22:10: url: write the URL in canonical form: HTTPS://Security.Tessera-Project.org:443/TSSA-2026-9/ -> https://security.tessera-project.org/TSSA-2026-9/",
            "advisories/TSSA-2026-9.yaml:16:9: event-order: sort the events of the range by PEP 440 version: 2.4, 2.10",
            "advisories/TSSA-2026-9.yaml:6:1: key-order: put the top-level keys in OSV order (modified goes before published)",
            "8 changes to make in 1 file; run 'advisory fix' to make them",
        ], run.OutLines);
        Assert.Empty(_repository.Status());
    }

    [Fact]
    public void Fix_edits_only_the_changed_stretches_and_a_second_run_changes_nothing()
    {
        var run = new CliRunner(_repository.Root).Run("fix");

        Assert.Equal((0, "8 changes made in 1 file"), (run.ExitCode, run.OutLines[^1]));
        Assert.Equal([" M advisories/TSSA-2026-9.yaml"], _repository.Status());
        Assert.Equal(
        [
            "-published: 2026-10-01T12:00:00Z   # quoted by fix",
            "+published: \"2026-10-01T12:00:00Z\"   # quoted by fix",
            "-  - package: {ecosystem: PyPI, name: Tessera_Py, purl: pkg:pypi/Tessera_Py}",
            "+  - package: {ecosystem: PyPI, name: tessera-py, purl: pkg:pypi/tessera-py}",
            "-          - fixed: 2.10      # the fixed release",
            "-    versions: [\"2.4\", 2.5, '2.9']",
            "+          - fixed: \"2.10\"      # the fixed release",
            "+    versions: [\"2.4\", \"2.5\", '2.9']",
            "-    url: HTTPS://Security.Tessera-Project.org:443/TSSA-2026-9/",
            "+    url: https://security.tessera-project.org/TSSA-2026-9/",
        ], _repository.ChangedLines());

        _repository.CommitAll("fixed");
        var second = new CliRunner(_repository.Root).Run("fix");
        Assert.Equal((0, "nothing to fix in 13 files\n"), (second.ExitCode, second.Out));
        Assert.Empty(_repository.Status());
    }

    [Fact]
    public void Fix_keeps_the_byte_order_mark_and_windows_line_endings_and_leaves_no_temporary_file()
    {
        var path = _repository.PathOf("advisories/TSSA-2026-9.yaml");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Untidy.ReplaceLineEndings("\r\n"))]);

        Assert.Equal(0, new CliRunner(_repository.Root).Run("fix", "advisories/TSSA-2026-9.yaml").ExitCode);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(text.Split('\n').Length - 1, text.Split("\r\n").Length - 1);
        Assert.Contains("modified: \"2026-10-02T08:00:00Z\"\r\npublished: \"2026-10-01T12:00:00Z\"   # quoted by fix\r\n", text);
        Assert.Equal(["TSSA-2026-9.yaml"], Directory.GetFiles(Path.GetDirectoryName(path)!, "*TSSA-2026-9*").Select(Path.GetFileName));
    }

    [Fact]
    public void Files_with_load_errors_are_reported_and_skipped_with_exit_1()
    {
        _repository.Write("advisories/TSSA-2026-9.yaml", Untidy + "id: TSSA-2026-10\n");

        var run = new CliRunner(_repository.Root).Run("fix");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.OutLines, l => l.StartsWith("advisories/TSSA-2026-9.yaml:25:1: error[YAML002]: duplicate key id: it is already defined on line 4", StringComparison.Ordinal));
        Assert.Contains("advisories/TSSA-2026-9.yaml: error[FIX001]: the file has errors that no automatic fix repairs, so it was not changed", run.OutLines);
        Assert.Equal("nothing to fix in 13 files; 1 file skipped because of errors", run.OutLines[^1]);
        Assert.Equal([" M advisories/TSSA-2026-9.yaml"], _repository.Status());
        Assert.Equal(Untidy + "id: TSSA-2026-10\n", _repository.Read("advisories/TSSA-2026-9.yaml"));
    }

    [Fact]
    public void A_missing_path_is_a_usage_error()
    {
        var run = new CliRunner(_repository.Root).Run("fix", "nowhere");

        Assert.Equal((2, "advisory: nowhere: no such file or folder\n"), (run.ExitCode, run.Error));
    }
}
