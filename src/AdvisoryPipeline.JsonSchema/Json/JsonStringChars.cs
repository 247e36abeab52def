using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace AdvisoryPipeline.JsonSchema.Json;

/// <summary>
/// The characters of a JSON string value or property name without allocating a <see cref="string"/>
/// in the common case (no escapes): the raw UTF-8 is transcoded into a caller-provided buffer,
/// or a pooled one when it does not fit. Dispose to return the pooled buffer.
/// </summary>
internal ref struct JsonStringChars
{
    private char[]? _rented;

    public ReadOnlySpan<char> Span { get; private set; }

    public static JsonStringChars Of(JsonElement value, Span<char> scratch)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var content = raw[1..^1];
        return content.IndexOf((byte)'\\') >= 0 ? FromString(value.GetString()!) : Transcode(content, scratch);
    }

    public static JsonStringChars OfName(JsonProperty property, Span<char> scratch)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.IndexOf((byte)'\\') >= 0 ? FromString(property.Name) : Transcode(raw, scratch);
    }

    public readonly void Dispose()
    {
        if (_rented is not null) ArrayPool<char>.Shared.Return(_rented);
    }

    private static JsonStringChars FromString(string value) => new() { Span = value };

    private static JsonStringChars Transcode(ReadOnlySpan<byte> utf8, Span<char> scratch)
    {
        var result = new JsonStringChars();
        var buffer = scratch;
        if (utf8.Length > scratch.Length)
        {
            result._rented = ArrayPool<char>.Shared.Rent(utf8.Length);
            buffer = result._rented;
        }
        var count = Encoding.UTF8.GetChars(utf8, buffer);
        result.Span = buffer[..count];
        return result;
    }
}

/// <summary>Unicode-aware measurements of JSON strings.</summary>
internal static class JsonStringLength
{
    /// <summary>Number of Unicode code points (what JSON Schema calls the length), not UTF-16 units.</summary>
    public static int CodePoints(JsonElement value)
    {
        var content = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        if (content.IndexOf((byte)'\\') < 0)
        {
            var count = 0;
            foreach (var b in content)
                if ((b & 0xC0) != 0x80) count++;
            return count;
        }
        var text = value.GetString()!;
        var points = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            points++;
        }
        return points;
    }
}
