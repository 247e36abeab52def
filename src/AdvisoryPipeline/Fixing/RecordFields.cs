using System.Text.Json;

namespace AdvisoryPipeline.Fixing;

/// <summary>
/// Tolerant reads of a record that has not been validated yet: a field of the wrong type reads as absent,
/// so that a fix rule only acts on what it understands and validation reports the rest.
/// </summary>
internal static class RecordFields
{
    public static IEnumerable<(int Index, JsonElement Item)> Items(JsonElement parent, string property)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array)
            yield break;
        var index = 0;
        foreach (var item in list.EnumerateArray()) yield return (index++, item);
    }

    public static string? Text(JsonElement parent, string property) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement? Object(JsonElement parent, string property) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;
}
