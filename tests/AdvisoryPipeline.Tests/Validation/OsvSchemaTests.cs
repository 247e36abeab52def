using System.Text.Json;
using AdvisoryPipeline.JsonSchema;
using AdvisoryPipeline.JsonSchema.Evaluation;
using AdvisoryPipeline.Tests.JsonSchema;

namespace AdvisoryPipeline.Tests.Validation;

/// <summary>
/// The official OSV schema (draft 2020-12) compiled by our validator, on hand-written records. The best-match
/// expectations (instance location and keyword) were verified against Python jsonschema 4.26's best_match on the
/// same schema and instances; our keyword locations include "$ref" steps, which Python's schema paths omit.
/// </summary>
public sealed class OsvSchemaTests
{
    private const string Hash = "0123456789abcdef0123456789abcdef01234567";

    private static readonly Lazy<CompiledSchema> Osv = new(() =>
        CompiledSchema.Compile(SchemaJson.Parse(File.ReadAllText(SharedData.PathOf("osv-schema", "schema.json")))));

    [Fact]
    public void Official_schema_is_a_valid_2020_12_schema()
    {
        var result = CompiledSchema.MetaSchema2020_12.Validate(SchemaJson.Parse(File.ReadAllText(SharedData.PathOf("osv-schema", "schema.json"))));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Complete_record_is_valid()
    {
        var record = Record($$"""
            "aliases": ["CVE-2021-1234"],
            "summary": "Remote code execution in example",
            "details": "A crafted input runs code.",
            "published": "2021-02-03T04:05:06Z",
            "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
            "affected": [{
                "package": {"ecosystem": "PyPI", "name": "example", "purl": "pkg:pypi/example"},
                "ranges": [
                    {"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.2.3"}]},
                    {"type": "GIT", "repo": "https://github.com/example/example", "events": [{"introduced": "0"}, {"fixed": "{{Hash}}"}]}
                ],
                "versions": ["1.0", "1.1"]
            }],
            "references": [{"type": "ADVISORY", "url": "https://example.com/advisory"}],
            "credits": [{"name": "Jane Doe", "type": "FINDER"}]
            """);

        Assert.True(Osv.Value.IsValid(record));
        Assert.Empty(Osv.Value.Validate(record).Errors);
    }

    [Fact]
    public void Valid_record_is_validated_without_allocating()
    {
        var record = Record($$"""
            "affected": [{"package": {"ecosystem": "PyPI", "name": "example"},
              "ranges": [{"type": "GIT", "repo": "https://github.com/example/example", "events": [{"introduced": "0"}, {"fixed": "{{Hash}}"}]}],
              "versions": ["1.0", "1.1", "1.2"]}],
            "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
            "references": [{"type": "WEB", "url": "https://example.com"}]
            """);
        Assert.True(Osv.Value.Validate(record).IsValid);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Osv.Value.IsValid(record);
            Osv.Value.Validate(record);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    public static TheoryData<string, string, string, string, string, string?, string> BestMatchCases() => new()
    {
        {
            "git fixed event that is not a full commit hash",
            $$"""
            "affected": [{"package": {"ecosystem": "PyPI", "name": "x"},
              "ranges": [{"type": "GIT", "repo": "https://g/x", "events": [{"introduced": "0"}, {"fixed": "abc"}]}]}]
            """,
            "/affected/0/ranges/0/events/1/fixed", "pattern",
            "/properties/affected/items/properties/ranges/items/allOf/1/then/properties/events/items/oneOf/1/properties/fixed/pattern",
            "GIT ranges must use full-length commit hashes",
            "\"abc\" does not match ^(0|[a-f0-9]{40}|[a-f0-9]{64})$"
        },
        {
            "range of unknown type",
            """
            "affected": [{"package": {"ecosystem": "PyPI", "name": "x"}, "ranges": [{"type": "FOO", "events": [{"introduced": "0"}]}]}]
            """,
            "/affected/0/ranges/0/type", "enum", "/properties/affected/items/properties/ranges/items/properties/type/enum",
            "Open Source Vulnerability",
            "\"FOO\" is not one of GIT, SEMVER, ECOSYSTEM"
        },
        {
            "git range without repo",
            $$"""
            "affected": [{"package": {"ecosystem": "PyPI", "name": "x"},
              "ranges": [{"type": "GIT", "events": [{"introduced": "0"}, {"fixed": "{{Hash}}"}]}]}]
            """,
            "/affected/0/ranges/0", "required", "/properties/affected/items/properties/ranges/items/allOf/0/then/required",
            "GIT ranges require a repo",
            "missing required property \"repo\""
        },
        {
            "event with a misspelled key matches no alternative equally badly",
            """
            "affected": [{"package": {"ecosystem": "PyPI", "name": "x"},
              "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixd": "1.0"}]}]}]
            """,
            "/affected/0/ranges/0/events/1", "oneOf", "/properties/affected/items/properties/ranges/items/properties/events/items/oneOf",
            "events must contain an introduced object and may contain fixed, last_affected or limit objects",
            "an object does not match any of the 4 alternatives in oneOf"
        },
        {
            "second of two bad reference types",
            """
            "references": [{"type": "WEBSITE", "url": "https://x"}, {"type": "BLOG", "url": "https://y"}]
            """,
            "/references/1/type", "enum", "/properties/references/items/properties/type/enum",
            "Open Source Vulnerability",
            "\"BLOG\" is not one of ADVISORY, ARTICLE, DETECTION, DISCUSSION, REPORT, FIX, INTRODUCED, GIT, PACKAGE, EVIDENCE, WEB"
        },
        {
            "timestamp of the wrong type",
            "\"published\": 5",
            "/published", "type", "/properties/published/$ref/type",
            "Open Source Vulnerability",
            "expected a string but found a number (5)"
        },
        {
            "events without introduced",
            """
            "affected": [{"package": {"ecosystem": "PyPI", "name": "x"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"fixed": "1.0"}]}]}]
            """,
            "/affected/0/ranges/0/events", "contains", "/properties/affected/items/properties/ranges/items/properties/events/contains",
            "events must contain an introduced object and may contain fixed, last_affected or limit objects",
            "no item matches the \"contains\" schema"
        },
        {
            "fixed and last_affected together",
            """
            "affected": [{"package": {"ecosystem": "PyPI", "name": "x"},
              "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.0"}, {"last_affected": "0.9"}]}]}]
            """,
            "/affected/0/ranges/0", "not", "/properties/affected/items/properties/ranges/items/allOf/2/then/not",
            "last_affected and fixed events are mutually exclusive",
            "an object must not match the schema in \"not\""
        },
    };

    [Theory]
    [MemberData(nameof(BestMatchCases))]
    public void Best_match_points_at_the_same_problem_as_python_jsonschema(
        string situation, string members, string instanceLocation, string keyword, string keywordLocation, string? title, string message)
    {
        var result = Osv.Value.Validate(Record(members));

        var best = result.BestMatch();

        Assert.False(result.IsValid, situation);
        Assert.NotNull(best);
        Assert.Equal(instanceLocation, best.InstanceLocation);
        Assert.Equal(keyword, best.Keyword);
        Assert.Equal(keywordLocation, best.KeywordLocation);
        Assert.Equal(title, best.SchemaTitle);
        Assert.Equal(message, best.Message);
    }

    [Fact]
    public void Record_without_id_reports_the_missing_property_at_the_root()
    {
        var result = Osv.Value.Validate(SchemaJson.Parse("""{"schema_version": "1.7.0", "modified": "2021-01-01T00:00:00Z"}"""));

        var error = Assert.Single(result.Errors);
        Assert.Equal("", error.InstanceLocation);
        Assert.Equal("required", error.Keyword);
        Assert.Equal("missing required property \"id\"", error.Message);
        Assert.Equal("https://raw.githubusercontent.com/ossf/osv-schema/main/validation/schema.json#/required", error.AbsoluteKeywordLocation);
    }

    private static JsonElement Record(string members) =>
        SchemaJson.Parse("""{"schema_version": "1.7.0", "id": "PYSEC-2021-1", "modified": "2021-01-01T00:00:00Z", """ + members + "}");
}
