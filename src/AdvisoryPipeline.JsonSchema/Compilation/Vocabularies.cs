namespace AdvisoryPipeline.JsonSchema.Compilation;

/// <summary>The 2020-12 vocabularies; a schema resource's meta-schema decides which are active.</summary>
[Flags]
internal enum Vocabularies
{
    None = 0,
    Core = 1,
    Applicator = 2,
    Unevaluated = 4,
    Validation = 8,
    MetaData = 16,
    FormatAnnotation = 32,
    FormatAssertion = 64,
    Content = 128,

    /// <summary>What the standard 2020-12 meta-schema declares.</summary>
    Standard = Core | Applicator | Unevaluated | Validation | MetaData | FormatAnnotation | Content,
}

internal static class VocabularyUris
{
    public const string MetaSchema2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private static readonly Dictionary<string, Vocabularies> ByUri = new(StringComparer.Ordinal)
    {
        ["https://json-schema.org/draft/2020-12/vocab/core"] = Vocabularies.Core,
        ["https://json-schema.org/draft/2020-12/vocab/applicator"] = Vocabularies.Applicator,
        ["https://json-schema.org/draft/2020-12/vocab/unevaluated"] = Vocabularies.Unevaluated,
        ["https://json-schema.org/draft/2020-12/vocab/validation"] = Vocabularies.Validation,
        ["https://json-schema.org/draft/2020-12/vocab/meta-data"] = Vocabularies.MetaData,
        ["https://json-schema.org/draft/2020-12/vocab/format-annotation"] = Vocabularies.FormatAnnotation,
        ["https://json-schema.org/draft/2020-12/vocab/format-assertion"] = Vocabularies.FormatAssertion,
        ["https://json-schema.org/draft/2020-12/vocab/content"] = Vocabularies.Content,
    };

    /// <summary>
    /// Meta-schemas of earlier drafts. Their keywords are close enough to 2020-12 for the schemas people write,
    /// so they get the standard vocabularies instead of a compile error.
    /// </summary>
    private static readonly HashSet<string> EarlierDrafts = new(StringComparer.Ordinal)
    {
        "http://json-schema.org/draft-04/schema", "http://json-schema.org/draft-06/schema",
        "http://json-schema.org/draft-07/schema", "https://json-schema.org/draft/2019-09/schema",
    };

    public static bool TryGet(string uri, out Vocabularies vocabulary) => ByUri.TryGetValue(uri, out vocabulary);

    public static bool IsStandardMetaSchema(string uri) => uri == MetaSchema2020_12 || EarlierDrafts.Contains(uri);
}
