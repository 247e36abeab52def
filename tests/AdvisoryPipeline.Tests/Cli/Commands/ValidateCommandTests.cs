using System.Text.Json;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cli.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly CliRunner _cli;

    public ValidateCommandTests()
    {
        _temp.CopyFromRepository("advisories");
        _cli = new CliRunner(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_example_database_is_valid()
    {
        var result = _cli.Run("validate");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Matches(@"^\d+ advisories checked, 0 errors, 0 warnings$", result.OutLines[^1]);
        Assert.Equal(Directory.GetFiles(_temp.Combine("advisories"), "TSSA-*.yaml").Length,
            int.Parse(result.OutLines[^1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_unquoted_version_is_reported_at_its_line_with_the_quoted_fix()
    {
        var path = _temp.Combine("advisories", "TSSA-2025-1.yaml");
        var lines = File.ReadAllLines(path);
        var at = Array.FindIndex(lines, l => l.Contains("fixed: \"1.7.3\"", StringComparison.Ordinal));
        lines[at] = lines[at].Replace("\"1.7.3\"", "1.10", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);

        var result = _cli.Run("validate", "advisories/TSSA-2025-1.yaml");

        Assert.Equal(1, result.ExitCode);
        var column = lines[at].IndexOf("1.10", StringComparison.Ordinal) + 1;
        Assert.Contains($"advisories/TSSA-2025-1.yaml:{at + 1}:{column}: error[YAML101]: 1.10 is read by YAML as the number 1.1, but OSV expects a string here", result.OutLines);
        Assert.Contains("    hint: write \"1.10\"", result.OutLines);
        Assert.Equal("1 advisory checked, 1 error, 0 warnings", result.OutLines[^1]);
    }

    [Fact]
    public void Json_output_has_one_object_per_finding_and_a_summary()
    {
        _temp.Write("advisories/TSSA-2026-9.yaml", "id: TSSA-2026-9\nmodified: \"2026-01-01T00:00:00Z\"\naffected:\n  - package: {ecosystem: PyPI, name: x}\n    versions: [1.0]\n");

        var result = _cli.Run("validate", "advisories/TSSA-2026-9.yaml", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("code").GetString() == "YAML101");
        Assert.Equal("advisories/TSSA-2026-9.yaml", finding.GetProperty("file").GetString());
        Assert.Equal(5, finding.GetProperty("line").GetInt32());
        Assert.Equal("/affected/0/versions/0", finding.GetProperty("pointer").GetString());
        Assert.Equal("error", finding.GetProperty("level").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("advisories").GetInt32());
    }

    [Fact]
    public void GitHub_output_is_workflow_commands_with_escaped_values()
    {
        _temp.Write("advisories/TSSA-2026-9.yaml", SampleAdvisories.CleanYaml("TSSA-2026-9", extra: "bogus_field: 1\n"));

        var result = _cli.Run("validate", "advisories/TSSA-2026-9.yaml", "--format", "github");

        Assert.Equal(1, result.ExitCode);
        var annotation = Assert.Single(result.OutLines, l => l.StartsWith("::error ", StringComparison.Ordinal));
        Assert.StartsWith("::error file=advisories/TSSA-2026-9.yaml,line=19,col=1,title=SCH001::property \"bogus_field\" is not allowed", annotation);
        Assert.Contains("%0Ahint: OSV allows only its own top-level fields", annotation);
    }

    [Theory]
    [InlineData("no-such-folder", "no-such-folder: no such file or folder")]
    [InlineData("empty", "no advisory files (*.yaml, *.yml or *.json) and no database.yaml found in empty: advisory init starts a database, advisory new writes an advisory")]
    public void A_wrong_path_never_passes_silently(string path, string message)
    {
        Directory.CreateDirectory(_temp.Combine("empty"));

        var result = _cli.Run("validate", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("advisory: " + message, result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void A_broken_configuration_is_a_located_usage_error()
    {
        _temp.Write("advisories/database.yaml", "name: Broken\nid_prefix: TSSA\nsite_url: not a url\nunknown_key: 1\n");

        var result = _cli.Run("validate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("database.yaml:4:1: error[CFG001]", result.Error);
        Assert.Contains("database.yaml:3:11: error[CFG002]", result.Error);
    }

    [Fact]
    public void Another_schema_file_can_replace_the_embedded_one()
    {
        File.Copy(SharedData.PathOf("osv-schema", "schema.json"), _temp.Combine("official.json"));

        var result = _cli.Run("validate", "--schema", "official.json");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("0 errors, 0 warnings", result.OutLines[^1]);
    }

    [Fact]
    public void An_unusable_schema_file_is_a_usage_error()
    {
        _temp.Write("broken.json", "{\"type\": 12}");

        var result = _cli.Run("validate", "--schema", "broken.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("advisory: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Unknown_options_are_usage_errors()
    {
        var result = _cli.Run("validate", "--no-such-option");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-such-option", result.Error);
    }

    [Fact]
    public void Output_is_the_same_on_every_run_and_with_or_without_the_cache()
    {
        _temp.Write("advisories/TSSA-2026-9.yaml", "id: TSSA-2026-9\nmodified: 2026-01-01T00:00:00Z\nsummary: yes\nbogus_field: 1\n");

        var first = _cli.Run("validate");
        var cached = _cli.Run("validate");
        var uncached = _cli.Run("validate", "--no-cache");

        Assert.Equal(1, first.ExitCode);
        Assert.Contains(first.OutLines, l => l.Contains("warning[YAML111]", StringComparison.Ordinal));
        Assert.Equal(first, cached);
        Assert.Equal(first, uncached);
        Assert.NotEmpty(Directory.GetFiles(_temp.Combine(".cache", "advisory-pipeline"), "validate-*.bin"));
    }

    [Fact]
    public void The_cache_never_hides_a_change_to_a_file()
    {
        var path = _temp.Write("advisories/TSSA-2026-9.yaml", SampleAdvisories.CleanYaml("TSSA-2026-9"));
        Assert.Equal(0, _cli.Run("validate", "advisories/TSSA-2026-9.yaml").ExitCode);

        File.AppendAllText(path, "bogus_field: 1\n");
        var after = _cli.Run("validate", "advisories/TSSA-2026-9.yaml");

        Assert.Equal(1, after.ExitCode);
        Assert.Contains(after.OutLines, l => l.Contains("bogus_field", StringComparison.Ordinal));

        // The changed file's entry was stored under its new content: the next run finds every file in the cache
        // and so leaves the cache file as it is.
        var cacheFile = Assert.Single(Directory.GetFiles(_temp.Combine(".cache", "advisory-pipeline"), "validate-*.bin"));
        var written = File.GetLastWriteTimeUtc(cacheFile);
        Assert.Equal(after, _cli.Run("validate", "advisories/TSSA-2026-9.yaml"));
        Assert.Equal(written, File.GetLastWriteTimeUtc(cacheFile));
    }

    [Fact]
    public void A_damaged_cache_file_is_ignored()
    {
        Assert.Equal(0, _cli.Run("validate").ExitCode);
        foreach (var file in Directory.GetFiles(_temp.Combine(".cache", "advisory-pipeline")))
            File.WriteAllBytes(file, [1, 2, 3]);

        var result = _cli.Run("validate");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Explain_prints_a_rule_page_and_refuses_unknown_codes()
    {
        var known = _cli.Run("validate", "--explain", "osv101");
        var unknown = _cli.Run("validate", "--explain", "OSV999");

        Assert.Equal(0, known.ExitCode);
        Assert.StartsWith("# OSV101: ", known.Out);
        Assert.Contains("## Why it matters", known.Out);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no lint rule OSV999", unknown.Error);
    }

    [Fact]
    public void An_embargoed_advisory_is_validated_and_reported_as_held()
    {
        _temp.Write("advisories/TSSA-2026-9.yaml", SampleAdvisories.CleanYaml("TSSA-2026-9", extra: "pipeline:\n  embargo_until: \"2026-12-01T09:00:00Z\"\n  notes: coordinated with the distributions\n"));

        var result = _cli.Run("validate", "advisories/TSSA-2026-9.yaml");

        Assert.Equal(0, result.ExitCode);
        // Notes come with the summary, after the findings, which are printed while the run goes on.
        Assert.Equal("TSSA-2026-9 held until 2026-12-01T09:00:00Z", result.OutLines[^2]);
        Assert.Equal("1 advisory checked, 0 errors, 0 warnings, 1 held", result.OutLines[^1]);
    }

    [Fact]
    public void Placeholder_ids_are_to_be_assigned_in_pull_requests_and_refused_on_main()
    {
        _temp.Write("advisories/TSSA-0000-empty-frame.yaml", SampleAdvisories.CleanYaml("TSSA-0000-empty-frame"));

        var pullRequest = _cli.Run("validate", "advisories/TSSA-0000-empty-frame.yaml");
        var main = _cli.Run("validate", "advisories/TSSA-0000-empty-frame.yaml", "--no-placeholders");

        Assert.Equal(0, pullRequest.ExitCode);
        Assert.Contains(pullRequest.OutLines, l => l.Contains("info[OSV104]", StringComparison.Ordinal));
        Assert.Equal(1, main.ExitCode);
        Assert.Contains(main.OutLines, l => l.Contains("error[OSV104]", StringComparison.Ordinal));
    }

    [Fact]
    public void An_alias_claimed_twice_is_reported_also_when_both_files_come_from_the_cache()
    {
        _temp.Write("advisories/TSSA-2026-8.yaml", SampleAdvisories.CleanYaml("TSSA-2026-8", extra: "aliases:\n  - CVE-2026-31337\n"));
        _temp.Write("advisories/TSSA-2026-9.yaml", SampleAdvisories.CleanYaml("TSSA-2026-9", extra: "aliases:\n  - CVE-2026-31337\n"));

        var first = _cli.Run("validate");
        var cached = _cli.Run("validate");

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(2, first.OutLines.Count(l => l.Contains("error[OSV306]", StringComparison.Ordinal)));
        Assert.Equal(first, cached);
    }

    [Fact]
    public void With_a_base_reference_a_deleted_advisory_is_refused()
    {
        Git("init", "-q", "-b", "main");
        Git("add", "-A");
        Git("commit", "-q", "-m", "advisories");
        File.Delete(_temp.Combine("advisories", "TSSA-2025-2.yaml"));

        var result = _cli.Run("validate", "--base", "main");
        var withoutBase = _cli.Run("validate");

        Assert.Equal(1, result.ExitCode);
        var deletion = Assert.Single(result.OutLines, l => l.Contains("error[OSV901]", StringComparison.Ordinal));
        Assert.Contains("TSSA-2025-2", deletion);
        Assert.Equal(0, withoutBase.ExitCode);
    }

    [Fact]
    public void An_unknown_base_reference_is_a_usage_error()
    {
        Git("init", "-q", "-b", "main");

        var result = _cli.Run("validate", "--base", "no-such-branch");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--base no-such-branch", result.Error);
    }

    private void Git(params string[] args) => GitProcess.Succeed(_temp.Path, args, environment: GitProcess.TestIdentity);
}
