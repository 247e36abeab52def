using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Cve;
using AdvisoryPipeline.Importing;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cve;

/// <summary>
/// A CVE record imported and then written back out gives the same affected products and versions and the same
/// references (with their tags), for every example advisory and every record of the Go corpus; the imported
/// advisory goes through its YAML form, as <c>advisory import cve</c> writes it.
/// </summary>
public sealed class CveImportRoundTripTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(CveRecordSchemaTests.ExampleIds), MemberType = typeof(CveRecordSchemaTests))]
    public void Every_example_advisory_round_trips(string id)
    {
        var record = ExampleDatabase.Record(id);
        var problems = RoundTrip(record, CveRecordSchemaTests.ExampleCna, $"https://security.tessera-project.org/{id}/");

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_go_corpus_record_round_trips()
    {
        var files = Directory.GetFiles(SharedData.PathOf("corpus", "go-vulndb"), "GO-*.json").Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        foreach (var file in files)
        {
            var record = JsonSerializer.Deserialize(File.ReadAllBytes(file), OsvJsonContext.Default.OsvRecord)!;
            if (RoundTrip(record, CveRecordSchemaTests.GoCna, $"https://pkg.go.dev/vuln/{record.Id}") is { Count: > 0 } problems)
                failures.Add($"{record.Id}: {string.Join("; ", problems)}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {files.Count} records do not round-trip:\n{string.Join("\n", failures.Take(10))}");
    }

    /// <summary>The fields that differ between the record's CVE record and the CVE record of its import.</summary>
    internal static IReadOnlyList<string> RoundTrip(OsvRecord record, CnaConfig cna, string advisoryUrl)
    {
        var request = new CveRecordRequest(CveRecordSchemaTests.CveAliasOf(record) ?? "CVE-2000-0001", cna, advisoryUrl, []);
        var first = CveRecordMapper.Map(record, request).Record;
        var imported = CveRecordImport.Import(first, "TSSA-0000-imported", Now);
        var yaml = AdvisoryYamlWriter.Write(imported.Record, new AuthoringBlock(Notes: string.Join("\n", imported.Notes)), null);
        var loaded = AdvisoryYamlLoader.Load("imported.yaml", Encoding.UTF8.GetBytes(yaml));
        if (loaded.HasErrors || loaded.Record is not { } json)
            return [$"the imported YAML does not load: {string.Join("; ", loaded.Findings.Select(f => f.Message))}\n{yaml}"];
        var reread = json.Deserialize(OsvJsonContext.Default.OsvRecord)!;
        var second = CveRecordMapper.Map(reread, request).Record;

        var problems = new List<string>();
        Compare("affected", first.Containers.Cna.Affected.Select(WithoutRoutines), second.Containers.Cna.Affected.Select(WithoutRoutines), problems);
        Compare("references", first.Containers.Cna.References, second.Containers.Cna.References, problems);
        Compare("problemTypes", first.Containers.Cna.ProblemTypes, second.Containers.Cna.ProblemTypes, problems);
        Compare("metrics", first.Containers.Cna.Metrics, second.Containers.Cna.Metrics, problems);
        Compare("credits", first.Containers.Cna.Credits, second.Containers.Cna.Credits, problems);
        Compare("title", first.Containers.Cna.Title, second.Containers.Cna.Title, problems);
        return problems;
    }

    /// <summary>Program routines come from Go's ecosystem_specific, which a CVE record cannot give back (a deliberate note).</summary>
    private static CveProduct WithoutRoutines(CveProduct product) => product with { ProgramRoutines = null };

    private static void Compare<T>(string field, T? first, T? second, List<string> problems)
    {
        var a = JsonSerializer.Serialize(first, CveTestJson.Options);
        var b = JsonSerializer.Serialize(second, CveTestJson.Options);
        if (a != b) problems.Add($"{field} differs:\n  {a}\n  {b}");
    }
}

internal static class CveTestJson
{
    public static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
}
