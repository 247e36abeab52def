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

    public const string MetaSchemaDraft7 = "http://json-schema.org/draft-07/schema";

    /// <summary>
    /// The standard meta-schemas and the dialect each is read with. 2019-09 is close enough to 2020-12, and
    /// draft-06 to draft-07, for the schemas people write; draft-04 (whose schemas rarely differ in what they
    /// use) gets 2020-12 as before, instead of a compile error.
    /// </summary>
    private static readonly Dictionary<string, SchemaDialect> StandardMetaSchemas = new(StringComparer.Ordinal)
    {
        [MetaSchema2020_12] = SchemaDialect.Draft2020_12,
        ["https://json-schema.org/draft/2019-09/schema"] = SchemaDialect.Draft2020_12,
        ["http://json-schema.org/draft-04/schema"] = SchemaDialect.Draft2020_12,
        ["http://json-schema.org/draft-06/schema"] = SchemaDialect.Draft7,
        [MetaSchemaDraft7] = SchemaDialect.Draft7,
    };

    public static bool TryGet(string uri, out Vocabularies vocabulary) => ByUri.TryGetValue(uri, out vocabulary);

    /// <summary>The dialect of a standard meta-schema URI (without fragment); false for any other meta-schema.</summary>
    public static bool TryGetStandardDialect(string uri, out SchemaDialect dialect) => StandardMetaSchemas.TryGetValue(uri, out dialect);
}
