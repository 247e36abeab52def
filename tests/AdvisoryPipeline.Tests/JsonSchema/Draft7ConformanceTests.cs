using AdvisoryPipeline.JsonSchema;

namespace AdvisoryPipeline.Tests.JsonSchema;

/// <summary>
/// Every test of the official JSON Schema Test Suite for draft-07 (tests/draft7: the required ones, optional/
/// and optional/format/), read with draft-07 as the default dialect, as the CVE record schema is. Remote
/// references resolve to the suite's remotes/ folder.
/// </summary>
public sealed class Draft7ConformanceTests
{
    /// <summary>Formats the validator accepts without checking (as for 2020-12); their suite files are not run.</summary>
    private static readonly HashSet<string> UncheckedFormats = new(StringComparer.Ordinal) { "idn-email", "idn-hostname" };

    /// <summary>Draft-07 tests we knowingly fail: "file | group / test" → reason. Empty: every test passes.</summary>
    private static readonly Dictionary<string, string> Exclusions = new(StringComparer.Ordinal);

    public static IEnumerable<object[]> RequiredCases() => SchemaTestSuite.Cases(".", _ => true, Exclusions, SchemaTestSuite.Draft7);

    public static IEnumerable<object[]> OptionalCases() => SchemaTestSuite.Cases("optional", _ => true, Exclusions, SchemaTestSuite.Draft7);

    public static IEnumerable<object[]> FormatCases() => SchemaTestSuite.Cases(
        "optional/format", file => !UncheckedFormats.Contains(Path.GetFileNameWithoutExtension(file)), Exclusions, SchemaTestSuite.Draft7);

    [Theory]
    [MemberData(nameof(RequiredCases))]
    public void Required_case_gives_the_expected_verdict(string file, int group, int test, string description)
    {
        var (schema, data, expected) = SchemaTestSuite.Case(file, group, test, SchemaTestSuite.Draft7);
        var compiled = CompiledSchema.Compile(schema, Options(assertFormat: false));

        var result = compiled.Validate(data);

        Assert.True(expected == compiled.IsValid(data), $"{file}: {description}: IsValid should be {expected}");
        Assert.Equal(expected, result.IsValid);
        Assert.Equal(expected, result.Errors.Count == 0);
    }

    [Theory]
    [MemberData(nameof(OptionalCases))]
    public void Optional_case_gives_the_expected_verdict(string file, int group, int test, string description)
    {
        var (schema, data, expected) = SchemaTestSuite.Case(file, group, test, SchemaTestSuite.Draft7);
        var compiled = CompiledSchema.Compile(schema, Options(assertFormat: false));
        Assert.True(expected == compiled.IsValid(data), $"{file}: {description}: expected valid={expected} for {data.GetRawText()}");
    }

    [Theory]
    [MemberData(nameof(FormatCases))]
    public void Format_case_gives_the_expected_verdict(string file, int group, int test, string description)
    {
        var (schema, data, expected) = SchemaTestSuite.Case(file, group, test, SchemaTestSuite.Draft7);
        var compiled = CompiledSchema.Compile(schema, Options(assertFormat: true));
        Assert.True(expected == compiled.IsValid(data), $"{file}: {description}: expected valid={expected} for {data.GetRawText()}");
    }

    [Fact]
    public void Every_draft7_test_is_run()
    {
        Assert.Empty(Exclusions);
        var run = RequiredCases().Count() + OptionalCases().Count() + FormatCases().Count();
        var notRun = UncheckedFormats.Sum(format => SchemaTestSuite.AllKeys("optional/format", SchemaTestSuite.Draft7)
            .Count(key => key.StartsWith("optional/format/" + format + ".json |", StringComparison.Ordinal)));
        var all = new[] { ".", "optional", "optional/format" }.Sum(folder => SchemaTestSuite.AllKeys(folder, SchemaTestSuite.Draft7).Count());
        Assert.Equal(all, run + notRun);
    }

    [Fact]
    public void A_schema_that_declares_draft7_is_read_as_draft7_whatever_the_default()
    {
        using var schema = System.Text.Json.JsonDocument.Parse("""
            { "$schema": "http://json-schema.org/draft-07/schema#", "items": [{ "type": "integer" }], "additionalItems": false }
            """);
        var compiled = CompiledSchema.Compile(schema.RootElement);
        using var twoItems = System.Text.Json.JsonDocument.Parse("[1, 2]");
        using var oneItem = System.Text.Json.JsonDocument.Parse("[1]");

        Assert.False(compiled.IsValid(twoItems.RootElement));
        Assert.True(compiled.IsValid(oneItem.RootElement));
    }

    private static SchemaOptions Options(bool assertFormat) =>
        new() { Resolver = SchemaTestSuite.Remotes, AssertFormat = assertFormat, DefaultDialect = SchemaDialect.Draft7 };
}
