using System.Text.Json.Nodes;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Editing;

/// <summary>Reads and replaces values of a mutable JSON tree by RFC 6901 pointer.</summary>
internal static class JsonNodePointer
{
    public static JsonNode? Get(JsonNode? root, string pointer)
    {
        var current = root;
        if (pointer.Length == 0) return current;
        foreach (var raw in pointer[1..].Split('/'))
        {
            if (JsonPointerText.Unescape(raw) is not { } segment) return null;
            current = current switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (current is null) return null;
        }
        return current;
    }

    /// <summary>Replaces the existing value at <paramref name="pointer"/>; false when there is none.</summary>
    public static bool Replace(JsonNode root, string pointer, JsonNode? value)
    {
        if (pointer.Length == 0) return false;
        var slash = pointer.LastIndexOf('/');
        var parent = Get(root, pointer[..slash]);
        if (JsonPointerText.Unescape(pointer.AsSpan(slash + 1)) is not { } last) return false;
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                obj[last] = value;
                return true;
            case JsonArray array when int.TryParse(last, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count:
                array[index] = value;
                return true;
            default:
                return false;
        }
    }
}
