using System.Text.Json;
using AdvisoryPipeline.JsonSchema;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// What the schema declares at the place of a <see cref="SchemaError"/>: the property names of the schema object
/// that holds the failed keyword, and the values an <c>enum</c> or <c>const</c> allows. Messages take their
/// "did you mean" candidates and their lists of allowed keys and values from here, so they always match the schema
/// the record was validated against (the embedded one or <c>--schema FILE</c>).
/// </summary>
/// <remarks>
/// The place is the error's absolute keyword location (<c>…osv-schema.json#/$defs/package/required</c>), whose
/// fragment is a JSON pointer into the schema document; without an absolute location (a schema with no <c>$id</c>),
/// the evaluation path is followed from the root through its local <c>$ref</c>s. A place in another document (a
/// remote <c>$ref</c>) or an embedded resource with its own <c>$id</c> is not resolved: no suggestion then, never a
/// wrong one, since a resolved place must hold the keyword that failed.
/// </remarks>
internal sealed class SchemaDeclarations
{
    /// <summary>How many <c>$ref</c>s and combinators are followed when property names are gathered.</summary>
    private const int MaxDepth = 8;

    private readonly JsonElement _root;
    private readonly Lazy<HashSet<string>> _everyPropertyName;

    private SchemaDeclarations(JsonElement root)
    {
        _root = root;
        _everyPropertyName = new Lazy<HashSet<string>>(() =>
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            CollectPropertyNames(_root, names);
            return names;
        });
    }

    /// <param name="schema">The schema document as compiled; it is copied.</param>
    public static SchemaDeclarations Of(JsonElement schema) => new(schema.Clone());

    /// <summary>The schema object that holds the keyword of <paramref name="error"/>, or null when it cannot be found.</summary>
    public JsonElement? OwnerOf(SchemaError error)
    {
        var path = error.AbsoluteKeywordLocation is { } absolute && absolute.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0
            ? Navigate(absolute[(hash + 1)..])
            : Follow(error.KeywordLocation);
        return path is { } found && found.Keyword == error.Keyword ? found.Owner : null;
    }

    /// <summary>
    /// The property names a schema object declares, in the schema's order: its <c>properties</c>, and those of the
    /// schemas it applies to the same instance (<c>$ref</c>, <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c>, <c>then</c>,
    /// <c>else</c>), such as the four event kinds of OSV's <c>oneOf</c>.
    /// </summary>
    public IReadOnlyList<string> PropertyNames(JsonElement schemaObject)
    {
        var names = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Gather(schemaObject, names, visited, MaxDepth);
        return names;
    }

    /// <summary>The string values of the <c>enum</c> or <c>const</c> that <paramref name="error"/> failed; empty otherwise.</summary>
    public IReadOnlyList<string> AllowedValues(SchemaError error)
    {
        if (error.Keyword is not ("enum" or "const") || OwnerOf(error) is not { } owner
            || !owner.TryGetProperty(error.Keyword, out var values))
            return [];
        return values.ValueKind switch
        {
            JsonValueKind.Array => [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
            JsonValueKind.String => [values.GetString()!],
            _ => [],
        };
    }

    /// <summary>
    /// Whether any schema object of the document declares a property of this name: such a key is a real field
    /// written in the wrong place, not a misspelling to correct.
    /// </summary>
    public bool IsDeclaredAnywhere(string name) => _everyPropertyName.Value.Contains(name);

    private static void CollectPropertyNames(JsonElement element, HashSet<string> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    // The values of enum and const are data, not schemas.
                    if (member.Name is "enum" or "const" or "examples" or "default") continue;
                    if (member.Name == "properties" && member.Value.ValueKind == JsonValueKind.Object)
                        foreach (var property in member.Value.EnumerateObject()) names.Add(property.Name);
                    CollectPropertyNames(member.Value, names);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) CollectPropertyNames(item, names);
                break;
        }
    }

    private void Gather(JsonElement schema, List<string> names, HashSet<string> visited, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth == 0) return;
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            foreach (var property in properties.EnumerateObject())
                if (!names.Contains(property.Name, StringComparer.Ordinal)) names.Add(property.Name);
        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String
            && reference.GetString() is ['#', .. var pointer] && visited.Add(pointer)
            && JsonPointer.TryNavigate(_root, Uri.UnescapeDataString(pointer), out var target))
            Gather(target, names, visited, depth - 1);
        foreach (var combinator in (string[])["allOf", "anyOf", "oneOf"])
            if (schema.TryGetProperty(combinator, out var branches) && branches.ValueKind == JsonValueKind.Array)
                foreach (var branch in branches.EnumerateArray())
                    Gather(branch, names, visited, depth - 1);
        foreach (var conditional in (string[])["then", "else"])
            if (schema.TryGetProperty(conditional, out var branch))
                Gather(branch, names, visited, depth - 1);
    }

    /// <summary>The schema object at a pointer to one of its keywords (<c>/$defs/package/required</c>).</summary>
    private (JsonElement Owner, string Keyword)? Navigate(string keywordPointer)
    {
        var pointer = Uri.UnescapeDataString(keywordPointer);
        var slash = pointer.LastIndexOf('/');
        if (slash < 0 || !JsonPointer.TryNavigate(_root, pointer[..slash], out var owner) || owner.ValueKind != JsonValueKind.Object)
            return null;
        return (owner, JsonPointer.Unescape(pointer.AsSpan(slash + 1)) ?? "");
    }

    /// <summary>
    /// Walks an evaluation path (<c>/properties/affected/items/$ref/properties/package/$ref/required</c>) from the
    /// root, jumping at each <c>$ref</c> to the local place it names.
    /// </summary>
    private (JsonElement Owner, string Keyword)? Follow(string evaluationPath)
    {
        if (!JsonPointer.TryParse(evaluationPath, out var tokens) || tokens.Count == 0) return null;
        var current = _root;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            var token = tokens[i];
            if (token == "$ref")
            {
                if (!current.TryGetProperty("$ref", out var reference) || reference.ValueKind != JsonValueKind.String
                    || reference.GetString() is not ['#', .. var pointer]
                    || !JsonPointer.TryNavigate(_root, Uri.UnescapeDataString(pointer), out current))
                    return null;
                continue;
            }
            if (!JsonPointer.TryNavigate(current, JsonPointer.Append("", token), out current)) return null;
        }
        return current.ValueKind == JsonValueKind.Object ? (current, tokens[^1]) : null;
    }
}
