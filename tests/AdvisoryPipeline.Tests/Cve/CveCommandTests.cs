using AdvisoryPipeline.Cve.Services;
using AdvisoryPipeline.FakeCveServices;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cve;

/// <summary>
/// <c>advisory cve</c> and its CVE Services subcommands, run in-process against the fake CVE Services over real
/// HTTP, on a copy of the example database: records, CNA rules, reserve (with the alias written back), idempotent
/// publish, reject, credentials.
/// </summary>
public sealed class CveCommandTests : CveServicesTestBase
{
    [Fact]
    public void The_record_goes_to_standard_output_and_several_to_a_folder()
    {
        var one = Cli.Run("cve", "CVE-2025-21364");
        var several = Cli.Run("cve", "TSSA-2025-1", "TSSA-2024-1", "--out", "records");

        Assert.Equal(0, one.ExitCode);
        Assert.StartsWith("{\n  \"dataType\": \"CVE_RECORD\"", one.Out);
        Assert.Equal(0, several.ExitCode);
        Assert.Equal(one.Out, File.ReadAllText(Folder.Combine("records", "CVE-2025-21364.json")));
        Assert.Equal(2, Directory.GetFiles(Folder.Combine("records")).Length);
    }

    [Fact]
    public void The_official_schema_named_with_cve_schema_checks_the_records_before_anything_is_written()
    {
        var schema = CveSchema.PathOf("CVE_JSON_bundled_5.1.1.json");
        var container = CveSchema.PathOf("CVE_JSON_cnaRejectedContainer_5.1.1.json");

        var valid = Cli.Run("cve", "TSSA-2025-1", "--cve-schema", schema);
        // The rejected-container schema refuses a published record: a stand-in for a schema a record breaks.
        var refused = Cli.Run("cve", "publish", "TSSA-2025-1", "--cve-schema", container);
        var unusable = Cli.Run("cve", "TSSA-2025-1", "--cve-schema", "advisories/database.yaml");

        Assert.Equal(0, valid.ExitCode);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("CVE schema error(s)", refused.Error);
        Assert.DoesNotContain(Server.Requests.All, r => r.IsWrite);
        Assert.Equal(2, unusable.ExitCode);
        Assert.Contains("not a usable CVE record schema", unusable.Error);
    }

    [Fact]
    public void An_advisory_under_embargo_never_gets_a_record()
    {
        var path = Folder.Combine("advisories", "TSSA-2025-1.yaml");
        File.AppendAllText(path, "pipeline:\n  embargo_until: \"2030-01-01T00:00:00Z\"\n");

        var result = Cli.Run("cve", "TSSA-2025-1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("TSSA-2025-1.yaml:", result.Error);
        Assert.Contains("error[CVE006]", result.Error);
        Assert.Contains("no CVE record was written", result.Error);
    }

    [Fact]
    public void Cna_rules_stop_a_record_at_the_advisory_lines()
    {
        var path = Folder.Combine("advisories", "TSSA-2025-1.yaml");
        var text = File.ReadAllText(path).Replace("  - CVE-2025-21364\n", "  - CVE-2025-21364\n  - CVE-2025-99999\n", StringComparison.Ordinal);
        File.WriteAllText(path, text);

        var result = Cli.Run("cve", "TSSA-2025-1");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"TSSA-2025-1\.yaml:\d+:\d+: error\[CVE008\]", result.Error);
    }

    [Fact]
    public void Without_a_cna_block_the_command_says_what_to_add()
    {
        var config = Folder.Combine("advisories", "database.yaml");
        var text = File.ReadAllText(config);
        File.WriteAllText(config, text[..text.IndexOf("cna:", StringComparison.Ordinal)] + text[text.IndexOf("# Lint rule levels", StringComparison.Ordinal)..]);

        var result = Cli.Run("cve", "TSSA-2025-1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has no cna: block", result.Error);
    }

    [Fact]
    public void Reserve_writes_the_new_id_into_a_placeholder_advisory_as_an_alias()
    {
        Assert.Equal(0, Cli.Run("new", "--package", "PyPI/tessera-py", "--fixed", "1.9.1", "--summary", "Schema loader follows symlinks").ExitCode);
        var placeholder = Path.GetFileNameWithoutExtension(Directory.GetFiles(Folder.Combine("advisories"), "TSSA-0000-*.yaml").Single());

        var result = Cli.Run("cve", "reserve", placeholder, "--year", "2026");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["CVE-2026-1001", $"{placeholder}: alias CVE-2026-1001 added (advisories/{placeholder}.yaml)"], result.OutLines);
        Assert.Contains("aliases:\n  - CVE-2026-1001\n", File.ReadAllText(Folder.Combine("advisories", placeholder + ".yaml")));
        Assert.Equal("RESERVED", Server.Id("CVE-2026-1001")!.State);
        Assert.Equal(0, Cli.Run("validate", "--no-cache").ExitCode);
        Assert.Equal(2, Cli.Run("cve", "reserve", placeholder).ExitCode);
    }

    [Fact]
    public void Publish_creates_then_writes_nothing_on_a_second_run_and_updates_only_what_changed()
    {
        var first = Cli.Run("cve", "publish", "TSSA-2025-1", "TSSA-2025-2");
        var mark = Server.Requests.Mark();
        var second = Cli.Run("cve", "publish", "TSSA-2025-1", "TSSA-2025-2");
        var secondWrites = Server.Requests.Since(mark).Count(r => r.IsWrite);
        var path = Folder.Combine("advisories", "TSSA-2025-1.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Stack exhaustion from", "Stack overflow from", StringComparison.Ordinal));
        mark = Server.Requests.Mark();
        var third = Cli.Run("cve", "publish", "TSSA-2025-1", "TSSA-2025-2");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("0 unchanged", first.Out);
        Assert.Contains("2 created", first.Out);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(0, secondWrites);
        Assert.Contains("2 unchanged", second.Out);
        Assert.Equal(["PUT /cve/CVE-2025-21364/cna"], Server.Requests.Since(mark).Where(r => r.IsWrite).Select(r => $"{r.Method} {r.Path}"));
        Assert.Contains("1 updated", third.Out);
        Assert.Contains("Stack overflow from", Server.Id("CVE-2025-21364")!.Record!.ToJsonString());
    }

    [Fact]
    public void Publish_all_skips_ids_of_other_cnas_and_withdrawn_advisories()
    {
        var result = Cli.Run("cve", "publish", "--all");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("skipped    CVE-2024-31877", result.Out);
        Assert.Equal("PUBLISHED", Server.Id("CVE-2024-31877")!.State);
        Assert.DoesNotContain(Server.Requests.All, r => r.IsWrite && r.Path.Contains("CVE-2024-31877", StringComparison.Ordinal));
        var mark = Server.Requests.Mark();
        Assert.Equal(0, Cli.Run("cve", "publish", "--all").ExitCode);
        Assert.Equal(0, Server.Requests.Since(mark).Count(r => r.IsWrite));
    }

    [Fact]
    public void Publishing_an_id_of_another_cna_is_refused()
    {
        var result = Cli.Run("cve", "publish", "CVE-2024-31877");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("belongs to another CNA (GitHub_M)", result.Error);
    }

    [Fact]
    public void Dry_runs_send_nothing()
    {
        Assert.Equal(0, Cli.Run("cve", "publish", "--all", "--dry-run").ExitCode);
        Assert.Equal(0, Cli.Run("cve", "reserve", "--count", "2", "--dry-run").ExitCode);
        Assert.Equal(0, Cli.Run("cve", "reject", "CVE-2025-29017", "--reason", "Duplicate", "--dry-run").ExitCode);

        Assert.DoesNotContain(Server.Requests.All, r => r.IsWrite);
    }

    [Fact]
    public void Reject_a_reserved_id_and_again_changes_nothing()
    {
        var first = Cli.Run("cve", "reject", "CVE-2025-29017", "--reason", "Duplicate of CVE-2025-21364.");
        var second = Cli.Run("cve", "reject", "CVE-2025-29017", "--reason", "Duplicate of CVE-2025-21364.");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal("REJECTED", Server.Id("CVE-2025-29017")!.State);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already rejected", second.Out);
        Assert.Single(Server.Requests.All, r => r.IsWrite);
    }

    [Theory]
    [InlineData(CveServicesCredentials.KeyVariable, null, "$CVE_API_KEY is not set")]
    [InlineData(CveServicesCredentials.KeyVariable, "  \n", "$CVE_API_KEY is not set")]
    [InlineData(CveServicesCredentials.KeyVariable, "sécret-key", "$CVE_API_KEY holds characters that an HTTP request cannot carry")]
    [InlineData(CveServicesCredentials.UserVariable, "a\u0001b", "$CVE_API_USER holds a character that an HTTP header cannot carry")]
    public void Unusable_credentials_are_refused_naming_the_variable_only(string variable, string? value, string message)
    {
        if (value is null) Cli.Variables.Remove(variable);
        else Cli.Variables[variable] = value;

        var result = Cli.Run("cve", "publish", "TSSA-2025-1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        if (value is { Length: > 3 }) Assert.DoesNotContain(value.Trim(), result.Error);
        Assert.Empty(Server.Requests.All);
    }

    [Fact]
    public void A_key_with_a_pasted_line_break_is_trimmed()
    {
        Cli.Variables[CveServicesCredentials.KeyVariable] = Server.ApiKey + "\n";

        Assert.Equal(0, Cli.Run("cve", "publish", "TSSA-2025-1").ExitCode);
    }

    [Fact]
    public void The_key_appears_in_no_output_of_any_command_through_every_fault()
    {
        var outputs = new List<string>();
        void Run(params string[] args)
        {
            var result = Cli.Run(args);
            outputs.Add(result.Out + result.Error);
        }
        Run("cve", "reserve", "--count", "2");
        Run("cve", "publish", "--all");
        Run("cve", "publish", "--all", "--dry-run");
        Run("cve", "reject", "CVE-2025-29017", "--reason", "Duplicate");
        // Faults that the client retries (5xx, 429, dropped connections) are swept in CveServicesClientTests, where waits are not slept.
        foreach (var fault in new[] { CveFault.Unauthorized(), CveFault.Forbidden(), CveFault.NotFound(), CveFault.Respond(400, "BAD_INPUT", "bad") })
        {
            Server.ClearFaults();
            Server.AddFault("*", "/", fault, times: 100);
            Run("cve", "reserve");
            Run("cve", "publish", "TSSA-2025-1");
            Run("cve", "reject", "CVE-2025-47761", "--reason", "Duplicate");
        }
        Server.ClearFaults();
        Server.IdQuota = 0;
        Run("cve", "reserve");
        // A key CVE Services refuses: the 401 message names the variable, never the value.
        Cli.Variables[CveServicesCredentials.KeyVariable] = "refused-key-Qm83x";
        Run("cve", "publish", "TSSA-2025-1");

        Assert.All(outputs, output =>
        {
            Assert.DoesNotContain(Server.ApiKey, output);
            Assert.DoesNotContain("refused-key-Qm83x", output);
        });
        Assert.Contains(outputs, output => output.Contains("401 Unauthorized", StringComparison.Ordinal));
        Assert.Contains(outputs, output => output.Contains("quota is exhausted", StringComparison.Ordinal));
    }
}
