using AdvisoryPipeline.JsonSchema;
using AdvisoryPipeline.JsonSchema.Evaluation;

namespace AdvisoryPipeline.Tests.JsonSchema;

/// <summary>
/// Where errors point, what they say, and how the best match is chosen (the best-match expectations agree with
/// Python jsonschema 4.26's best_match on the same schemas and instances).
/// </summary>
public sealed class ValidationErrorTests
{
    private static SchemaValidationResult Validate(string schema, string instance) =>
        CompiledSchema.Compile(SchemaJson.Parse(schema)).Validate(SchemaJson.Parse(instance));

    [Fact]
    public void Unexpected_property_is_reported_at_the_property()
    {
        var result = Validate("""{"properties": {"a": {}}, "additionalProperties": false}""", """{"a": 1, "b/c": 2, "d": 3}""");

        Assert.Equal(["/b~1c", "/d"], result.Errors.Select(e => e.InstanceLocation));
        Assert.All(result.Errors, e => Assert.Equal("additionalProperties", e.Keyword));
        Assert.Equal("property \"b/c\" is not allowed", result.Errors[0].Message);
        Assert.Equal("/additionalProperties", result.Errors[0].KeywordLocation);
    }

    [Fact]
    public void Keyword_location_follows_references_and_absolute_location_names_the_target()
    {
        var result = Validate(
            """{"$id": "https://example.com/s.json", "properties": {"n": {"$ref": "#/$defs/small"}}, "$defs": {"small": {"maximum": 3}}}""",
            """{"n": 4}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("/n", error.InstanceLocation);
        Assert.Equal("/properties/n/$ref/maximum", error.KeywordLocation);
        Assert.Equal("https://example.com/s.json#/$defs/small/maximum", error.AbsoluteKeywordLocation);
        Assert.Equal("4 is greater than the maximum 3", error.Message);
    }

    [Fact]
    public void Schema_without_absolute_base_has_no_absolute_keyword_location()
    {
        var error = Assert.Single(Validate("""{"type": "string"}""", "1").Errors);

        Assert.Null(error.AbsoluteKeywordLocation);
        Assert.Equal("expected a string but found a number (1)", error.Message);
    }

    [Fact]
    public void Every_error_is_reported_not_only_the_first()
    {
        var result = Validate("""{"required": ["a", "b"], "properties": {"c": {"minLength": 3}}}""", """{"c": "xy"}""");

        Assert.Equal(
            ["missing required property \"a\"", "missing required property \"b\"", "\"xy\" has 2 characters, at least 3 allowed"],
            result.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Title_is_the_innermost_titled_schema_on_the_evaluation_path()
    {
        var result = Validate(
            """{"title": "Root", "properties": {"a": {"$ref": "#/$defs/a"}, "b": {"title": "B rule", "type": "string"}}, "$defs": {"a": {"type": "string"}}}""",
            """{"a": 1, "b": 2}""");

        Assert.Equal(["Root", "B rule"], result.Errors.Select(e => e.SchemaTitle));
    }

    [Fact]
    public void AnyOf_failure_carries_the_errors_of_every_alternative()
    {
        var result = Validate("""{"anyOf": [{"type": "string"}, {"minimum": 10}]}""", "3");

        var error = Assert.Single(result.Errors);
        Assert.Equal("anyOf", error.Keyword);
        Assert.Equal(["/anyOf/0/type", "/anyOf/1/minimum"], error.Context.Select(e => e.KeywordLocation));
    }

    [Fact]
    public void OneOf_matching_twice_names_both_alternatives()
    {
        var error = Assert.Single(Validate("""{"oneOf": [{"type": "integer"}, {"minimum": 0}]}""", "3").Errors);

        Assert.Equal("a number (3) matches alternatives 0 and 1 of oneOf, but must match exactly one", error.Message);
        Assert.Empty(error.Context);
    }

    [Fact]
    public void Best_match_prefers_a_shallow_error_over_a_weak_one_at_the_same_place()
    {
        var result = Validate(
            """{"properties": {"a": {"anyOf": [{"type": "string"}, {"type": "integer"}], "minimum": 5}}}""",
            """{"a": 1.5}""");

        var best = result.BestMatch();

        Assert.NotNull(best);
        Assert.Equal("minimum", best.Keyword);
    }

    [Fact]
    public void Best_match_descends_into_the_alternative_whose_type_matches()
    {
        var result = Validate(
            """{"anyOf": [{"type": "string"}, {"type": "object", "required": ["name"]}]}""",
            """{"nam": "x"}""");

        var best = result.BestMatch();

        Assert.NotNull(best);
        Assert.Equal("required", best.Keyword);
        Assert.Equal("missing required property \"name\"", best.Message);
    }

    [Fact]
    public void Best_match_per_error_descends_each_top_level_error()
    {
        var result = Validate(
            """{"properties": {"a": {"oneOf": [{"type": "string", "pattern": "^x"}, {"type": "integer"}]}, "b": {"type": "string"}}}""",
            """{"a": "y", "b": 1}""");

        Assert.Equal(["pattern", "type"], result.BestMatchPerError().Select(e => e.Keyword));
        // Equally shallow errors: like Python jsonschema, the later sibling wins.
        Assert.Equal("/b", result.BestMatch()?.InstanceLocation);
    }

    [Fact]
    public void Valid_instance_has_no_errors_and_no_best_match()
    {
        var result = Validate("""{"type": "object"}""", "{}");

        Assert.True(result.IsValid);
        Assert.Null(result.BestMatch());
    }
}
