using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Lint;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Lint;

/// <summary>Loads YAML as the validate command does (loader, then the OSV model) and lints it.</summary>
internal static class LintHarness
{
    /// <summary>The database the fixtures belong to: prefix TSSA, every ecosystem allowed.</summary>
    public static DatabaseConfig Config { get; } = new("Test advisories", IdPrefix: "TSSA");

    /// <summary>"Now" for every test: fixtures are dated before it.</summary>
    public static DateTimeOffset Now { get; } = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static LintOptions Options { get; } = new() { Clock = new FixedClock(Now) };

    public static (LoadedDocument Document, OsvRecord Record) Load(string path, string yaml)
    {
        var document = AdvisoryYamlLoader.Load(path, Encoding.UTF8.GetBytes(yaml));
        Assert.True(document.Findings.Count == 0,
            $"{path} should load cleanly: " + string.Join("; ", document.Findings.Select(f => $"{f.Location} {f.Code} {f.Message}")));
        var record = document.Record!.Value.Deserialize(OsvJsonContext.Default.OsvRecord)!;
        return (document, record);
    }

    public static RecordLint Check(string path, string yaml, DatabaseConfig? config = null, LintOptions? options = null)
    {
        var (document, record) = Load(path, yaml);
        return Linter.Create(config ?? Config, options ?? Options).CheckRecord(document, record);
    }

    /// <summary>A clean record, for tests that change one thing in it: line 8 is the first line of details.</summary>
    public static string CleanRecord(string id = "TSSA-2025-1", string aliases = "CVE-2025-21364") =>
        SampleAdvisories.CleanYaml(id, summary: "Stack exhaustion from deeply nested lists in tessera-py",
            modified: "2025-02-11T09:31:27Z", published: "2025-01-28T14:00:00Z", alias: aliases,
            details: "|\n  The decoder of tessera-py has no limit on the nesting depth of lists.", fixedVersion: "1.7.3");
}
