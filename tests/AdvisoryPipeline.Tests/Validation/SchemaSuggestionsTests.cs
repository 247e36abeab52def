using System.Text;
using System.Text.Json.Nodes;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Tests.TestSupport;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.Validation;

/// <summary>
/// Schema findings take their "did you mean" candidates from the schema the record is validated against, at the
/// place of the error. The messages themselves are pinned by the command-line tests (Cli/Commands/DidYouMeanTests).
/// </summary>
public sealed class SchemaSuggestionsTests
{
    [Fact]
    public void A_missing_required_property_is_reported_at_its_own_pointer()
    {
        var findings = Check(OsvSchema.Embedded("TSSA"), Yaml().Replace("    url: https://security.tessera-project.org/TSSA-2026-9/\n", "", StringComparison.Ordinal));

        var finding = Assert.Single(findings);
        Assert.Equal("/references/0/url", finding.Pointer);
        Assert.Equal("missing required property \"url\" (reference)", finding.Message);
    }

    [Fact]
    public void A_schema_without_id_is_followed_through_its_local_refs()
    {
        // Without $id, errors carry no absolute location: the evaluation path (through "$ref") leads to the place.
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "schemas", "osv-schema.json")))!.AsObject();
        schema.Remove("$id");
        var osv = OsvSchema.FromBytes(Encoding.UTF8.GetBytes(schema.ToJsonString()), "schema without $id", "TSSA");

        var findings = Check(osv, Yaml()
            .Replace("ecosystem: PyPI", "ecosytem: PyPI", StringComparison.Ordinal)
            .Replace("type: ADVISORY", "type: Advisory", StringComparison.Ordinal)
            .Replace("summary:", "sumary:", StringComparison.Ordinal));

        Assert.Equal(
        [
            "did you mean ADVISORY? (the values are written exactly so, case included)",
            "did you mean ecosystem instead of ecosytem? (the keys here are: ecosystem, name, purl)",
            "did you mean summary? (the keys here are: schema_version, id, modified, published, withdrawn, aliases, upstream, related, summary, details, severity, affected, references, credits, database_specific, pipeline)",
        ], findings.Select(f => f.Hint).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_key_the_schema_declares_elsewhere_is_not_taken_for_a_misspelling()
    {
        // "type" is a real OSV field (of ranges, references...), written in the wrong place: not a misspelt "name".
        var findings = Check(OsvSchema.Embedded("TSSA"), Yaml().Replace("      name: tessera-py\n", "      type: tessera-py\n", StringComparison.Ordinal));

        var finding = Assert.Single(findings);
        Assert.Equal("missing required property \"name\" (package)", finding.Message);
        Assert.Equal("add the missing field", finding.Hint);
        Assert.Equal(8, finding.Location.Line);
    }

    private static IReadOnlyList<Finding> Check(OsvSchema schema, string yaml)
    {
        var document = AdvisoryYamlLoader.Load("TSSA-2026-9.yaml", Encoding.UTF8.GetBytes(yaml));
        Assert.Empty(document.Findings);
        return SchemaFindings.Check(schema, document.Record!.Value, document.Map);
    }

    private static string Yaml() => SampleAdvisories.CleanYaml("TSSA-2026-9");
}
