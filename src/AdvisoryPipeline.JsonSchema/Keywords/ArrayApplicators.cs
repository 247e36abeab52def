using System.Text.Json;
using AdvisoryPipeline.JsonSchema.Evaluation;

namespace AdvisoryPipeline.JsonSchema.Keywords;

/// <summary><c>prefixItems</c> (draft-07: the array form of <c>items</c>): one schema per leading item.</summary>
internal sealed class PrefixItemsKeyword : Keyword
{
    private readonly SchemaNode[] _schemas;
    private readonly string[] _segments;

    public PrefixItemsKeyword(SchemaNode owner, SchemaNode[] schemas, string name = "prefixItems") : base(owner, name)
    {
        _schemas = schemas;
        _segments = new string[schemas.Length];
        for (var i = 0; i < schemas.Length; i++) _segments[i] = ChildSegment(i);
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array) return true;
        var valid = true;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (index == _schemas.Length) break;
            if (!context.ApplyToItem(this, _schemas[index], _segments[index], item, index))
            {
                valid = false;
                if (!context.CollectsErrors) return false;
            }
            index++;
        }
        evaluated?.MarkRange(0, index);
        return valid;
    }
}

/// <summary>
/// <c>items</c>: applies to every item after those covered by a sibling <c>prefixItems</c> (draft-07's
/// <c>additionalItems</c>: after those of an array <c>items</c>).
/// </summary>
internal sealed class ItemsKeyword(SchemaNode owner, SchemaNode schema, int firstIndex, string name = "items") : Keyword(owner, name)
{
    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array || schema.BooleanValue == true && evaluated is null) return true;
        var valid = true;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (index >= firstIndex && !context.ApplyToItem(this, schema, Segment, item, index))
            {
                valid = false;
                if (!context.CollectsErrors) return false;
            }
            index++;
        }
        if (valid) evaluated?.MarkAll();
        return valid;
    }
}

/// <summary><c>unevaluatedItems</c>: applies to items that no successful in-place subschema evaluated.</summary>
internal sealed class UnevaluatedItemsKeyword(SchemaNode owner, SchemaNode schema) : Keyword(owner, "unevaluatedItems")
{
    public override bool ReadsSiblingAnnotations => true;

    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array) return true;
        var valid = true;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (!evaluated!.IsMarked(index) && !context.ApplyToItem(this, schema, Segment, item, index))
            {
                valid = false;
                if (!context.CollectsErrors) return false;
            }
            index++;
        }
        if (valid) evaluated!.MarkAll();
        return valid;
    }
}

/// <summary><c>contains</c> with its <c>minContains</c> (default 1) and <c>maxContains</c>.</summary>
internal sealed class ContainsKeyword(SchemaNode owner, SchemaNode schema, long minContains, long? maxContains) : Keyword(owner, "contains")
{
    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array) return true;
        long matches = 0;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            context.PushInstance(InstanceSegment.Of(index));
            var matched = context.Probe(schema, Segment, item, null);
            context.PopInstance();
            if (matched)
            {
                matches++;
                evaluated?.Mark(index);
                // Without annotations to collect, the verdict is known as soon as a bound is settled.
                if (evaluated is null && maxContains is null && matches >= minContains) return true;
                if (evaluated is null && matches > maxContains) break;
            }
            index++;
        }
        if (matches >= minContains && (maxContains is null || matches <= maxContains)) return true;
        return context.CollectsErrors && context.Fail(this, instance, Message(matches));
    }

    private string Message(long matches)
    {
        if (matches < minContains)
            return matches == 0
                ? minContains == 1 ? "no item matches the \"contains\" schema" : $"no item matches the \"contains\" schema, at least {minContains} required"
                : $"only {matches} of the items match the \"contains\" schema, at least {minContains} required";
        return $"more than {maxContains} items match the \"contains\" schema, at most {maxContains} allowed";
    }
}
