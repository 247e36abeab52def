using AdvisoryPipeline.JsonSchema;

namespace AdvisoryPipeline.Tests.JsonSchema;

/// <summary>One compiled schema validating many instances on many threads gives the same answers as one thread.</summary>
public sealed class ConcurrentValidationTests
{
    [Fact]
    public void Parallel_validation_gives_the_same_results_as_sequential()
    {
        // $dynamicRef, unevaluatedProperties and oneOf exercise every piece of per-validation state.
        var schema = CompiledSchema.Compile(SchemaJson.Parse("""
            {"$id": "https://example.com/tree", "$dynamicAnchor": "node", "type": "object",
             "properties": {"value": {"oneOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": "^[a-z]+$"}]},
                            "children": {"type": "array", "items": {"$dynamicRef": "#node"}}},
             "unevaluatedProperties": false}
            """));
        var instances = Enumerable.Range(0, 400).Select(i => SchemaJson.Parse(Tree(i, depth: 3))).ToArray();
        var sequential = instances.Select(i => Describe(schema.Validate(i))).ToArray();

        var parallel = new string[instances.Length];
        Parallel.For(0, instances.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            var i = k % instances.Length;
            var described = Describe(schema.Validate(instances[i]));
            Assert.Equal(schema.IsValid(instances[i]), described.Length == 0);
            parallel[i] = described;
        });

        Assert.Equal(sequential, parallel);
        Assert.Contains(sequential, s => s.Length == 0);
        Assert.Contains(sequential, s => s.Length > 0);
    }

    private static string Tree(int seed, int depth)
    {
        // Trees from even seeds are valid throughout; odd seeds mix in every kind of failure.
        var value = seed % 2 == 0 ? "\"abc\"" : (seed % 5) switch { 0 => "-1", 1 => "\"abc\"", 2 => "\"ABC\"", 3 => "7", _ => "true" };
        var extra = seed % 14 == 7 ? ", \"extra\": 1" : "";
        var children = depth == 0 ? "" : $", \"children\": [{Tree(seed + 2, depth - 1)}, {Tree(seed + 4, depth - 1)}]";
        return $$"""{"value": {{value}}{{extra}}{{children}}}""";
    }

    private static string Describe(SchemaValidationResult result) =>
        string.Join("\n", result.Errors.Select(e => $"{e.InstanceLocation} {e.KeywordLocation} {e.Message} [{string.Join(";", e.Context.Select(c => c.KeywordLocation))}]"));
}
