using System.Text.Json;
using AdvisoryPipeline.JsonSchema.Evaluation;
using AdvisoryPipeline.JsonSchema.Json;

namespace AdvisoryPipeline.JsonSchema.Keywords;

/// <summary>The size limits: minLength/maxLength (code points), minItems/maxItems, minProperties/maxProperties.</summary>
internal sealed class SizeLimitKeyword : Keyword
{
    private readonly long _limit;
    private readonly bool _isMaximum;
    private readonly JsonValueKind _appliesTo;

    public SizeLimitKeyword(SchemaNode owner, string name, long limit) : base(owner, name)
    {
        _limit = limit;
        _isMaximum = name.StartsWith("max", StringComparison.Ordinal);
        _appliesTo = name.EndsWith("Length", StringComparison.Ordinal) ? JsonValueKind.String
            : name.EndsWith("Items", StringComparison.Ordinal) ? JsonValueKind.Array
            : JsonValueKind.Object;
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != _appliesTo) return true;
        long size = _appliesTo switch
        {
            JsonValueKind.String => JsonStringLength.CodePoints(instance),
            JsonValueKind.Array => instance.GetArrayLength(),
            _ => instance.GetPropertyCount(),
        };
        if (_isMaximum ? size <= _limit : size >= _limit) return true;
        return context.CollectsErrors && context.Fail(this, instance, Message(instance, size));
    }

    private string Message(JsonElement instance, long size)
    {
        var bound = _isMaximum ? "at most" : "at least";
        return _appliesTo switch
        {
            JsonValueKind.String => $"{JsonValueText.Preview(instance)} has {Count(size, "character")}, {bound} {_limit} allowed",
            JsonValueKind.Array => $"the array has {Count(size, "item")}, {bound} {_limit} allowed",
            _ => $"the object has {Count(size, "property", "properties")}, {bound} {_limit} allowed",
        };
    }

    private static string Count(long n, string singular, string? plural = null) =>
        n + " " + (n == 1 ? singular : plural ?? singular + "s");
}

/// <summary><c>uniqueItems</c>.</summary>
internal sealed class UniqueItemsKeyword(SchemaNode owner) : Keyword(owner, "uniqueItems")
{
    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array) return true;
        var length = instance.GetArrayLength();
        for (var i = 1; i < length; i++)
        {
            var item = instance[i];
            for (var j = 0; j < i; j++)
                if (JsonElement.DeepEquals(instance[j], item))
                    return context.CollectsErrors && context.Fail(this, instance, $"items {j} and {i} are equal, but items must be unique");
        }
        return true;
    }
}

/// <summary><c>required</c>.</summary>
internal sealed class RequiredKeyword(SchemaNode owner, string[] names) : Keyword(owner, "required")
{
    private readonly byte[][] _utf8Names = Array.ConvertAll(names, System.Text.Encoding.UTF8.GetBytes);

    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var valid = true;
        for (var i = 0; i < names.Length; i++)
        {
            if (instance.TryGetProperty(_utf8Names[i], out _)) continue;
            valid = false;
            if (!context.CollectsErrors) break;
            context.Fail(this, instance, $"missing required property {JsonValueText.Quote(names[i])}");
        }
        return valid;
    }
}

/// <summary><c>dependentRequired</c>: when a property is present, others must be too.</summary>
internal sealed class DependentRequiredKeyword : Keyword
{
    private readonly (string Name, byte[] Utf8)[] _triggers;
    private readonly (string Name, byte[] Utf8)[][] _required;

    public DependentRequiredKeyword(SchemaNode owner, IReadOnlyList<(string Property, string[] Required)> rules, string name = "dependentRequired")
        : base(owner, name)
    {
        _triggers = new (string, byte[])[rules.Count];
        _required = new (string, byte[])[rules.Count][];
        for (var i = 0; i < rules.Count; i++)
        {
            _triggers[i] = (rules[i].Property, System.Text.Encoding.UTF8.GetBytes(rules[i].Property));
            _required[i] = Array.ConvertAll(rules[i].Required, n => (n, System.Text.Encoding.UTF8.GetBytes(n)));
        }
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object) return true;
        var valid = true;
        for (var i = 0; i < _triggers.Length; i++)
        {
            if (!instance.TryGetProperty(_triggers[i].Utf8, out _)) continue;
            foreach (var (name, utf8) in _required[i])
            {
                if (instance.TryGetProperty(utf8, out _)) continue;
                if (!context.CollectsErrors) return false;
                valid = context.Fail(this, instance,
                    $"missing property {JsonValueText.Quote(name)}, required when {JsonValueText.Quote(_triggers[i].Name)} is present",
                    "/" + JsonPointer.Escape(_triggers[i].Name));
            }
        }
        return valid;
    }
}
