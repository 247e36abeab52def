using System.Text;
using System.Text.Json;
using AdvisoryPipeline.JsonSchema;

namespace AdvisoryPipeline.Loading;

/// <summary>
/// The values of a loaded document addressed by the pointers of its source map: record values by their own
/// pointers, the authoring block's under its key (<c>/pipeline/notes</c>).
/// </summary>
public static class DocumentValues
{
    private static string AuthoringKey => LoadOptions.Default.AuthoringBlockKey ?? "";

    /// <summary>The value at <paramref name="pointer"/>, or null when there is none.</summary>
    public static JsonElement? At(LoadedDocument document, string pointer)
    {
        var prefix = "/" + AuthoringKey;
        if (document.AuthoringBlock is { } block && (pointer == prefix || pointer.StartsWith(prefix + "/", StringComparison.Ordinal)))
            return Walk(block, pointer[prefix.Length..]);
        return document.Record is { } record ? Walk(record, pointer) : null;
    }

    /// <summary>Every scalar (string, number, boolean, null) of the record and the authoring block, with its pointer.</summary>
    public static IEnumerable<(string Pointer, JsonElement Value)> Scalars(LoadedDocument document)
    {
        var found = new List<(string, JsonElement)>();
        if (document.Record is { } record) Collect(record, new StringBuilder(), found);
        if (document.AuthoringBlock is { } block)
        {
            var pointer = new StringBuilder();
            JsonPointer.AppendTo(pointer, AuthoringKey);
            Collect(block, pointer, found);
        }
        return found;
    }

    /// <summary>Resolves an RFC 6901 pointer inside <paramref name="root"/>.</summary>
    public static JsonElement? Walk(JsonElement root, string pointer) =>
        JsonPointer.TryNavigate(root, pointer, out var target) ? target : null;

    /// <summary>The string at <paramref name="pointer"/> inside <paramref name="root"/>, or null.</summary>
    public static string? StringAt(JsonElement root, string pointer) =>
        Walk(root, pointer) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static void Collect(JsonElement element, StringBuilder pointer, List<(string, JsonElement)> found)
    {
        var length = pointer.Length;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    JsonPointer.AppendTo(pointer, property.Name);
                    Collect(property.Value, pointer, found);
                    pointer.Length = length;
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    JsonPointer.AppendTo(pointer, index++);
                    Collect(item, pointer, found);
                    pointer.Length = length;
                }
                break;
            default:
                found.Add((pointer.ToString(), element));
                break;
        }
    }
}
