using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Loading.Yaml;

/// <summary>
/// The typing traps of plain scalars: YAML turning text into numbers, booleans or null where a string is
/// expected (errors, because the value silently changes), and YAML 1.1 tools reading a scalar differently
/// from YAML 1.2 (warnings, because the file means something else to them).
/// </summary>
internal static class TypingTraps
{
    /// <summary>A plain scalar that YAML 1.2 does not read as a string, where <paramref name="expectedBy"/> expects one.</summary>
    public static PendingFinding ForStringPosition(string text, CoreType type, string expectedBy)
    {
        var quoted = Quote(text);
        return type switch
        {
            CoreType.Null when text.Length == 0 => new(LoadFindingCodes.NullForString, FindingLevel.Error,
                $"an empty value is read by YAML as null, but {expectedBy} expects a string here",
                "write \"\" or remove the key"),
            CoreType.Null => new(LoadFindingCodes.NullForString, FindingLevel.Error,
                $"{text} is read by YAML as null, but {expectedBy} expects a string here",
                $"write {quoted}, or remove the key if there is no value"),
            CoreType.Bool => new(LoadFindingCodes.BooleanForString, FindingLevel.Error,
                $"{text} is read by YAML as the boolean {(CoreSchema.IsTrue(text) ? "true" : "false")}, but {expectedBy} expects a string here",
                $"write {quoted}"),
            _ => new(LoadFindingCodes.NumberForString, FindingLevel.Error,
                $"{text} is read by YAML as the number {DescribeCoreNumber(text, type)}, but {expectedBy} expects a string here",
                $"write {quoted}"),
        };
    }

    /// <summary>
    /// A warning when YAML 1.1 tools resolve the plain scalar <paramref name="text"/> differently from the
    /// YAML 1.2 core schema (which resolved it as <paramref name="type"/>), or null when both agree.
    /// </summary>
    public static PendingFinding? ForYaml11Reading(string text, CoreType type)
    {
        var old = Yaml11Schema.Resolve(text);
        if (old == Yaml11Type.String && type == CoreType.String) return null; // the common case: plain text for both
        var quoted = Quote(text);
        var ours = Describe12(text, type);
        switch (old)
        {
            case Yaml11Type.Timestamp:
                return new(LoadFindingCodes.Yaml11Timestamp, FindingLevel.Warning,
                    $"{text} is read by YAML 1.1 tools (PyYAML and others) as a timestamp; YAML 1.2 reads {ours}",
                    $"write {quoted} so that every YAML reader sees the same text");
            case Yaml11Type.Bool when type != CoreType.Bool:
                return new(LoadFindingCodes.Yaml11Boolean, FindingLevel.Warning,
                    $"{text} is read by YAML 1.1 tools as the boolean {(Yaml11Schema.IsTrue(text) ? "true" : "false")}; YAML 1.2 reads {ours}",
                    $"write {quoted} so that every YAML reader sees the same text");
            case Yaml11Type.Sexagesimal:
                return new(LoadFindingCodes.Yaml11Sexagesimal, FindingLevel.Warning,
                    $"{text} is read by YAML 1.1 tools as the base-60 number {Yaml11Schema.DescribeSexagesimal(text)}; YAML 1.2 reads {ours}",
                    $"write {quoted} so that every YAML reader sees the same text");
            case Yaml11Type.Int when type != CoreType.Int || Yaml11Schema.IntValue(text) != CoreSchema.IntValue(text):
                return Yaml11Number(text, $"the number {Yaml11Schema.IntValue(text)}", ours, quoted);
            case Yaml11Type.Float when type != CoreType.Float:
                return Yaml11Number(text, $"the number {Yaml11Schema.DescribeFloat(text)}", ours, quoted);
            case Yaml11Type.String when type is CoreType.Int or CoreType.Float:
                return Yaml11Number(text, $"the string {quoted}", ours, quoted);
            default:
                return null;
        }
    }

    private static PendingFinding Yaml11Number(string text, string theirs, string ours, string quoted) =>
        new(LoadFindingCodes.Yaml11Number, FindingLevel.Warning,
            $"{text} is read by YAML 1.1 tools as {theirs}; YAML 1.2 reads {ours}",
            $"write {quoted} for text, or a number both read the same way");

    private static string Describe12(string text, CoreType type) => type switch
    {
        CoreType.Int or CoreType.Float => $"the number {DescribeCoreNumber(text, type)}",
        CoreType.Bool => $"the boolean {(CoreSchema.IsTrue(text) ? "true" : "false")}",
        CoreType.Null => "null",
        _ => $"the string {Quote(text)}",
    };

    private static string DescribeCoreNumber(string text, CoreType type)
    {
        var json = CoreSchema.ToJsonNumber(text, type);
        return json is null ? text : CoreSchema.DescribeNumber(json, type);
    }

    /// <summary>The text as a YAML double-quoted scalar.</summary>
    public static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
