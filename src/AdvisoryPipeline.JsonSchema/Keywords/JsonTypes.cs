using System.Runtime.InteropServices;
using System.Text.Json;
using AdvisoryPipeline.JsonSchema.Evaluation;
using AdvisoryPipeline.JsonSchema.Json;

namespace AdvisoryPipeline.JsonSchema.Keywords;

/// <summary>The JSON Schema primitive types, as flags so that a <c>type</c> array is one value.</summary>
[Flags]
internal enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    String = 32,
    Integer = 64,
}

internal static class JsonTypeNames
{
    public static bool TryParse(string name, out JsonTypes type)
    {
        type = name switch
        {
            "null" => JsonTypes.Null,
            "boolean" => JsonTypes.Boolean,
            "object" => JsonTypes.Object,
            "array" => JsonTypes.Array,
            "number" => JsonTypes.Number,
            "string" => JsonTypes.String,
            "integer" => JsonTypes.Integer,
            _ => JsonTypes.None,
        };
        return type != JsonTypes.None;
    }

    /// <summary>Whether the instance is of one of <paramref name="types"/>; an integer is any number without fraction (1.0 included).</summary>
    public static bool Matches(JsonTypes types, JsonElement instance) => instance.ValueKind switch
    {
        JsonValueKind.Object => (types & JsonTypes.Object) != 0,
        JsonValueKind.Array => (types & JsonTypes.Array) != 0,
        JsonValueKind.String => (types & JsonTypes.String) != 0,
        JsonValueKind.True or JsonValueKind.False => (types & JsonTypes.Boolean) != 0,
        JsonValueKind.Null => (types & JsonTypes.Null) != 0,
        JsonValueKind.Number => (types & JsonTypes.Number) != 0
            || ((types & JsonTypes.Integer) != 0 && new JsonNumber(JsonMarshal.GetRawUtf8Value(instance)).IsInteger),
        _ => false,
    };

    /// <summary>"an object or a boolean".</summary>
    public static string Describe(JsonTypes types)
    {
        var names = new List<string>();
        foreach (var (flag, noun) in Nouns)
            if ((types & flag) != 0) names.Add(noun);
        return names.Count switch
        {
            0 => "nothing",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1],
        };
    }

    private static readonly (JsonTypes Flag, string Noun)[] Nouns =
    [
        (JsonTypes.Object, "an object"), (JsonTypes.Array, "an array"), (JsonTypes.String, "a string"),
        (JsonTypes.Integer, "an integer"), (JsonTypes.Number, "a number"), (JsonTypes.Boolean, "a boolean"),
        (JsonTypes.Null, "null"),
    ];
}

/// <summary><c>type</c>.</summary>
internal sealed class TypeKeyword(SchemaNode owner, JsonTypes types) : Keyword(owner, "type")
{
    public bool Accepts(JsonElement instance) => JsonTypeNames.Matches(types, instance);

    public override bool? AcceptsTypeOf(JsonElement instance) => Accepts(instance);

    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated) =>
        Accepts(instance) || (context.CollectsErrors && context.Fail(this, instance,
            $"expected {JsonTypeNames.Describe(types)} but found {JsonValueText.Describe(instance)}"));
}
