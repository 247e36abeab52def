using System.Text.Json;
using AdvisoryPipeline.JsonSchema.Evaluation;
using AdvisoryPipeline.JsonSchema.Json;

namespace AdvisoryPipeline.JsonSchema.Keywords;

/// <summary>Base of allOf/anyOf/oneOf: a list of schemas applied to the same instance.</summary>
internal abstract class SchemaListKeyword : Keyword
{
    protected SchemaListKeyword(SchemaNode owner, string name, SchemaNode[] schemas) : base(owner, name)
    {
        Schemas = schemas;
        Segments = new string[schemas.Length];
        for (var i = 0; i < schemas.Length; i++) Segments[i] = ChildSegment(i);
    }

    protected SchemaNode[] Schemas { get; }

    protected string[] Segments { get; }
}

/// <summary><c>allOf</c>.</summary>
internal sealed class AllOfKeyword(SchemaNode owner, SchemaNode[] schemas) : SchemaListKeyword(owner, "allOf", schemas)
{
    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        var valid = true;
        for (var i = 0; i < Schemas.Length; i++)
        {
            if (context.Apply(Schemas[i], Segments[i], instance, evaluated)) continue;
            valid = false;
            if (!context.CollectsErrors) return false;
        }
        return valid;
    }
}

/// <summary><c>anyOf</c>.</summary>
internal sealed class AnyOfKeyword(SchemaNode owner, SchemaNode[] schemas) : SchemaListKeyword(owner, "anyOf", schemas)
{
    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        // Each alternative runs once; its errors are kept aside and only reported if every alternative fails.
        var alternativeErrors = context.CollectsErrors ? new List<SchemaError>() : null;
        var any = false;
        for (var i = 0; i < Schemas.Length; i++)
        {
            // Annotations must come from every valid alternative, so only stop early when nobody reads them.
            var branch = evaluated is null ? null : new EvaluatedMembers();
            if (!context.ApplyReportingTo(alternativeErrors, Schemas[i], Segments[i], instance, branch)) continue;
            any = true;
            if (branch is null) return true;
            evaluated!.MergeFrom(branch);
        }
        return any || (context.CollectsErrors && context.Fail(this, instance,
            $"{JsonValueText.Describe(instance)} does not match any of the {Schemas.Length} alternatives in anyOf",
            context: alternativeErrors));
    }
}

/// <summary><c>oneOf</c>.</summary>
internal sealed class OneOfKeyword(SchemaNode owner, SchemaNode[] schemas) : SchemaListKeyword(owner, "oneOf", schemas)
{
    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        var alternativeErrors = context.CollectsErrors ? new List<SchemaError>() : null;
        var first = -1;
        EvaluatedMembers? firstAnnotations = null;
        for (var i = 0; i < Schemas.Length; i++)
        {
            var branch = evaluated is null ? null : new EvaluatedMembers();
            if (!context.ApplyReportingTo(alternativeErrors, Schemas[i], Segments[i], instance, branch)) continue;
            if (first >= 0)
                return context.CollectsErrors && context.Fail(this, instance,
                    $"{JsonValueText.Describe(instance)} matches alternatives {first} and {i} of oneOf, but must match exactly one");
            first = i;
            firstAnnotations = branch;
        }
        if (first >= 0)
        {
            if (firstAnnotations is not null) evaluated!.MergeFrom(firstAnnotations);
            return true;
        }
        return context.CollectsErrors && context.Fail(this, instance,
            $"{JsonValueText.Describe(instance)} does not match any of the {Schemas.Length} alternatives in oneOf",
            context: alternativeErrors);
    }
}

/// <summary><c>not</c>.</summary>
internal sealed class NotKeyword(SchemaNode owner, SchemaNode schema) : Keyword(owner, "not")
{
    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated) =>
        !context.Probe(schema, Segment, instance, null)
        || (context.CollectsErrors && context.Fail(this, instance, $"{JsonValueText.Describe(instance)} must not match the schema in \"not\""));
}

/// <summary><c>if</c> with its sibling <c>then</c> and <c>else</c>.</summary>
internal sealed class IfThenElseKeyword(SchemaNode owner, SchemaNode condition, SchemaNode? then, SchemaNode? otherwise) : Keyword(owner, "if")
{
    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        var branch = evaluated is null ? null : new EvaluatedMembers();
        var holds = context.Probe(condition, Segment, instance, branch);
        if (holds && branch is not null) evaluated!.MergeFrom(branch);
        var consequence = holds ? then : otherwise;
        return consequence is null || context.Apply(consequence, holds ? "/then" : "/else", instance, evaluated);
    }
}

/// <summary><c>$ref</c>.</summary>
internal sealed class RefKeyword(SchemaNode owner, SchemaNode target) : Keyword(owner, "$ref")
{
    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated) =>
        context.Apply(target, Segment, instance, evaluated);
}

/// <summary>
/// <c>$dynamicRef</c>. When the statically resolved target declares the <c>$dynamicAnchor</c> named by the fragment,
/// the outermost resource in the dynamic scope that declares that anchor wins; otherwise it is a plain <c>$ref</c>.
/// </summary>
internal sealed class DynamicRefKeyword(SchemaNode owner, SchemaNode initialTarget, string? dynamicAnchor) : Keyword(owner, "$dynamicRef")
{
    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        var target = dynamicAnchor is null ? initialTarget : context.FindOutermostDynamicAnchor(dynamicAnchor) ?? initialTarget;
        return context.Apply(target, Segment, instance, evaluated);
    }
}
