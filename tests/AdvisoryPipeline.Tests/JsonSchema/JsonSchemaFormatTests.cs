using AdvisoryPipeline.JsonSchema;

namespace AdvisoryPipeline.Tests.JsonSchema;

/// <summary>
/// The suite's optional format tests (optional/format/*.json) for every format the validator asserts,
/// run with <see cref="SchemaOptions.AssertFormat"/> on.
/// </summary>
public sealed class JsonSchemaFormatTests
{
    /// <summary>Formats the validator accepts without checking; their suite files are not run.</summary>
    private static readonly HashSet<string> UncheckedFormats = new(StringComparer.Ordinal) { "idn-email", "idn-hostname" };

    /// <summary>Format tests we knowingly fail: "file | group / test" → reason.</summary>
    private static readonly Dictionary<string, string> Exclusions = new(StringComparer.Ordinal);

    public static IEnumerable<object[]> FormatCases() =>
        SchemaTestSuite.Cases("optional/format", file => !UncheckedFormats.Contains(Path.GetFileNameWithoutExtension(file)), Exclusions);

    [Theory]
    [MemberData(nameof(FormatCases))]
    public void Format_case_gives_the_expected_verdict(string file, int group, int test, string description)
    {
        var (schema, data, expected) = SchemaTestSuite.Case(file, group, test);
        var compiled = CompiledSchema.Compile(schema, new SchemaOptions { AssertFormat = true, Resolver = SchemaTestSuite.Remotes });

        Assert.True(expected == compiled.IsValid(data), $"{file}: {description}: expected valid={expected} for {data.GetRawText()}");
    }
}
