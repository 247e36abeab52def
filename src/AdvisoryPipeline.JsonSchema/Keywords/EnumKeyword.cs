using System.Text;
using System.Text.Json;
using AdvisoryPipeline.JsonSchema.Evaluation;
using AdvisoryPipeline.JsonSchema.Json;

namespace AdvisoryPipeline.JsonSchema.Keywords;

/// <summary><c>enum</c>: the instance equals one of the listed values (JSON equality: 1 equals 1.0).</summary>
internal sealed class EnumKeyword : Keyword
{
    private const int MembersInMessage = 12;
    private readonly JsonElement[] _values;
    private readonly byte[]?[] _utf8Strings;

    public EnumKeyword(SchemaNode owner, JsonElement[] values) : base(owner, "enum")
    {
        _values = values;
        _utf8Strings = Array.ConvertAll(values, v => v.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(v.GetString()!) : null);
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        for (var i = 0; i < _values.Length; i++)
            if (JsonEquality.Equal(instance, _values[i], _utf8Strings[i])) return true;
        return context.CollectsErrors && context.Fail(this, instance, $"{JsonValueText.Preview(instance)} is not one of {ListMembers()}");
    }

    private string ListMembers()
    {
        var shown = _values.Take(MembersInMessage).Select(JsonValueText.Member);
        var more = _values.Length - MembersInMessage;
        return string.Join(", ", shown) + (more > 0 ? $", ... ({more} more)" : "");
    }
}

/// <summary><c>const</c>: the instance equals the value (JSON equality).</summary>
internal sealed class ConstKeyword : Keyword
{
    private readonly JsonElement _value;
    private readonly byte[]? _utf8String;

    public ConstKeyword(SchemaNode owner, JsonElement value) : base(owner, "const")
    {
        _value = value;
        _utf8String = value.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(value.GetString()!) : null;
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated) =>
        JsonEquality.Equal(instance, _value, _utf8String)
        || (context.CollectsErrors && context.Fail(this, instance, $"expected {JsonValueText.Member(_value)} but found {JsonValueText.Preview(instance)}"));
}

/// <summary>JSON value equality as JSON Schema defines it: numbers by mathematical value, objects regardless of member order.</summary>
internal static class JsonEquality
{
    /// <param name="utf8String">The UTF-8 bytes of <paramref name="expected"/> when it is a string, for a non-allocating comparison.</param>
    public static bool Equal(JsonElement instance, JsonElement expected, byte[]? utf8String) =>
        utf8String is null
            ? JsonElement.DeepEquals(instance, expected)
            : instance.ValueKind == JsonValueKind.String && instance.ValueEquals(utf8String);
}
