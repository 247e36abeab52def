using System.Text.Json;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Lint;

namespace AdvisoryPipeline.Tests.Lint;

/// <summary>OSV105, OSV106 and OSV306 run on the summaries that per-record linting produces.</summary>
public sealed class LintDatabaseTests
{
    private static LintSummary Summarize(string path, string yaml) => LintHarness.Check(path, yaml).Summary;

    private static IReadOnlyList<Finding> CheckDatabase(DatabaseConfig config, params LintSummary[] summaries) =>
        Linter.Create(config, LintHarness.Options).CheckDatabase(summaries);

    [Fact]
    public void The_summary_holds_the_id_timestamps_and_aliases_with_their_positions()
    {
        var summary = Summarize("advisories/TSSA-2025-1.yaml", LintHarness.CleanRecord());

        Assert.Equal("advisories/TSSA-2025-1.yaml", summary.Path);
        Assert.Equal(new LocatedValue("TSSA-2025-1", new SourceLocation("advisories/TSSA-2025-1.yaml", 1, 5)), summary.Id);
        Assert.Equal(new LocatedValue("2025-01-28T14:00:00Z", new SourceLocation("advisories/TSSA-2025-1.yaml", 3, 12)), summary.Published);
        Assert.Equal(new LocatedValue("2025-02-11T09:31:27Z", new SourceLocation("advisories/TSSA-2025-1.yaml", 2, 11)), summary.Modified);
        Assert.False(summary.Withdrawn);
        Assert.Equal([new LocatedValue("CVE-2025-21364", new SourceLocation("advisories/TSSA-2025-1.yaml", 5, 5))], summary.Aliases);
    }

    [Fact]
    public void The_summary_survives_a_round_trip_through_its_json_context()
    {
        var summary = Summarize("advisories/TSSA-2025-1.yaml", LintHarness.CleanRecord());

        var json = JsonSerializer.Serialize(summary, LintSummaryJsonContext.Default.LintSummary);
        var back = JsonSerializer.Deserialize(json, LintSummaryJsonContext.Default.LintSummary)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, LintSummaryJsonContext.Default.LintSummary));
        Assert.Equal(summary.Aliases, back.Aliases);
        Assert.Equal(summary.Id, back.Id);
        Assert.Contains("\"path\":\"advisories/TSSA-2025-1.yaml\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_advisories_with_one_id_are_both_reported()
    {
        var first = Summarize("advisories/TSSA-2025-1.yaml", LintHarness.CleanRecord());
        var copy = Summarize("advisories/2025/TSSA-2025-1.yaml", LintHarness.CleanRecord(aliases: "CVE-2025-30001"));
        var other = Summarize("advisories/TSSA-2025-2.yaml", LintHarness.CleanRecord("TSSA-2025-2", "CVE-2025-30002"));

        var findings = CheckDatabase(LintHarness.Config with { Lint = Off("OSV106") }, other, copy, first);

        Assert.Equal(
        [
            ("OSV105", "advisories/2025/TSSA-2025-1.yaml", 1, 5, "the id TSSA-2025-1 is also the id of advisories/TSSA-2025-1.yaml:1:5"),
            ("OSV105", "advisories/TSSA-2025-1.yaml", 1, 5, "the id TSSA-2025-1 is also the id of advisories/2025/TSSA-2025-1.yaml:1:5"),
        ], findings.Select(f => (f.Code, f.Location.File, f.Location.Line, f.Location.Column, f.Message)));
        Assert.All(findings, f => Assert.Equal(FindingLevel.Error, f.Level));
    }

    [Fact]
    public void An_alias_claimed_by_two_advisories_is_reported_at_both_claims()
    {
        var first = Summarize("advisories/TSSA-2025-1.yaml", LintHarness.CleanRecord());
        var second = Summarize("advisories/TSSA-2025-2.yaml", LintHarness.CleanRecord("TSSA-2025-2"));

        var findings = CheckDatabase(LintHarness.Config with { Lint = Off("OSV106") }, first, second);

        Assert.Equal(
        [
            ("OSV306", "advisories/TSSA-2025-1.yaml", 5, "CVE-2025-21364 is also an alias of TSSA-2025-2 (advisories/TSSA-2025-2.yaml:5:5) for the same package (PyPI:tessera-py)"),
            ("OSV306", "advisories/TSSA-2025-2.yaml", 5, "CVE-2025-21364 is also an alias of TSSA-2025-1 (advisories/TSSA-2025-1.yaml:5:5) for the same package (PyPI:tessera-py)"),
        ], findings.Select(f => (f.Code, f.Location.File, f.Location.Line, f.Message)));
        Assert.All(findings, f => Assert.Equal("/aliases/0", f.Pointer));
    }

    [Fact]
    public void Records_of_different_packages_may_share_an_alias_as_one_record_per_package_databases_do()
    {
        // PyPA: tensorflow, tensorflow-cpu and tensorflow-gpu each have a record for one CVE.
        var cpu = Summarize("advisories/TSSA-2025-1.yaml", LintHarness.CleanRecord().Replace("tessera-py", "tessera-cpu", StringComparison.Ordinal));
        var gpu = Summarize("advisories/TSSA-2025-2.yaml", LintHarness.CleanRecord("TSSA-2025-2").Replace("tessera-py", "tessera-gpu", StringComparison.Ordinal));
        var spelledOtherwise = Summarize("advisories/TSSA-2025-3.yaml", LintHarness.CleanRecord("TSSA-2025-3").Replace("name: tessera-py", "name: Tessera_CPU", StringComparison.Ordinal));

        var apart = CheckDatabase(LintHarness.Config with { Lint = Off("OSV106") }, cpu, gpu);
        var same = CheckDatabase(LintHarness.Config with { Lint = Off("OSV106") }, cpu, gpu, spelledOtherwise);

        Assert.Empty(apart);
        Assert.Equal(["advisories/TSSA-2025-1.yaml", "advisories/TSSA-2025-3.yaml"], same.Where(f => f.Code == "OSV306").Select(f => f.Location.File));
    }

    [Fact]
    public void A_withdrawn_advisory_may_share_its_aliases_with_its_replacement()
    {
        var replaced = LintHarness.CleanRecord().Replace("aliases:", "withdrawn: \"2025-03-01T00:00:00Z\"\naliases:", StringComparison.Ordinal);
        var first = Summarize("advisories/TSSA-2025-1.yaml", replaced);
        var second = Summarize("advisories/TSSA-2025-2.yaml", LintHarness.CleanRecord("TSSA-2025-2"));

        Assert.Empty(CheckDatabase(LintHarness.Config with { Lint = Off("OSV106") }, first, second));
    }

    [Fact]
    public void An_unregistered_prefix_is_reported_once_at_its_first_advisory()
    {
        var summaries = Enumerable.Range(1, 3)
            .Select(n => Summarize($"advisories/TSSA-2025-{n}.yaml", LintHarness.CleanRecord($"TSSA-2025-{n}", $"CVE-2025-3000{n}")))
            .Reverse().ToArray();

        var finding = Assert.Single(CheckDatabase(LintHarness.Config, summaries));

        Assert.Equal(("OSV106", FindingLevel.Warning, "advisories/TSSA-2025-1.yaml", 1, 5),
            (finding.Code, finding.Level, finding.Location.File, finding.Location.Line, finding.Location.Column));
        Assert.Equal("the id prefix TSSA is not registered with OSV (and 2 more advisories)", finding.Message);
    }

    [Theory]
    [InlineData("PYSEC-2025-1")]
    [InlineData("x_tessera-2025-1")]
    [InlineData("SUSE-SU-2025:0001-1")]
    public void Registered_and_private_prefixes_are_not_reported(string id)
    {
        var summary = Summarize($"advisories/{id}.yaml", LintHarness.CleanRecord(id));
        Assert.Empty(CheckDatabase(DatabaseConfig.Defaults, summary));
    }

    private static Dictionary<string, LintLevel> Off(string code) => new() { [code] = LintLevel.Off };

    [Fact]
    public void An_alias_claimed_by_thousands_names_five_others_and_counts_the_rest_in_linear_time()
    {
        var summaries = Enumerable.Range(1, 5000)
            .Select(i => Summarize($"advisories/TSSA-2025-{i}.yaml", LintHarness.CleanRecord($"TSSA-2025-{i}", "CVE-2025-21364")))
            .ToArray();

        var findings = CheckDatabase(LintHarness.Config, summaries).Where(f => f.Code == "OSV306").ToList();

        Assert.Equal(5000, findings.Count);
        Assert.All(findings, f => Assert.EndsWith(" and 4,994 more for the same package (PyPI:tessera-py)", f.Message, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Equal(5, f.Message.Split(" (advisories/").Length - 1));
        Assert.StartsWith("CVE-2025-21364 is also an alias of TSSA-2025-10 (advisories/TSSA-2025-10.yaml:5:5), TSSA-2025-100 (",
            findings.Single(f => f.Location.File == "advisories/TSSA-2025-1.yaml").Message, StringComparison.Ordinal);
    }
}
