using AdvisoryPipeline.JsonSchema;

namespace AdvisoryPipeline.Tests.JsonSchema;

/// <summary>
/// Every required test of the official JSON Schema Test Suite for draft 2020-12 (tests/draft2020-12/*.json,
/// not optional/), one theory case per suite test. Remote references resolve to the suite's remotes/ folder.
/// </summary>
public sealed class JsonSchemaConformanceTests
{
    /// <summary>Suite tests we knowingly fail: "file | group / test" → reason. At most 1% of the suite.</summary>
    private static readonly Dictionary<string, string> Exclusions = new(StringComparer.Ordinal);

    public static IEnumerable<object[]> RequiredCases() => SchemaTestSuite.Cases(".", _ => true, Exclusions);

    [Theory]
    [MemberData(nameof(RequiredCases))]
    public void Suite_case_gives_the_expected_verdict(string file, int group, int test, string description)
    {
        var (schema, data, expected) = SchemaTestSuite.Case(file, group, test);
        var compiled = CompiledSchema.Compile(schema, new SchemaOptions { Resolver = SchemaTestSuite.Remotes });

        var result = compiled.Validate(data);

        Assert.True(expected == compiled.IsValid(data), $"{file}: {description}: IsValid should be {expected}");
        Assert.Equal(expected, result.IsValid);
        Assert.Equal(expected, result.Errors.Count == 0);
    }

    [Fact]
    public void Exclusions_are_few_and_name_existing_tests()
    {
        SchemaTestSuite.AssertExclusionsExist(".", Exclusions);
        var total = RequiredCases().Count() + Exclusions.Count;
        Assert.True(Exclusions.Count * 100 <= total, $"{Exclusions.Count} exclusions for {total} tests is more than 1%");
    }
}
