using System.Text.Json;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Publishing;

/// <summary>Validates the records about to be published with the OSV schema the database is validated against.</summary>
public sealed class SchemaRecordValidator(OsvSchema schema) : IRecordValidator
{
    public IReadOnlyList<string> Validate(ReadOnlyMemory<byte> canonicalJson)
    {
        using var document = JsonDocument.Parse(canonicalJson);
        var result = schema.Compiled.Validate(document.RootElement);
        return result.IsValid ? [] : [.. result.BestMatchPerError().Select(error => error.ToString())];
    }
}
