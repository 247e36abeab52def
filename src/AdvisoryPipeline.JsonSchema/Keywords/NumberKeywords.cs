using System.Runtime.InteropServices;
using System.Text.Json;
using AdvisoryPipeline.JsonSchema.Evaluation;
using AdvisoryPipeline.JsonSchema.Json;

namespace AdvisoryPipeline.JsonSchema.Keywords;

/// <summary>minimum, maximum, exclusiveMinimum, exclusiveMaximum: exact decimal comparison of the number texts.</summary>
internal sealed class NumberBoundKeyword : Keyword
{
    private readonly byte[] _limit;
    private readonly string _limitText;
    private readonly bool _isUpper, _isExclusive;

    public NumberBoundKeyword(SchemaNode owner, string name, JsonElement limit) : base(owner, name)
    {
        _limit = JsonMarshal.GetRawUtf8Value(limit).ToArray();
        _limitText = limit.GetRawText();
        _isUpper = name is "maximum" or "exclusiveMaximum";
        _isExclusive = name.StartsWith("exclusive", StringComparison.Ordinal);
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Number) return true;
        var comparison = JsonNumber.Compare(new JsonNumber(JsonMarshal.GetRawUtf8Value(instance)), new JsonNumber(_limit));
        if (_isUpper) comparison = -comparison;
        if (comparison > 0 || (comparison == 0 && !_isExclusive)) return true;
        return context.CollectsErrors && context.Fail(this, instance, Message(instance.GetRawText()));
    }

    private string Message(string value) => (_isUpper, _isExclusive) switch
    {
        (false, false) => $"{value} is less than the minimum {_limitText}",
        (false, true) => $"{value} is not greater than the exclusive minimum {_limitText}",
        (true, false) => $"{value} is greater than the maximum {_limitText}",
        (true, true) => $"{value} is not less than the exclusive maximum {_limitText}",
    };
}

/// <summary><c>multipleOf</c>, exact for any decimal text (no floating-point remainder surprises).</summary>
internal sealed class MultipleOfKeyword(SchemaNode owner, JsonElement divisor) : Keyword(owner, "multipleOf")
{
    private readonly byte[] _divisor = JsonMarshal.GetRawUtf8Value(divisor).ToArray();
    private readonly string _divisorText = divisor.GetRawText();

    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Number) return true;
        if (JsonNumber.IsMultipleOf(new JsonNumber(JsonMarshal.GetRawUtf8Value(instance)), new JsonNumber(_divisor))) return true;
        return context.CollectsErrors && context.Fail(this, instance, $"{instance.GetRawText()} is not a multiple of {_divisorText}");
    }
}
