using System.Text.Json;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Cve;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Identifiers;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cve;

/// <summary>
/// Every CVE record the tool writes is valid under the official CVE JSON 5.1.1 schema, checked by our draft-07
/// validator: the records of every example advisory, and of all 4,291 records of the shared Go corpus.
/// </summary>
public sealed class CveRecordSchemaTests
{
    internal static readonly CnaConfig GoCna = new("Go", "1bb62c36-49e3-4200-9d77-64a1400537cc", Vendor: null);

    [Theory]
    [MemberData(nameof(ExampleIds))]
    public void The_record_of_every_example_advisory_is_valid(string id)
    {
        var record = ExampleDatabase.Record(id);
        var mapping = CveRecordMapper.Map(record, new CveRecordRequest(CveAliasOf(record) ?? "CVE-2026-0001", ExampleCna, $"https://security.tessera-project.org/{id}/", []));

        Assert.Empty(CveSchema.ErrorsOf(mapping.Record));
        Assert.Empty(CveSchema.ErrorsOf(mapping.Record.Containers.Cna));
    }

    public static TheoryData<string> ExampleIds => ExampleDatabase.Ids;

    [Fact]
    public void The_record_of_every_go_corpus_advisory_is_valid()
    {
        var files = Directory.GetFiles(SharedData.PathOf("corpus", "go-vulndb"), "GO-*.json").Order(StringComparer.Ordinal).ToList();
        var invalid = new List<string>();
        foreach (var file in files)
        {
            var record = JsonSerializer.Deserialize(File.ReadAllBytes(file), OsvJsonContext.Default.OsvRecord)!;
            var mapping = CveRecordMapper.Map(record, new CveRecordRequest(CveAliasOf(record) ?? "CVE-2000-0001", GoCna, $"https://pkg.go.dev/vuln/{record.Id}", []));
            if (CveSchema.ErrorsOf(mapping.Record) is { Count: > 0 } errors)
                invalid.Add($"{Path.GetFileName(file)}: {string.Join("; ", errors)}");
        }

        Assert.True(files.Count > 4000, $"the Go corpus has only {files.Count} files");
        Assert.True(invalid.Count == 0, $"{invalid.Count} of {files.Count} records are invalid:\n{string.Join("\n", invalid.Take(20))}");
    }

    [Fact]
    public void The_schema_check_is_not_vacuous_broken_records_fail_it()
    {
        var record = CveRecordMapper.Map(ExampleDatabase.Record("TSSA-2025-1"),
            new CveRecordRequest("CVE-2025-21364", ExampleCna, "https://security.tessera-project.org/TSSA-2025-1/", [])).Record;
        var cna = record.Containers.Cna;

        Assert.NotEmpty(CveSchema.ErrorsOf(record with { CveMetadata = record.CveMetadata with { CveId = "CVE-25-1" } }));
        Assert.NotEmpty(CveSchema.ErrorsOf(cna with { Affected = [] }));
        Assert.NotEmpty(CveSchema.ErrorsOf(cna with { References = [new CveReference { Url = "not a uri" }] }));
        Assert.NotEmpty(CveSchema.ErrorsOf(cna with { Affected = [cna.Affected[0] with { Versions = [new CveVersion { Version = "1.0", LessThan = "2.0" }] }] }));
        Assert.NotEmpty(CveSchema.ErrorsOf(cna with { Credits = [new CveCredit { Value = "X", Type = "hero" }] }));
    }

    internal static CnaConfig ExampleCna { get; } = new("tessera", "8254265b-2729-46b6-b9e3-3dfca2d5bfca", Vendor: "Tessera Project");

    internal static string? CveAliasOf(OsvRecord record) => (record.Aliases ?? []).FirstOrDefault(alias => CveId.IsValid(alias));
}
