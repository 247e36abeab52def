using AdvisoryPipeline.JsonSchema.Compilation;

namespace AdvisoryPipeline.JsonSchema;

/// <summary>A schema could not be compiled. The message names the place in the schema and the problem.</summary>
public sealed class SchemaCompileException : Exception
{
    public SchemaCompileException(string message) : base(message) { }

    public SchemaCompileException(string message, Exception innerException) : base(message, innerException) { }

    public SchemaCompileException() { }

    /// <summary>Where the problem is: schema URI (when known) and JSON pointer, e.g. <c>https://x/s.json#/properties/a/pattern</c>.</summary>
    public string? SchemaLocation { get; init; }
}
