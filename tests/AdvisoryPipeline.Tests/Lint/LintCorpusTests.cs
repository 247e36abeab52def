using System.Text.Json;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Lint;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Tests.Lint;

/// <summary>
/// Every rule over the 983 real advisories of ../shared/corpus/pypa, with the default configuration. The counts are
/// pinned as measured (and each rule's findings were checked by hand on a sample): a change in any rule's behaviour
/// shows up here.
/// </summary>
public sealed class LintCorpusTests
{
    private static readonly Lazy<IReadOnlyList<Finding>> Findings = new(LintCorpus);

    private static IReadOnlyList<Finding> LintCorpus()
    {
        var files = Directory.GetFiles(SharedData.PathOf("corpus", "pypa"), "*.yaml", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        Assert.Equal(983, files.Length);

        var run = Linter.Create(DatabaseConfig.Defaults, LintHarness.Options);
        var findings = new List<Finding>();
        var summaries = new List<LintSummary>(files.Length);
        foreach (var file in files)
        {
            var document = AdvisoryYamlLoader.LoadFile(file);
            var record = document.Record!.Value.Deserialize(OsvJsonContext.Default.OsvRecord)!;
            var result = run.CheckRecord(document, record);
            findings.AddRange(result.Findings);
            summaries.Add(result.Summary);
        }
        findings.AddRange(run.CheckDatabase(summaries));
        return findings;
    }

    [Fact]
    public void The_findings_per_rule_are_as_measured()
    {
        var counts = Findings.Value
            .GroupBy(f => $"{f.Code} {f.Level.ToString().ToLowerInvariant()}")
            .ToDictionary(group => group.Key, group => group.Count());

        Assert.Equal(new Dictionary<string, int>
        {
            ["OSV204 info"] = 3,        // published missing (PYSEC-2024-1, -2024-55 which has the zero time as modified, -2023-174)
            ["OSV301 error"] = 1,       // "GHSA-jf66-3q76-h5p5," with a trailing comma
            ["OSV302 info"] = 19,       // SNYK-... aliases
            ["OSV306 error"] = 6,       // real duplicates: accesscontrol PYSEC-2021-335/-370 share a GHSA, distributed PYSEC-2021-871/-872 are one CVE twice (records of different packages may share an alias)
            ["OSV405 warning"] = 1,     // jw.util instead of jw-util
            ["OSV502 warning"] = 31,    // pairs of events listed from the newest release line down
            ["OSV507 error"] = 1,       // fixed 0.2.0-n653
            ["OSV508 warning"] = 55,    // legacy versions such as 0.7.10p1
            ["OSV509 error"] = 4,       // short hashes and a ".patch" suffix
            ["OSV511 warning"] = 8,     // Django PYSEC-2023-61 pre-releases, gevent 23.9.0
            ["OSV702 error"] = 1,       // "ttps://"
            ["OSV703 warning"] = 1131,  // http references (16 more are repeats of one: OSV704 alone)
            ["OSV704 warning"] = 310,   // one URL under two reference types
            ["OSV705 warning"] = 67,    // only REPORT/ARTICLE/EVIDENCE references (withdrawn records aside)
            ["OSV801 warning"] = 981,   // PyPA records have no summary
            ["OSV810 warning"] = 4,     // "<dir>", "<pid>", "<method>", "<script>" in prose: raw HTML to Markdown, dropped by GitHub
        }, counts);
    }

    [Fact]
    public void The_pre_releases_that_django_lists_outside_its_ranges_are_reported_where_they_are_listed()
    {
        var django = Findings.Value
            .Where(f => f.Code == "OSV511" && f.Location.File.EndsWith("PYSEC-2023-61.yaml", StringComparison.Ordinal))
            .Select(f => (f.Location.Line, f.Message));

        Assert.Equal(
        [
            (41, "version 3.2a1 is listed as affected but lies outside every range"),
            (42, "version 3.2b1 is listed as affected but lies outside every range"),
            (43, "version 3.2rc1 is listed as affected but lies outside every range"),
            (68, "version 4.2a1 is listed as affected but lies outside every range"),
            (69, "version 4.2b1 is listed as affected but lies outside every range"),
            (70, "version 4.2rc1 is listed as affected but lies outside every range"),
        ], django);
    }

    [Fact]
    public void Every_finding_is_located_at_a_line_of_its_file()
    {
        Assert.All(Findings.Value, finding =>
        {
            Assert.True(finding.Location.Line > 0, $"{finding.Code} {finding.Message} has no line");
            Assert.True(finding.Location.Column > 0, $"{finding.Code} {finding.Message} has no column");
            Assert.False(string.IsNullOrEmpty(finding.Hint), $"{finding.Code} {finding.Message} has no hint");
        });
    }
}
