using System.Text.Json;

namespace AdvisoryPipeline.JsonSchema.Compilation;

/// <summary>The 2020-12 and draft-07 meta-schema documents embedded in the library (see MetaSchemas/README.md), parsed once.</summary>
internal static class MetaSchemaStore
{
    private const string Prefix = "https://json-schema.org/draft/2020-12/";

    private static readonly Dictionary<string, string> ResourceNames = new(StringComparer.Ordinal)
    {
        [Prefix + "schema"] = "schema.json",
        [Prefix + "meta/core"] = "meta-core.json",
        [Prefix + "meta/applicator"] = "meta-applicator.json",
        [Prefix + "meta/unevaluated"] = "meta-unevaluated.json",
        [Prefix + "meta/validation"] = "meta-validation.json",
        [Prefix + "meta/meta-data"] = "meta-meta-data.json",
        [Prefix + "meta/format-annotation"] = "meta-format-annotation.json",
        [Prefix + "meta/format-assertion"] = "meta-format-assertion.json",
        [Prefix + "meta/content"] = "meta-content.json",
        [VocabularyUris.MetaSchemaDraft7] = "draft-07-schema.json",
    };

    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> Documents = new(Load);

    public static bool TryGet(string uri, out JsonElement document) => Documents.Value.TryGetValue(uri, out document);

    private static Dictionary<string, JsonElement> Load()
    {
        var assembly = typeof(MetaSchemaStore).Assembly;
        var documents = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (uri, file) in ResourceNames)
        {
            using var stream = assembly.GetManifestResourceStream("AdvisoryPipeline.JsonSchema.MetaSchemas." + file)
                ?? throw new InvalidOperationException($"The embedded meta-schema {file} is missing from the assembly.");
            using var document = JsonDocument.Parse(stream);
            documents[uri] = document.RootElement.Clone();
        }
        return documents;
    }
}
