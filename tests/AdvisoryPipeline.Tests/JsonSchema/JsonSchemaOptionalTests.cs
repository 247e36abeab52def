using AdvisoryPipeline.JsonSchema;

namespace AdvisoryPipeline.Tests.JsonSchema;

/// <summary>
/// The suite's optional tests other than formats (optional/*.json): big numbers, ECMA-262 regex semantics,
/// non-BMP patterns, format-assertion vocabulary, legacy "dependencies" and so on.
/// </summary>
public sealed class JsonSchemaOptionalTests
{
    /// <summary>Optional tests we knowingly fail: "file | group / test" → reason.</summary>
    private static readonly Dictionary<string, string> Exclusions = new(StringComparer.Ordinal)
    {
        ["optional/cross-draft.json | refs to historic drafts are processed as historic drafts / first item not a string is valid"] =
            "a $ref into a draft 2019-09 schema would have to switch to that draft's \"items\" semantics; every schema is read as 2020-12",
    };

    public static IEnumerable<object[]> OptionalCases() => SchemaTestSuite.Cases("optional", _ => true, Exclusions);

    [Theory]
    [MemberData(nameof(OptionalCases))]
    public void Optional_case_gives_the_expected_verdict(string file, int group, int test, string description)
    {
        var (schema, data, expected) = SchemaTestSuite.Case(file, group, test);
        var compiled = CompiledSchema.Compile(schema, new SchemaOptions { Resolver = SchemaTestSuite.Remotes });
        Assert.True(expected == compiled.IsValid(data), $"{file}: {description}: expected valid={expected} for {data.GetRawText()}");
    }

    [Fact]
    public void Exclusions_name_existing_tests() => SchemaTestSuite.AssertExclusionsExist("optional", Exclusions);
}
