using System.Text.Json;
using AdvisoryPipeline.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AdvisoryPipeline.Loading.Yaml;

/// <summary>
/// What a YAML scalar becomes in JSON, and what is wrong with it, wherever it is: core-schema typing,
/// tags, the traps of plain scalars in string positions, and keys that are not strings.
/// </summary>
internal static class ScalarConversion
{
    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    /// <summary>Writes the JSON value of <paramref name="scalar"/> at a position of <paramref name="shape"/>.</summary>
    public static PendingFinding? WriteValue(Utf8JsonWriter writer, Scalar scalar, ShapeNode? shape, bool warnAboutYaml11)
    {
        var text = scalar.Value;
        if (!scalar.Tag.IsEmpty) return WriteTagged(writer, scalar);
        if (scalar.Style != ScalarStyle.Plain)
        {
            writer.WriteStringValue(text);
            return null;
        }

        var type = CoreSchema.Resolve(text);
        if (shape is { ExpectsString: true })
        {
            // The original text goes into the tree, so that later stages do not report the same spot again.
            writer.WriteStringValue(text);
            if (type != CoreType.String) return TypingTraps.ForStringPosition(text, type, shape.ExpectedBy);
            return warnAboutYaml11 ? TypingTraps.ForYaml11Reading(text, type) : null;
        }
        return WriteCoreValue(writer, text, type) ?? (warnAboutYaml11 ? TypingTraps.ForYaml11Reading(text, type) : null);
    }

    /// <summary>
    /// A key that is not a string (YAML004), has an unknown tag (YAML006) or reads differently in YAML 1.1.
    /// The key is kept as written either way, so that the rest of the mapping is still checked.
    /// </summary>
    public static PendingFinding? CheckKey(Scalar scalar, bool warnAboutYaml11)
    {
        var key = scalar.Value;
        var tag = scalar.Tag;
        if (!tag.IsEmpty)
        {
            if (tag.IsNonSpecific || tag.Value == CoreTagPrefix + "str") return null;
            return IsCoreTag(tag.Value) ? NonStringKey(key, $"is tagged {DisplayTag(tag.Value)}") : UnknownTag(tag.Value);
        }
        if (scalar.Style != ScalarStyle.Plain) return null;

        var type = CoreSchema.Resolve(key);
        return type switch
        {
            CoreType.String => warnAboutYaml11 ? TypingTraps.ForYaml11Reading(key, type) : null,
            CoreType.Null => NonStringKey(key, key.Length == 0 ? "is empty, which YAML reads as null" : "is read by YAML as null"),
            CoreType.Bool => NonStringKey(key, "is read by YAML as a boolean"),
            _ => NonStringKey(key, "is read by YAML as a number"),
        };
    }

    /// <summary>A plain, untagged <c>&lt;&lt;</c> key: a YAML 1.1 merge.</summary>
    public static bool IsMergeKey(Scalar scalar) =>
        scalar.Value == "<<" && scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty;

    public static PendingFinding MergeKey() => new(LoadFindingCodes.MergeKey, FindingLevel.Error,
        "merge keys (<<) are not YAML 1.2, and readers disagree on them", "write the merged keys out in this mapping");

    public static PendingFinding? CheckCollectionTag(TagName tag, bool isMapping)
    {
        if (tag.IsEmpty || tag.IsNonSpecific || tag.Value == CoreTagPrefix + (isMapping ? "map" : "seq")) return null;
        if (!IsCoreTag(tag.Value)) return UnknownTag(tag.Value);
        return new PendingFinding(LoadFindingCodes.TagMismatch, FindingLevel.Error,
            $"{DisplayTag(tag.Value)} does not fit a {(isMapping ? "mapping" : "sequence")}", "remove the tag");
    }

    /// <summary>A core tag forces its type (YAML014 when the text does not fit it); any other tag is YAML006.</summary>
    private static PendingFinding? WriteTagged(Utf8JsonWriter writer, Scalar scalar)
    {
        var text = scalar.Value;
        var tag = scalar.Tag;
        if (tag.IsNonSpecific || tag.Value == CoreTagPrefix + "str")
        {
            writer.WriteStringValue(text);
            return null;
        }
        if (!IsCoreTag(tag.Value))
        {
            writer.WriteStringValue(text);
            return UnknownTag(tag.Value);
        }

        var type = CoreSchema.Resolve(text);
        var fits = tag.Value[CoreTagPrefix.Length..] switch
        {
            "null" => type == CoreType.Null,
            "bool" => type == CoreType.Bool,
            "int" => type == CoreType.Int,
            "float" => type is CoreType.Int or CoreType.Float,
            _ => false, // !!map or !!seq on a scalar
        };
        if (fits) return WriteCoreValue(writer, text, type);
        writer.WriteStringValue(text);
        return new PendingFinding(LoadFindingCodes.TagMismatch, FindingLevel.Error,
            $"{DisplayTag(tag.Value)} does not fit the value {TypingTraps.Quote(text)}", "remove the tag, or write a value of that type");
    }

    private static PendingFinding? WriteCoreValue(Utf8JsonWriter writer, string text, CoreType type)
    {
        switch (type)
        {
            case CoreType.Null:
                writer.WriteNullValue();
                return null;
            case CoreType.Bool:
                writer.WriteBooleanValue(CoreSchema.IsTrue(text));
                return null;
            case CoreType.Int or CoreType.Float:
                if (CoreSchema.IsJsonNumber(text))
                {
                    writer.WriteRawValue(text, skipInputValidation: true); // the common case, without allocating
                    return null;
                }
                if (CoreSchema.ToJsonNumber(text, type) is { } number)
                {
                    writer.WriteRawValue(number, skipInputValidation: true);
                    return null;
                }
                writer.WriteStringValue(text);
                return new PendingFinding(LoadFindingCodes.NotRepresentable, FindingLevel.Error,
                    $"{text} is read by YAML as a number that JSON cannot represent", $"write {TypingTraps.Quote(text)}");
            default:
                writer.WriteStringValue(text);
                return null;
        }
    }

    private static PendingFinding NonStringKey(string key, string what) =>
        new(LoadFindingCodes.NonStringKey, FindingLevel.Error,
            $"the key {(key.Length == 0 ? "\"\"" : key)} {what}, but keys must be strings",
            $"write {TypingTraps.Quote(key)}: instead");

    private static PendingFinding UnknownTag(string tag) =>
        new(LoadFindingCodes.UnknownTag, FindingLevel.Error,
            $"the tag {DisplayTag(tag)} is not one of the YAML core tags (!!str !!int !!float !!bool !!null !!map !!seq)",
            "remove the tag");

    private static bool IsCoreTag(string tag) =>
        tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal)
        && tag.AsSpan(CoreTagPrefix.Length) is "str" or "int" or "float" or "bool" or "null" or "map" or "seq";

    private static string DisplayTag(string tag) =>
        tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal) ? "!!" + tag[CoreTagPrefix.Length..] : tag;
}
