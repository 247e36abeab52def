using System.Text.Json;
using AdvisoryPipeline.Cve;
using AdvisoryPipeline.JsonSchema;

namespace AdvisoryPipeline.Tests.Cve;

/// <summary>
/// The official CVE JSON 5.1.1 record schema (../shared/cve-schema, draft-07), compiled once by our own
/// validator with formats asserted (the product's <see cref="CveRecordSchema"/>, as <c>--cve-schema</c> reads it), and
/// the CNA published-container schema CVE Services checks a container with.
/// </summary>
internal static class CveSchema
{
    private static readonly Lazy<CveRecordSchema> Bundled = new(() => CveRecordSchema.FromFile(PathOf("CVE_JSON_bundled_5.1.1.json"), "CVE_JSON_bundled_5.1.1.json"));
    private static readonly Lazy<CompiledSchema> PublishedContainer = new(() => Compile("CVE_JSON_cnaPublishedContainer_5.1.1.json"));

    public static string PathOf(string file) => SharedData.PathOf("cve-schema", file);

    /// <summary>The schema's errors for a record, one line each; empty when it is valid.</summary>
    public static IReadOnlyList<string> ErrorsOf(CveRecord record) => Bundled.Value.ErrorsOf(record);

    /// <summary>The errors of a CNA container against the schema CVE Services checks it with.</summary>
    public static IReadOnlyList<string> ErrorsOf(CnaContainer container) => ErrorsOf(PublishedContainer.Value, CveRecordJson.Write(container));

    private static IReadOnlyList<string> ErrorsOf(CompiledSchema schema, byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var result = schema.Validate(document.RootElement);
        return [.. result.BestMatchPerError().Select(error => error.ToString())];
    }

    private static CompiledSchema Compile(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(PathOf(file)));
        return CompiledSchema.Compile(document.RootElement, new SchemaOptions { AssertFormat = true, DefaultDialect = SchemaDialect.Draft7 });
    }
}
