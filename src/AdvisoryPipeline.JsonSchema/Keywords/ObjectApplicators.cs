using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using AdvisoryPipeline.JsonSchema.Evaluation;
using AdvisoryPipeline.JsonSchema.Json;

namespace AdvisoryPipeline.JsonSchema.Keywords;

/// <summary><c>properties</c>.</summary>
internal sealed class PropertiesKeyword : Keyword
{
    private readonly PropertyNameTable _names;
    private readonly SchemaNode[] _schemas;
    private readonly string[] _segments;

    public PropertiesKeyword(SchemaNode owner, IReadOnlyList<string> names, SchemaNode[] schemas) : base(owner, "properties")
    {
        _names = new PropertyNameTable(names);
        _schemas = schemas;
        _segments = names.Select(ChildSegment).ToArray();
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var valid = true;
        var position = 0;
        Span<char> scratch = stackalloc char[128];
        foreach (var property in instance.EnumerateObject())
        {
            int index;
            bool declared;
            using (var name = JsonStringChars.OfName(property, scratch))
                declared = _names.TryFind(name.Span, out index);
            if (declared)
            {
                evaluated?.Mark(position);
                if (!context.ApplyToProperty(this, _schemas[index], _segments[index], property))
                {
                    valid = false;
                    if (!context.CollectsErrors) return false;
                }
            }
            position++;
        }
        return valid;
    }
}

/// <summary><c>patternProperties</c>.</summary>
internal sealed class PatternPropertiesKeyword : Keyword
{
    private readonly SchemaNode[] _schemas;
    private readonly string[] _segments;

    public PatternPropertiesKeyword(SchemaNode owner, IReadOnlyList<string> sources, Regex[] patterns, SchemaNode[] schemas) : base(owner, "patternProperties")
    {
        _patterns = patterns;
        _schemas = schemas;
        _segments = sources.Select(ChildSegment).ToArray();
    }

    private readonly Regex[] _patterns;

    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var valid = true;
        var position = 0;
        Span<char> scratch = stackalloc char[128];
        foreach (var property in instance.EnumerateObject())
        {
            using var name = JsonStringChars.OfName(property, scratch);
            for (var i = 0; i < _patterns.Length; i++)
            {
                if (!_patterns[i].IsMatch(name.Span)) continue;
                evaluated?.Mark(position);
                if (context.ApplyToProperty(this, _schemas[i], _segments[i], property)) continue;
                valid = false;
                if (!context.CollectsErrors) return false;
            }
            position++;
        }
        return valid;
    }
}

/// <summary><c>additionalProperties</c>: applies to properties matched by neither sibling <c>properties</c> nor <c>patternProperties</c>.</summary>
internal sealed class AdditionalPropertiesKeyword(SchemaNode owner, SchemaNode schema, PropertyNameTable? declared, Regex[] patterns)
    : Keyword(owner, "additionalProperties")
{
    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var valid = true;
        Span<char> scratch = stackalloc char[128];
        foreach (var property in instance.EnumerateObject())
        {
            bool covered;
            using (var name = JsonStringChars.OfName(property, scratch))
                covered = IsCovered(name.Span);
            if (covered || context.ApplyToProperty(this, schema, Segment, property)) continue;
            valid = false;
            if (!context.CollectsErrors) return false;
        }
        if (valid) evaluated?.MarkAll();
        return valid;
    }

    private bool IsCovered(ReadOnlySpan<char> name)
    {
        if (declared is not null && declared.TryFind(name, out _)) return true;
        foreach (var pattern in patterns)
            if (pattern.IsMatch(name)) return true;
        return false;
    }
}

/// <summary><c>unevaluatedProperties</c>: applies to properties that no successful in-place subschema evaluated.</summary>
internal sealed class UnevaluatedPropertiesKeyword(SchemaNode owner, SchemaNode schema) : Keyword(owner, "unevaluatedProperties")
{
    public override bool ReadsSiblingAnnotations => true;

    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var valid = true;
        var position = 0;
        foreach (var property in instance.EnumerateObject())
        {
            if (!evaluated!.IsMarked(position) && !context.ApplyToProperty(this, schema, Segment, property))
            {
                valid = false;
                if (!context.CollectsErrors) return false;
            }
            position++;
        }
        if (valid) evaluated!.MarkAll();
        return valid;
    }
}

/// <summary><c>propertyNames</c>: every property name, as a JSON string, must satisfy the schema.</summary>
internal sealed class PropertyNamesKeyword(SchemaNode owner, SchemaNode schema) : Keyword(owner, "propertyNames")
{
    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object || schema.BooleanValue == true) return true;
        var valid = true;
        foreach (var property in instance.EnumerateObject())
        {
            context.PushInstance(InstanceSegment.Of(property));
            var nameValid = schema.IsFalse
                ? context.CollectsErrors && context.Fail(this, instance, $"property {JsonValueText.Quote(property.Name)} is not allowed")
                : context.Apply(schema, Segment, NameAsJson(property), null);
            context.PopInstance();
            if (nameValid) continue;
            valid = false;
            if (!context.CollectsErrors) return false;
        }
        return valid;
    }

    private static JsonElement NameAsJson(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        var quoted = new byte[raw.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        raw.CopyTo(quoted.AsSpan(1));
        return JsonElement.Parse(quoted);
    }
}

/// <summary><c>dependentSchemas</c>: when a property is present, the whole object must satisfy a schema.</summary>
internal sealed class DependentSchemasKeyword : Keyword
{
    private readonly byte[][] _utf8Names;
    private readonly SchemaNode[] _schemas;
    private readonly string[] _segments;

    public DependentSchemasKeyword(SchemaNode owner, IReadOnlyList<string> names, SchemaNode[] schemas, string name = "dependentSchemas")
        : base(owner, name)
    {
        _utf8Names = names.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        _schemas = schemas;
        _segments = names.Select(ChildSegment).ToArray();
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var valid = true;
        for (var i = 0; i < _schemas.Length; i++)
        {
            if (!instance.TryGetProperty(_utf8Names[i], out _) || context.Apply(_schemas[i], _segments[i], instance, evaluated)) continue;
            valid = false;
            if (!context.CollectsErrors) return false;
        }
        return valid;
    }
}
