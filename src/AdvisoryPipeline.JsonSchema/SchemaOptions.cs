namespace AdvisoryPipeline.JsonSchema;

/// <summary>How a schema is compiled.</summary>
public sealed record SchemaOptions
{
    /// <summary>Base URI of the schema document when it has no absolute <c>$id</c>; relative references resolve against it.</summary>
    public Uri? BaseUri { get; init; }

    /// <summary>Supplies documents for references outside the schema; never consulted for the built-in 2020-12 meta-schemas.</summary>
    public ISchemaResolver? Resolver { get; init; }

    /// <summary>Make <c>format</c> an assertion (2020-12 treats it as an annotation by default). Unknown formats still pass.</summary>
    public bool AssertFormat { get; init; }

    /// <summary>
    /// Compile regular expressions to IL: construction costs milliseconds per pattern but matching is about
    /// three times faster. Worth it when one schema validates thousands of instances in one process.
    /// </summary>
    public bool CompileRegexes { get; init; }

    /// <summary>The draft of schema documents that declare none with <c>$schema</c> (the compiled one and any it references).</summary>
    public SchemaDialect DefaultDialect { get; init; } = SchemaDialect.Draft2020_12;
}
