using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.JsonSchema;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Configuration;

/// <summary>
/// Checks a loaded <c>database.yaml</c> against the serialization metadata of <see cref="DatabaseConfig"/>
/// (known keys, JSON types, required keys) and <see cref="DatabaseConfigRules"/>, reporting at the YAML
/// position of each problem. Places the loader already reported are not reported again.
/// </summary>
internal sealed class DatabaseConfigChecker
{
    private readonly SourceMap _map;
    private readonly HashSet<string> _reportedByLoader;
    private readonly List<Finding> _findings = [];

    private DatabaseConfigChecker(SourceMap map, IEnumerable<Finding> loaderFindings)
    {
        _map = map;
        _reportedByLoader = loaderFindings.Where(f => f.IsError && f.Pointer is not null).Select(f => f.Pointer!).ToHashSet(StringComparer.Ordinal);
    }

    public static IReadOnlyList<Finding> Check(JsonElement root, SourceMap map, IEnumerable<Finding> loaderFindings)
    {
        var checker = new DatabaseConfigChecker(map, loaderFindings);
        checker.CheckValue(root, typeof(DatabaseConfig), "");
        return checker._findings;
    }

    private static JsonTypeInfo InfoOf(Type type) => DatabaseConfigJsonContext.Default.Options.GetTypeInfo(type);

    private void CheckValue(JsonElement value, Type type, string pointer)
    {
        if (_reportedByLoader.Contains(pointer)) return;
        var info = InfoOf(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                if (Expect(value, JsonValueKind.Object, pointer, "a mapping (key: value lines)")) CheckObject(value, info, pointer);
                break;
            case JsonTypeInfoKind.Enumerable:
                if (!Expect(value, JsonValueKind.Array, pointer, "a list")) break;
                var index = 0;
                foreach (var item in value.EnumerateArray())
                    CheckValue(item, info.ElementType!, pointer + "/" + index++);
                break;
            case JsonTypeInfoKind.Dictionary:
                if (!Expect(value, JsonValueKind.Object, pointer, "a mapping (key: value lines)")) break;
                foreach (var entry in value.EnumerateObject())
                {
                    var entryPointer = Append(pointer, entry.Name);
                    if (DatabaseConfigRules.CheckKey(entryPointer, entry.Name) is { } keyHint)
                        Add(ConfigFindingCodes.InvalidValue, $"{Describe(entryPointer)}: the key {Excerpt.Of(entry.Name)} is not valid here", keyHint,
                            _map.LocateKey(entryPointer), entryPointer);
                    CheckValue(entry.Value, info.ElementType!, entryPointer);
                }
                break;
            default:
                CheckScalar(value, type, pointer);
                break;
        }
    }

    private void CheckObject(JsonElement value, JsonTypeInfo info, string pointer)
    {
        // A required key that a misspelt one stands for is one mistake, reported once: at the misspelling.
        var meant = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in value.EnumerateObject())
        {
            var entryPointer = Append(pointer, entry.Name);
            var property = info.Properties.FirstOrDefault(p => p.Name == entry.Name);
            if (property is null)
            {
                var known = info.Properties.Select(p => p.Name).ToArray();
                var list = Suggestions.List(known, known.Length);
                var suggestion = Suggestions.Closest(entry.Name, known.Where(name => !value.TryGetProperty(name, out _) && !meant.Contains(name)));
                if (suggestion is not null) meant.Add(suggestion);
                var hint = suggestion is not null
                    ? $"did you mean {suggestion}? (the keys known here are: {list})"
                    : $"the keys known here are: {list}";
                Add(ConfigFindingCodes.UnknownKey, $"unknown key {Excerpt.Of(entry.Name)} in {Describe(pointer)}",
                    hint, _map.LocateKey(entryPointer), entryPointer);
                continue;
            }
            CheckValue(entry.Value, property.PropertyType, entryPointer);
        }
        foreach (var property in info.Properties.Where(p => p.IsRequired))
        {
            if (value.TryGetProperty(property.Name, out _) || meant.Contains(property.Name)) continue;
            Add(ConfigFindingCodes.MissingKey, $"{Describe(pointer)} has no {property.Name}, which is required",
                $"add {property.Name}: ...", _map.Locate(pointer), Append(pointer, property.Name));
        }
    }

    private void CheckScalar(JsonElement value, Type type, string pointer)
    {
        var scalar = Nullable.GetUnderlyingType(type) ?? type;
        var (fits, what) = scalar == typeof(string) || scalar.IsEnum
            ? (value.ValueKind == JsonValueKind.String, "a string")
            : scalar == typeof(bool)
                ? (value.ValueKind is JsonValueKind.True or JsonValueKind.False, "true or false")
                : (value.ValueKind == JsonValueKind.Number, "a number");
        if (!fits)
        {
            ReportWrongType(value, pointer, what);
            return;
        }
        if (DatabaseConfigRules.CheckValue(pointer, value) is { } problem)
            Add(ConfigFindingCodes.InvalidValue,
                problem.ShowValue ? $"{Describe(pointer)}: {Excerpt.Of(value.GetRawText())} is not a valid value" : $"{Describe(pointer)}: this is not a valid value",
                problem.Hint, _map.Locate(pointer), pointer);
    }

    private bool Expect(JsonElement value, JsonValueKind kind, string pointer, string what)
    {
        if (value.ValueKind == kind) return true;
        ReportWrongType(value, pointer, what);
        return false;
    }

    private void ReportWrongType(JsonElement value, string pointer, string what)
    {
        var found = value.ValueKind switch
        {
            JsonValueKind.Object => "a mapping",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "empty (null)",
        };
        Add(ConfigFindingCodes.InvalidValue, $"{Describe(pointer)} must be {what}, but it is {found}",
            $"write {what} here", _map.Locate(pointer), pointer);
    }

    private void Add(string code, string message, string hint, SourceLocation location, string pointer) =>
        _findings.Add(new Finding(code, FindingLevel.Error, message, location, hint, pointer));

    /// <summary>How messages name a place: the dotted key path, or the file for the root.</summary>
    private static string Describe(string pointer) =>
        pointer.Length == 0 ? DatabaseFiles.ConfigFile : Excerpt.Of(pointer[1..].Replace('/', '.'), 80);

    private static string Append(string pointer, string key)
    {
        var builder = new StringBuilder(pointer);
        JsonPointer.AppendTo(builder, key);
        return builder.ToString();
    }
}
