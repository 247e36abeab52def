using System.Text.Json;
using AdvisoryPipeline.JsonSchema;
using AdvisoryPipeline.JsonSchema.Compilation;
using AdvisoryPipeline.JsonSchema.Evaluation;

namespace AdvisoryPipeline.Tests.JsonSchema;

/// <summary>Compile errors say where and what; references never reach the network; loops cannot hang.</summary>
public sealed class SchemaCompilationTests
{
    [Theory]
    [InlineData("""{"properties": {"a": {"type": "strin"}}}""", "#/properties/a/type", "\"type\" must be a type name")]
    [InlineData("""{"properties": {"a": {"pattern": "(unclosed"}}}""", "#/properties/a/pattern", "is not a valid ECMA-262 regular expression")]
    [InlineData("""{"minLength": -1}""", "#/minLength", "\"minLength\" must be a non-negative integer, found a number (-1)")]
    [InlineData("""{"items": 3}""", "#/items", "a schema must be an object or a boolean, found number")]
    [InlineData("""{"$ref": "#/$defs/missing"}""", "#/$ref", "there is no \"/$defs/missing\"")]
    [InlineData("""{"$ref": "#nowhere"}""", "#/$ref", "does not declare")]
    [InlineData("""{"$ref": "https://example.com/other.json"}""", "#/$ref", "never fetched from the network")]
    public void Malformed_schema_fails_to_compile_with_location_and_reason(string schema, string location, string reason)
    {
        var error = Assert.Throws<SchemaCompileException>(() => CompiledSchema.Compile(SchemaJson.Parse(schema)));

        Assert.Equal(location, error.SchemaLocation);
        Assert.Contains(location, error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Remote_reference_is_asked_of_the_resolver()
    {
        var resolver = new RecordingResolver("""{"type": "integer"}""");
        var schema = CompiledSchema.Compile(
            SchemaJson.Parse("""{"$ref": "other.json"}"""),
            new SchemaOptions { BaseUri = new Uri("https://example.com/dir/main.json"), Resolver = resolver });

        Assert.Equal(["https://example.com/dir/other.json"], resolver.Requests);
        Assert.True(schema.IsValid(SchemaJson.Parse("3")));
        Assert.False(schema.IsValid(SchemaJson.Parse("\"3\"")));
    }

    [Fact]
    public void Meta_schema_references_resolve_offline_without_the_resolver()
    {
        var resolver = new RecordingResolver("{}");
        var schema = CompiledSchema.Compile(SchemaJson.Parse("""{"$ref": "https://json-schema.org/draft/2020-12/schema"}"""), new SchemaOptions { Resolver = resolver });

        Assert.Empty(resolver.Requests);
        Assert.False(schema.IsValid(SchemaJson.Parse("""{"type": 12}""")));
    }

    [Fact]
    public void Reference_loop_that_never_consumes_the_instance_fails_instead_of_overflowing_the_stack()
    {
        var schema = CompiledSchema.Compile(SchemaJson.Parse("""{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"""));

        var result = schema.Validate(SchemaJson.Parse("1"));

        Assert.False(schema.IsValid(SchemaJson.Parse("1")));
        Assert.Contains("$ref loop", Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData("""{"items": {"$ref": "#"}}""", "[", "]")]
    [InlineData("""{"properties": {"a": {"$ref": "#"}}}""", "{\"a\":", "}")]
    public void Extremely_deep_instance_is_rejected_instead_of_overflowing_the_stack(string schema, string open, string close)
    {
        const int depth = 3_000;
        var json = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = depth + 1 });
        var compiled = CompiledSchema.Compile(SchemaJson.Parse(schema));

        Assert.False(compiled.IsValid(document.RootElement));
        Assert.Contains("extremely deep", Assert.Single(compiled.Validate(document.RootElement).Errors).Message);
    }

    [Fact]
    public void Meta_schema_reports_what_is_wrong_in_a_schema_document()
    {
        var result = CompiledSchema.MetaSchema2020_12.Validate(SchemaJson.Parse("""{"properties": {"a": {"minLength": -1, "pattern": "\\a"}}}"""));

        Assert.False(result.IsValid);
        Assert.Contains(result.BestMatchPerError(), e => e.InstanceLocation == "/properties/a/minLength" && e.Keyword == "minimum");
        Assert.Contains(result.BestMatchPerError(), e => e.InstanceLocation == "/properties/a/pattern" && e.Keyword == "format");
    }

    private sealed class RecordingResolver(string document) : ISchemaResolver
    {
        public List<string> Requests { get; } = [];

        public bool TryResolve(Uri documentUri, out JsonElement resolved)
        {
            Requests.Add(documentUri.AbsoluteUri);
            resolved = SchemaJson.Parse(document);
            return true;
        }
    }
}
