using System.Text.Json;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.JsonSchema;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// Makes a schema finding about a key or a value lead somewhere: the known key or value a misspelt one most likely
/// stands for (<see cref="Suggestions"/>), and otherwise the keys the place allows. The candidates are what the
/// schema declares at the error's place (<see cref="SchemaDeclarations"/>), never a list of our own.
/// </summary>
internal sealed class SchemaSuggestions(SchemaDeclarations declarations, JsonElement record)
{
    /// <summary>Key lists may be longer than value lists: a place rarely has more keys than this, and a cut list hides the one wanted.</summary>
    private const int KeysListed = 20;

    /// <summary>
    /// <c>sumary</c> where the schema allows no other keys: "did you mean summary?", and the key it stands for
    /// joins <paramref name="meant"/>. At the top level the authoring block's key (<c>pipeline</c>) is known too,
    /// since the loader takes that block out of the record before the schema sees it.
    /// </summary>
    public Finding ForUnknownKey(Finding finding, SchemaError error, ISet<string> meant)
    {
        if (Parent(error.InstanceLocation) is not var (parent, key) || declarations.OwnerOf(error) is not { } owner) return finding;
        var known = declarations.PropertyNames(owner).ToList();
        if (parent.Length == 0 && LoadOptions.Default.AuthoringBlockKey is { } block && !known.Contains(block, StringComparer.Ordinal)) known.Add(block);
        if (known.Count == 0) return finding;
        var present = KeysAt(parent);
        if (Suggestions.Closest(key, known.Where(k => !present.Contains(k))) is { } suggestion)
        {
            meant.Add(JsonPointer.Append(parent, suggestion));
            return finding with { Hint = $"did you mean {suggestion}? (the keys here are: {Suggestions.List(known, KeysListed)})" };
        }
        return finding with
        {
            Hint = IsTopLevel(error.InstanceLocation)
                ? $"OSV allows only its own top-level fields ({Suggestions.List(known, KeysListed)}): remove it, or move it under database_specific"
                : $"remove it, or use one of the keys here: {Suggestions.List(known, KeysListed)}",
        };
    }

    /// <summary>
    /// A required property that is missing: its pointer becomes the finding's (and joins <paramref name="missing"/>),
    /// and when a key of the object is a misspelling of it (<c>ecosytem</c> beside <c>name</c>), the finding moves to
    /// that key and says so.
    /// </summary>
    public Finding ForMissingProperty(Finding finding, SchemaError error, SourceMap map, ISet<string> missing)
    {
        if (declarations.OwnerOf(error) is not { } owner || !At(error.InstanceLocation, out var instance)
            || instance.ValueKind != JsonValueKind.Object || !owner.TryGetProperty("required", out var required)
            || required.ValueKind != JsonValueKind.Array)
            return finding;
        var name = required.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.String)
            .Select(item => item.GetString()!)
            .FirstOrDefault(candidate => !instance.TryGetProperty(candidate, out _)
                && error.Message.EndsWith("\"" + candidate + "\"", StringComparison.Ordinal));
        if (name is null) return finding;

        var pointer = JsonPointer.Append(error.InstanceLocation, name);
        missing.Add(pointer);
        finding = finding with { Pointer = pointer };
        var declared = declarations.PropertyNames(owner);
        var candidates = declared.Where(k => !instance.TryGetProperty(k, out _)).Append(name).ToArray();
        foreach (var key in UnknownKeys(instance))
        {
            if (Suggestions.Closest(key, candidates) != name) continue;
            return finding with
            {
                Location = map.LocateKey(JsonPointer.Append(error.InstanceLocation, key)),
                Hint = DidYouMean(name, key, declared),
            };
        }
        return finding;
    }

    /// <summary>
    /// An object that matches none of the alternatives (OSV's four event kinds) because of a key no alternative
    /// knows (<c>fixd</c>): the finding moves to that key, with the kind it most likely stands for or the keys allowed.
    /// </summary>
    public Finding ForAlternatives(Finding finding, SchemaError error, SourceMap map)
    {
        if (declarations.OwnerOf(error) is not { } owner || !At(error.InstanceLocation, out var instance)
            || instance.ValueKind != JsonValueKind.Object)
            return finding;
        var declared = declarations.PropertyNames(owner);
        if (declared.Count == 0 || UnknownKeys(instance).FirstOrDefault() is not { } key) return finding;
        var location = map.LocateKey(JsonPointer.Append(error.InstanceLocation, key));
        var suggestion = Suggestions.Closest(key, declared.Where(k => !instance.TryGetProperty(k, out _)));
        return finding with
        {
            Location = location,
            Hint = suggestion is null
                ? $"{key} is not a key here: use one of {Suggestions.List(declared, KeysListed)}"
                : DidYouMean(suggestion, key, declared),
        };
    }

    /// <summary>A string that is not one of the allowed values: the one it most likely stands for, case first.</summary>
    public Finding ForValue(Finding finding, SchemaError error)
    {
        if (!At(error.InstanceLocation, out var value) || value.ValueKind != JsonValueKind.String) return finding;
        var text = value.GetString()!;
        if (Suggestions.Closest(text, declarations.AllowedValues(error)) is not { } suggestion) return finding;
        return finding with
        {
            Hint = string.Equals(suggestion, text, StringComparison.OrdinalIgnoreCase)
                ? $"did you mean {suggestion}? (the values are written exactly so, case included)"
                : $"did you mean {suggestion}?",
        };
    }

    public static bool IsTopLevel(string pointer) => pointer.LastIndexOf('/') == 0;

    private static string DidYouMean(string suggestion, string written, IReadOnlyList<string> keys) =>
        $"did you mean {suggestion} instead of {written}?" + (keys.Count > 0 ? $" (the keys here are: {Suggestions.List(keys, KeysListed)})" : "");

    /// <summary>Keys of the object that the schema declares nowhere: candidates for a misspelling.</summary>
    private IEnumerable<string> UnknownKeys(JsonElement instance) =>
        instance.EnumerateObject().Select(p => p.Name).Where(name => !declarations.IsDeclaredAnywhere(name));

    private HashSet<string> KeysAt(string pointer) =>
        At(pointer, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            : [];

    private bool At(string pointer, out JsonElement value) => JsonPointer.TryNavigate(record, pointer, out value);

    /// <summary>The pointer of the object and the key of a member's pointer; null for the root.</summary>
    private static (string Parent, string Key)? Parent(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        if (slash < 0 || JsonPointer.Unescape(pointer.AsSpan(slash + 1)) is not { } key) return null;
        return (pointer[..slash], key);
    }
}

/// <summary>The schema findings of one record, and the pointers of the values they say are missing or meant.</summary>
internal sealed record SchemaReport(IReadOnlyList<Finding> Findings, IReadOnlySet<string> MissingValues)
{
    public static SchemaReport Clean { get; } = new([], new HashSet<string>());
}
