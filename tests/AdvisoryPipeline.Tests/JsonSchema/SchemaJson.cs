using System.Text.Json;

namespace AdvisoryPipeline.Tests.JsonSchema;

/// <summary>Parses JSON text for tests into a standalone element.</summary>
internal static class SchemaJson
{
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
