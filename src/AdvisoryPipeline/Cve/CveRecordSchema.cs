using System.Text.Json;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.JsonSchema;

namespace AdvisoryPipeline.Cve;

/// <summary>
/// The official CVE JSON 5 record schema (draft-07), read from a file the user names (<c>--cve-schema</c>, e.g. the
/// CVE program's <c>CVE_JSON_bundled_5.1.1.json</c>): the tool does not ship the CVE program's schema, so the check is
/// opt-in at run time and always on in the tests. Formats are asserted.
/// </summary>
public sealed class CveRecordSchema
{
    private readonly CompiledSchema _compiled;

    private CveRecordSchema(CompiledSchema compiled, string source)
    {
        _compiled = compiled;
        Source = source;
    }

    public string Source { get; }

    /// <exception cref="UsageException">The file cannot be read, is not JSON, or is not a schema this validator compiles.</exception>
    public static CveRecordSchema FromFile(string path, string shownAs)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return new CveRecordSchema(
                CompiledSchema.Compile(document.RootElement, new SchemaOptions { AssertFormat = true, DefaultDialect = SchemaDialect.Draft7 }), shownAs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or SchemaCompileException)
        {
            throw new UsageException($"--cve-schema {shownAs}: not a usable CVE record schema: {e.Message}");
        }
    }

    /// <summary>The schema's errors for a record, one line each (<c>/containers/cna/...: what is wrong</c>); empty when valid.</summary>
    public IReadOnlyList<string> ErrorsOf(CveRecord record)
    {
        using var document = JsonDocument.Parse(CveRecordJson.Write(record));
        var result = _compiled.Validate(document.RootElement);
        return [.. result.BestMatchPerError().Select(error => error.ToString())];
    }
}
