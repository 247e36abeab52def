using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using AdvisoryPipeline.JsonSchema.Evaluation;
using AdvisoryPipeline.JsonSchema.Json;

namespace AdvisoryPipeline.JsonSchema.Keywords;

/// <summary>
/// Draft-07's <c>contentEncoding</c> (base64) and <c>contentMediaType</c> (application/json) as assertions on
/// strings, which draft-07 allows and its test suite expects; 2020-12 makes them annotations only. Other
/// encodings and media types are not checked.
/// </summary>
internal sealed class ContentKeyword(SchemaNode owner, string name, bool base64, bool json) : Keyword(owner, name)
{
    public override bool Evaluate(JsonElement instance, EvaluationContext context, EvaluatedMembers? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.String) return true;
        var text = instance.GetString()!;
        byte[] content;
        if (base64)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            if (!Base64.IsValid(bytes, out var length))
                return context.CollectsErrors && context.Fail(this, instance, $"{JsonValueText.Preview(instance)} is not base64");
            content = new byte[length];
            Convert.TryFromBase64String(text, content, out _);
        }
        else
        {
            content = Encoding.UTF8.GetBytes(text);
        }
        if (!json || IsJson(content)) return true;
        return context.CollectsErrors && context.Fail(this, instance, $"{JsonValueText.Preview(instance)} is not a JSON document");
    }

    private static bool IsJson(byte[] content)
    {
        try
        {
            using var _ = JsonDocument.Parse(content);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
