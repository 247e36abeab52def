using AdvisoryPipeline.JsonSchema;

namespace AdvisoryPipeline.Tests.JsonSchema;

/// <summary>Assertion semantics that .NET would get wrong by default: numbers, code points, ECMA-262 regexes.</summary>
public sealed class KeywordSemanticsTests
{
    private static bool IsValid(string schema, string instance, bool assertFormat = false) =>
        CompiledSchema.Compile(SchemaJson.Parse(schema), new SchemaOptions { AssertFormat = assertFormat }).IsValid(SchemaJson.Parse(instance));

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("1e2", true)]
    [InlineData("1.5", false)]
    [InlineData("123456789012345678901234567890", true)]
    [InlineData("1.0000000000000000000001", false)]
    public void Integer_is_a_number_without_fraction(string instance, bool valid) =>
        Assert.Equal(valid, IsValid("""{"type": "integer"}""", instance));

    [Theory]
    [InlineData("0.3", "0.1", true)]
    [InlineData("4.5", "1.5", true)]
    [InlineData("0.35", "0.1", false)]
    [InlineData("1e308", "0.123456789", false)]
    [InlineData("12391239123", "1e-8", true)]
    [InlineData("1e-400", "1e-401", true)]
    public void MultipleOf_is_exact_decimal_arithmetic(string instance, string divisor, bool valid) =>
        Assert.Equal(valid, IsValid($$"""{"multipleOf": {{divisor}}}""", instance));

    [Theory]
    [InlineData("""{"maximum": 18446744073709551615}""", "18446744073709551616", false)]
    [InlineData("""{"exclusiveMinimum": 0.1}""", "0.1000000000000000000001", true)]
    [InlineData("""{"const": 1}""", "1.0", true)]
    [InlineData("""{"enum": [{"a": [1, 2]}]}""", """{"a": [1.0, 2e0]}""", true)]
    [InlineData("""{"uniqueItems": true}""", "[1, 1.0]", false)]
    public void Numbers_compare_by_value(string schema, string instance, bool valid) =>
        Assert.Equal(valid, IsValid(schema, instance));

    [Theory]
    [InlineData("\"\\ud83d\\udc32\\ud83d\\udc32\"", true)]
    [InlineData("\"\u00e9\u00e9\"", true)]
    [InlineData("\"abc\"", false)]
    public void String_length_counts_code_points(string instance, bool valid) =>
        Assert.Equal(valid, IsValid("""{"maxLength": 2}""", instance));

    [Theory]
    [InlineData("""^\\d$""", "\"\u0664\"", false)]
    [InlineData("""^\\w$""", "\"\u00e9\"", false)]
    [InlineData("""^\\s$""", "\"\\ufeff\"", true)]
    [InlineData("""^a$""", "\"a\\n\"", false)]
    [InlineData("""^.$""", "\"\\u2028\"", false)]
    [InlineData("""^[^\\d]$""", "\"x\"", true)]
    [InlineData("""^\\p{Letter}+$""", "\"\u00e9t\u00e9\"", true)]
    [InlineData("""^\ud83d\udc32*$""", "\"\ud83d\udc32\ud83d\udc32\"", true)]
    [InlineData("""es""", "\"test\"", true)]
    public void Pattern_has_ECMA_262_semantics(string pattern, string instance, bool valid) =>
        Assert.Equal(valid, IsValid($$"""{"pattern": "{{pattern}}"}""", instance));

    [Theory]
    [InlineData("date-time", "\"1998-12-31T23:59:60Z\"", true)]
    [InlineData("date-time", "\"1998-12-31T22:59:60Z\"", false)]
    [InlineData("date", "\"2021-02-29\"", false)]
    [InlineData("uri", "\"https://example.com/a?b#c\"", true)]
    [InlineData("uri", "\"/relative\"", false)]
    [InlineData("email", "\"joe..bloggs@example.com\"", false)]
    [InlineData("regex", "\"^\\\\a\"", false)]
    [InlineData("no-such-format", "\"anything\"", true)]
    public void Formats_are_asserted_only_when_asked(string format, string instance, bool validWhenAsserted)
    {
        var schema = $$"""{"format": "{{format}}"}""";

        Assert.True(IsValid(schema, instance));
        Assert.Equal(validWhenAsserted, IsValid(schema, instance, assertFormat: true));
    }

    [Fact]
    public void Unevaluated_properties_see_annotations_through_references_but_not_failed_branches()
    {
        const string schema = """
            {"$ref": "#/$defs/base", "anyOf": [{"properties": {"x": {"const": 1}}, "required": ["x"]}, {"properties": {"y": true}}],
             "unevaluatedProperties": false, "$defs": {"base": {"properties": {"id": true}}}}
            """;

        Assert.True(IsValid(schema, """{"id": 1, "x": 1, "y": 2}"""));
        Assert.False(IsValid(schema, """{"id": 1, "x": 2}"""));
        Assert.False(IsValid(schema, """{"id": 1, "z": 2}"""));
    }
}
