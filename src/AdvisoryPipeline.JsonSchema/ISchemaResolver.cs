using System.Text.Json;

namespace AdvisoryPipeline.JsonSchema;

/// <summary>Supplies schema documents that a schema references by URI. Implementations must not reach the network.</summary>
public interface ISchemaResolver
{
    /// <summary>The document identified by <paramref name="documentUri"/> (no fragment), or false when unknown.</summary>
    bool TryResolve(Uri documentUri, out JsonElement document);
}
