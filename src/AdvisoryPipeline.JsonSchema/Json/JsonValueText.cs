using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AdvisoryPipeline.JsonSchema.Json;

/// <summary>Short, one-line renderings of JSON values for error messages.</summary>
internal static class JsonValueText
{
    private const int MaxPreview = 60;

    /// <summary>The value as JSON ("abc", 12, true, null), shortened; objects and arrays as "an object"/"an array".</summary>
    public static string Preview(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => Quote(value.GetString()!),
        _ => value.GetRawText(),
    };

    /// <summary>A JSON string literal for <paramref name="text"/>, shortened to one readable line.</summary>
    public static string Quote(string text)
    {
        var shortened = text.Length > MaxPreview ? text[..MaxPreview] + "..." : text;
        return "\"" + JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(shortened) + "\"";
    }

    /// <summary>Kind noun with article and the value when short: 'a number (12)', 'a string ("x")', 'an object'.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string (" + Preview(value) + ")",
        JsonValueKind.Number => "a number (" + Preview(value) + ")",
        JsonValueKind.True or JsonValueKind.False => "a boolean (" + Preview(value) + ")",
        _ => "null",
    };

    /// <summary>Compact JSON for a value listed in a message (enum members): strings bare when plain words.</summary>
    public static string Member(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) return Compact(value);
        var text = value.GetString()!;
        foreach (var c in text)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':' or '/'))
                return Quote(text);
        return text.Length == 0 ? "\"\"" : text;
    }

    private static string Compact(JsonElement value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            value.WriteTo(writer);
        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return text.Length > MaxPreview ? text[..MaxPreview] + "..." : text;
    }
}
