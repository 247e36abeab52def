using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cli.Commands;

/// <summary>
/// Messages that lead somewhere: a misspelt key, value, command or option is reported once, at its place, with the
/// word it most likely stands for ("did you mean summary?"), or with what the place allows when nothing is close.
/// </summary>
public sealed class DidYouMeanTests : IDisposable
{
    private const string File = "advisories/TSSA-2026-9.yaml";

    private readonly TempFolder _temp = new();
    private readonly CliRunner _cli;

    public DidYouMeanTests()
    {
        _temp.CopyFromRepository("advisories");
        _cli = new CliRunner(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_misspelt_top_level_key_is_one_error_that_names_the_key_meant()
    {
        var result = Validate(Clean().Replace("summary:", "sumary:", StringComparison.Ordinal));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
        [
            $"{File}:4:1: error[SCH001]: property \"sumary\" is not allowed",
            "    hint: did you mean summary? (the keys here are: schema_version, id, modified, published, withdrawn, aliases, upstream, related, summary, details, severity, affected, references, credits, database_specific, pipeline)",
            // Not also OSV801 "the record has no summary": that is the same mistake.
            "1 advisory checked, 1 error, 0 warnings",
        ], WithoutNotes(result));
    }

    [Fact]
    public void A_misspelt_key_inside_a_package_is_reported_at_the_misspelling()
    {
        var result = Validate(Clean().Replace("ecosystem: PyPI", "ecosytem: PyPI", StringComparison.Ordinal));

        Assert.Equal(
        [
            $"{File}:8:7: error[SCH001]: missing required property \"ecosystem\" (package)",
            "    hint: did you mean ecosystem instead of ecosytem? (the keys here are: ecosystem, name, purl)",
            "1 advisory checked, 1 error, 0 warnings",
        ], WithoutNotes(result));
    }

    [Fact]
    public void A_misspelt_event_kind_names_the_kind_meant()
    {
        var result = Validate(Clean().Replace("- fixed:", "- fixd:", StringComparison.Ordinal));

        Assert.Equal(
        [
            $"{File}:15:13: error[SCH001]: an object does not match any of the 4 alternatives in oneOf (range event)",
            "    hint: did you mean fixed instead of fixd? (the keys here are: introduced, fixed, last_affected, limit)",
            "1 advisory checked, 1 error, 0 warnings",
        ], WithoutNotes(result));
    }

    [Fact]
    public void A_required_key_misspelt_inside_a_reference_is_not_also_an_empty_url()
    {
        var result = Validate(Clean().Replace("    url:", "    ulr:", StringComparison.Ordinal));

        Assert.Equal(
        [
            $"{File}:18:5: error[SCH001]: missing required property \"url\" (reference)",
            "    hint: did you mean url instead of ulr? (the keys here are: type, url)",
            "1 advisory checked, 1 error, 0 warnings",
        ], WithoutNotes(result));
    }

    [Fact]
    public void A_value_in_the_wrong_case_names_the_allowed_value_and_lists_them_all()
    {
        var result = Validate(Clean().Replace("type: ADVISORY", "type: advisory", StringComparison.Ordinal));

        Assert.Equal(
        [
            $"{File}:17:11: error[SCH001]: \"advisory\" is not one of ADVISORY, ARTICLE, DETECTION, DISCUSSION, REPORT, FIX, INTRODUCED, GIT, PACKAGE, EVIDENCE, WEB (kind of reference)",
            "    hint: did you mean ADVISORY? (the values are written exactly so, case included)",
            // Not also OSV705 "no reference is of type ADVISORY, FIX or WEB": the schema's finding is about that reference.
            "1 advisory checked, 1 error, 0 warnings",
        ], WithoutNotes(result));
    }

    [Fact]
    public void A_value_equally_close_to_several_allowed_ones_gets_no_guess()
    {
        var yaml = Clean().Replace("references:", "severity:\n  - type: CVSS_V5\n    score: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\nreferences:", StringComparison.Ordinal);

        var result = Validate(yaml);

        Assert.Contains("    hint: use one of the allowed values exactly as written, case included", result.OutLines);
    }

    [Fact]
    public void An_unknown_ecosystem_names_the_registered_one_meant()
    {
        var result = Validate(Clean().Replace("ecosystem: PyPI", "ecosystem: crates", StringComparison.Ordinal));

        Assert.Contains($"{File}:8:18: error[OSV402]: \"crates\" is not an ecosystem defined by the OSV schema: did you mean \"crates.io\"?", result.OutLines);
    }

    [Fact]
    public void A_misspelt_key_of_the_pipeline_block_names_the_key_meant()
    {
        var result = Validate(Clean() + "pipeline:\n  embargo_untill: \"2030-01-01T00:00:00Z\"\n");

        Assert.Equal(
        [
            $"{File}:20:3: error[AUTH001]: embargo_untill is not a key of the pipeline block",
            "    hint: did you mean embargo_until? (the block has embargo_until, notes, request_cve, cwe_ids and ghsa_import)",
            "1 advisory checked, 1 error, 0 warnings",
        ], WithoutNotes(result));
    }

    [Fact]
    public void A_misspelt_pipeline_block_key_is_recognised_at_the_top_level()
    {
        var result = Validate(Clean() + "pipline:\n  notes: ask upstream\n");

        Assert.Contains("    hint: did you mean pipeline? (the keys here are: schema_version, id, modified, published, withdrawn, aliases, upstream, related, summary, details, severity, affected, references, credits, database_specific, pipeline)", result.OutLines);
    }

    [Fact]
    public void An_unknown_key_with_nothing_close_lists_the_keys_allowed()
    {
        var result = Validate(Clean() + "bogus_field: 1\n");

        Assert.Equal(
        [
            $"{File}:19:1: error[SCH001]: property \"bogus_field\" is not allowed",
            "    hint: OSV allows only its own top-level fields (schema_version, id, modified, published, withdrawn, aliases, upstream, related, summary, details, severity, affected, references, credits, database_specific, pipeline): remove it, or move it under database_specific",
            "1 advisory checked, 1 error, 0 warnings",
        ], WithoutNotes(result));
    }

    [Fact]
    public void The_suggestions_come_from_the_schema_validated_against()
    {
        // The official schema orders its keys differently and knows no authoring block of ours: the list is its own.
        var schema = SharedData.PathOf("osv-schema", "schema.json");
        var result = Validate(Clean().Replace("summary:", "sumary:", StringComparison.Ordinal), "--schema", schema);

        Assert.Contains("    hint: did you mean summary? (the keys here are: schema_version, id, modified, published, withdrawn, aliases, related, upstream, summary, details, severity, affected, references, credits, database_specific, pipeline)", result.OutLines);
    }

    [Fact]
    public void A_misspelt_key_of_database_yaml_names_the_key_meant()
    {
        var config = _temp.Combine("advisories", "database.yaml");
        System.IO.File.WriteAllText(config, System.IO.File.ReadAllText(config).Replace("\nsite_url:", "\nsite_ulr:", StringComparison.Ordinal));

        var result = _cli.Run("validate");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n');
        var at = Array.FindIndex(lines, line => line.EndsWith("error[CFG001]: unknown key site_ulr in database.yaml", StringComparison.Ordinal));
        Assert.True(at >= 0, result.Error);
        Assert.Equal("    hint: did you mean site_url? (the keys known here are: name, id_prefix, home_url, site_url, mailing_list, ecosystems, lint, publish, policy, prenotify, chat, cna)", lines[at + 1]);
    }

    [Fact]
    public void A_misspelt_required_key_of_database_yaml_is_one_error()
    {
        _temp.Write("other/database.yaml", "nme: Other Advisories\nid_prefix: TSSA\nlint:\n  OSV106: warn\n");
        _temp.Write("other/TSSA-2026-9.yaml", Clean());

        var result = _cli.Run("validate", "other");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
        [
            $"{_temp.Combine("other", "database.yaml")}:1:1: error[CFG001]: unknown key nme in database.yaml",
            "    hint: did you mean name? (the keys known here are: name, id_prefix, home_url, site_url, mailing_list, ecosystems, lint, publish, policy, prenotify, chat, cna)",
            // Not also "database.yaml has no name, which is required".
            $"{_temp.Combine("other", "database.yaml")}:4:11: error[CFG002]: lint.OSV106: \"warn\" is not a valid value",
            "    hint: did you mean warning? (write one of: off, info, warning, error)",
            $"advisory: {_temp.Combine("other", "database.yaml")} is not a valid database configuration",
        ], result.Error.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData(new[] { "valdate" }, "unknown command valdate: did you mean validate?")]
    [InlineData(new[] { "Validate" }, "unknown command Validate: did you mean validate?")]
    [InlineData(new[] { "import", "cvee", "CVE-2026-1" }, "unknown command import cvee: did you mean import cve?")]
    [InlineData(new[] { "cve", "reserv" }, "unknown command cve reserv: did you mean cve reserve?")]
    [InlineData(new[] { "frobnicate" }, "unknown command frobnicate (the commands are: run, init, validate, fix, new, assign-ids, withdraw, render, announce, policy, prenotify, publish, cve, import)")]
    [InlineData(new[] { "validate", "--formt", "json" }, "unknown option --formt: did you mean --format?")]
    [InlineData(new[] { "publish", "--dry-runn" }, "unknown option --dry-runn: did you mean --dry-run?")]
    [InlineData(new[] { "--verison" }, "unknown option --verison: did you mean --version?")]
    [InlineData(new[] { "validate", "-x" }, "unknown option -x (the options of validate are: --format, --explain, --no-placeholders, --base, --config, --schema, --no-cache, --cache-dir, --help)")]
    [InlineData(new[] { "validate", "--format", "jsn" }, "--format jsn is not one of github, json, text: did you mean json?")]
    [InlineData(new[] { "policy", "--to", "gihub" }, "--to gihub is not one of .github, root: did you mean .github?")]
    public void A_misspelt_command_or_option_is_a_usage_error_that_names_the_one_meant(string[] args, string expected)
    {
        var result = _cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal($"advisory: {expected}\nRun 'advisory --help' for usage.\n", result.Error);
    }

    private CliResult Validate(string yaml, params string[] options)
    {
        _temp.Write(File, yaml);
        return _cli.Run(["validate", File, "--no-cache", .. options]);
    }

    /// <summary>The lines of the output without info findings (OSV106: TSSA is not a registered prefix), which every advisory here gets.</summary>
    private static string[] WithoutNotes(CliResult result)
    {
        var lines = new List<string>();
        var skipHint = false;
        foreach (var line in result.OutLines)
        {
            if (skipHint && line.StartsWith("    hint:", StringComparison.Ordinal)) continue;
            skipHint = line.Contains(": info[", StringComparison.Ordinal);
            if (!skipHint) lines.Add(line);
        }
        return [.. lines];
    }

    private static string Clean() => SampleAdvisories.CleanYaml("TSSA-2026-9");
}
