using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.JsonSchema;
using AdvisoryPipeline.JsonSchema.Evaluation;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Tests.Lifecycle;

/// <summary>
/// <c>schemas/advisory.schema.json</c> is generated; it must match the generator's output. To regenerate it after a
/// change of the model, the OSV schema or the generator: <c>UPDATE_SCHEMAS=1 dotnet test --filter AuthoringSchemaTests</c>.
/// </summary>
public sealed class AuthoringSchemaTests
{
    private static readonly string SchemaFile = Path.Combine(SharedData.RepositoryRoot, "schemas", AuthoringSchema.FileName);

    private static readonly Lazy<CompiledSchema> Compiled = new(() => CompiledSchema.Compile(Parse(File.ReadAllText(SchemaFile))));

    private static string Generated()
    {
        var osv = Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "schemas", "osv-schema.json")));
        var config = DatabaseConfigLoader.LoadFile(Path.Combine(SharedData.RepositoryRoot, "advisories", DatabaseFiles.ConfigFile));
        return AuthoringSchema.Generate(osv, config.Config!.IdPrefix);
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>The document as an editor sees it: the record with the authoring block back under its key.</summary>
    private static JsonElement Instance(string yaml)
    {
        var document = AdvisoryYamlLoader.Load("a.yaml", Encoding.UTF8.GetBytes(yaml));
        var node = JsonNode.Parse(document.Record!.Value.GetRawText())!.AsObject();
        if (document.AuthoringBlock is { } block) node[LoadOptions.Default.AuthoringBlockKey!] = JsonNode.Parse(block.GetRawText());
        return Parse(node.ToJsonString());
    }

    [Fact]
    public void The_committed_schema_is_the_generated_one()
    {
        var generated = Generated();
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMAS") == "1") File.WriteAllText(SchemaFile, generated);

        Assert.True(File.ReadAllText(SchemaFile) == generated,
            $"{SchemaFile} is out of date: regenerate it with UPDATE_SCHEMAS=1 dotnet test --filter AuthoringSchemaTests, and commit it");
    }

    [Fact]
    public void It_is_a_valid_2020_12_schema()
    {
        var result = CompiledSchema.MetaSchema2020_12.Validate(Parse(File.ReadAllText(SchemaFile)));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Every_sample_advisory_is_valid()
    {
        var files = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "advisories"), "TSSA-*.yaml");

        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var result = Compiled.Value.Validate(Instance(File.ReadAllText(file)));
            Assert.True(result.IsValid, file + ": " + string.Join("; ", result.Errors));
            Assert.StartsWith("# yaml-language-server: $schema=../schemas/advisory.schema.json\n", File.ReadAllText(file));
        });
    }

    [Theory]
    [InlineData("id: TSSA-0000-new-advisory\nsummary: s\n")]
    [InlineData("id: TSSA-2026-4\npipeline:\n  embargo_until: \"2026-12-01T10:00:00+01:00\"\n  notes: private\n")]
    [InlineData("id: TSSA-2026-4\naffected:\n  - package: {ecosystem: \"Debian:12\", name: openssl}\n    database_specific: {a: 1}\n")]
    public void Drafts_are_valid(string yaml) => Assert.True(Compiled.Value.IsValid(Instance(yaml)), yaml);

    [Theory]
    [InlineData("id: PYSEC-2026-4\n", "/id", "pattern")]
    [InlineData("id: TSSA-0000-Bad_Slug\n", "/id", "pattern")]
    [InlineData("summary: s\n", "", "required")]
    [InlineData("id: TSSA-2026-4\nsummary: \"\"\n", "/summary", "minLength")]
    [InlineData("id: TSSA-2026-4\npipeline:\n  embargo: soon\n", "/pipeline/embargo", "additionalProperties")]
    [InlineData("id: TSSA-2026-4\npipeline:\n  embargo_until: \"next week\"\n", "/pipeline/embargo_until", "pattern")]
    [InlineData("id: TSSA-2026-4\nmodified: \"2026-01-01\"\n", "/modified", "pattern")]
    [InlineData("id: TSSA-2026-4\naffected:\n  - package: {ecosystem: pypi, name: x}\n", "/affected/0/package/ecosystem", "pattern")]
    [InlineData("id: TSSA-2026-4\nreferences:\n  - {type: BLOG, url: \"https://x\"}\n", "/references/0/type", "enum")]
    [InlineData("id: TSSA-2026-4\nseverity:\n  - {type: CVSS_V3, score: \"7.5\"}\n", "/severity/0/score", "pattern")]
    [InlineData("id: TSSA-2026-4\naffected:\n  - ranges:\n      - type: GIT\n        repo: r\n        events: [{introduced: v1.0}]\n", "/affected/0/ranges/0/events/0/introduced", "pattern")]
    [InlineData("id: TSSA-2026-4\nunknown: 1\n", "/unknown", "additionalProperties")]
    public void Mistakes_are_reported_where_they_are(string yaml, string location, string keyword)
    {
        var result = Compiled.Value.Validate(Instance(yaml));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors.SelectMany(Flatten), e => e.InstanceLocation == location && e.Keyword == keyword);
    }

    private static IEnumerable<SchemaError> Flatten(SchemaError error) => [error, .. error.Context.SelectMany(Flatten)];

    [Fact]
    public void Ecosystems_are_offered_for_completion()
    {
        var ecosystem = JsonNode.Parse(File.ReadAllText(SchemaFile))!["properties"]!["affected"]!["items"]!["properties"]!["package"]!["properties"]!["ecosystem"]!;

        Assert.Contains("PyPI", ecosystem["examples"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Contains("GIT", ecosystem["examples"]!.AsArray().Select(e => e!.GetValue<string>()));
    }
}
