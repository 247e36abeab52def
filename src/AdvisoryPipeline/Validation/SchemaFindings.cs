using System.Text.Json;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.JsonSchema;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// Turns schema errors into findings a maintainer can act on: one finding per failed rule (its most relevant
/// anyOf/oneOf branch, as Python jsonschema's best_match picks it), at the YAML line of the offending value,
/// with the rule's title as context and a hint where the keyword implies one: for a misspelt key or value, the
/// known one it most likely stands for (see <see cref="SchemaSuggestions"/>).
/// </summary>
public static class SchemaFindings
{
    /// <summary>Every schema finding has this code; the keyword is in the message and the hint.</summary>
    public const string Code = "SCH001";

    public static IReadOnlyList<Finding> Check(OsvSchema schema, JsonElement record, SourceMap map) =>
        Report(schema, record, map).Findings;

    /// <summary>
    /// The findings, and the pointers of the values they say are missing: a required property that is not there
    /// (<c>/affected/0/package/ecosystem</c>), or the key a misspelt one stands for (<c>/summary</c> for
    /// <c>sumary</c>). A lint rule that reports the absence of such a value restates the same mistake.
    /// </summary>
    internal static SchemaReport Report(OsvSchema schema, JsonElement record, SourceMap map)
    {
        var result = schema.Compiled.Validate(record);
        if (result.IsValid) return SchemaReport.Clean;

        var findings = new List<Finding>();
        var missing = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        var suggestions = new SchemaSuggestions(schema.Declarations, record);
        foreach (var error in OnePerValue(result.BestMatchPerError()))
        {
            if (!seen.Add((error.InstanceLocation, error.Message))) continue;
            var title = error.SchemaTitle is { } t && t != schema.RootTitle ? Lowercase(t) : null;
            var message = MessageFor(error, title);
            // A property that must not be there is best shown at its key; everything else at its value.
            var location = error.Keyword is "additionalProperties" or "unevaluatedProperties" or "propertyNames" or "false"
                ? map.LocateKey(error.InstanceLocation)
                : map.Locate(error.InstanceLocation);
            var finding = new Finding(Code, FindingLevel.Error, message, location, HintFor(error), error.InstanceLocation);
            findings.Add(error.Keyword switch
            {
                "additionalProperties" or "unevaluatedProperties" => suggestions.ForUnknownKey(finding, error, missing),
                "required" => suggestions.ForMissingProperty(finding, error, map, missing),
                "oneOf" or "anyOf" => suggestions.ForAlternatives(finding, error, map),
                "enum" or "const" => suggestions.ForValue(finding, error),
                _ => finding,
            });
        }
        return new SchemaReport(findings, missing);
    }

    /// <summary>
    /// One error per value: "yesterday" as a timestamp fails both the format and the pattern of OSV's schema, which
    /// is one mistake. The error that says most is kept (a wrong type before what the value holds, a format before
    /// the pattern that restates it). Missing properties are each their own mistake and all stay.
    /// </summary>
    private static IEnumerable<SchemaError> OnePerValue(IEnumerable<SchemaError> errors)
    {
        var chosen = new Dictionary<string, SchemaError>(StringComparer.Ordinal);
        var order = new List<SchemaError>();
        foreach (var error in errors)
        {
            if (error.Keyword is "required" or "additionalProperties" or "unevaluatedProperties" or "propertyNames" or "false")
            {
                order.Add(error);
                continue;
            }
            if (chosen.TryGetValue(error.InstanceLocation, out var kept))
            {
                if (Rank(error.Keyword) < Rank(kept.Keyword)) order[order.IndexOf(kept)] = chosen[error.InstanceLocation] = error;
                continue;
            }
            chosen[error.InstanceLocation] = error;
            order.Add(error);
        }
        return order;
    }

    private static int Rank(string keyword) => keyword switch
    {
        "type" => 0,
        "enum" or "const" => 1,
        "format" => 2,
        "pattern" => 3,
        _ => 4,
    };

    // A long pattern (the list of registered prefixes, a CVSS grammar) drowns the message; the rule's title
    // says the same in words, and the pattern moves to the hint.
    private const int LongPattern = 60;

    private static string MessageFor(SchemaError error, string? title)
    {
        if (title is null) return error.Message;
        var patternAt = error.Message.IndexOf(" does not match ", StringComparison.Ordinal);
        if (error.Keyword == "pattern" && patternAt > 0 && error.Message.Length - patternAt > LongPattern)
            return $"{error.Message[..patternAt]} is not a valid value: {title}";
        return $"{error.Message} ({title})";
    }

    private static string? HintFor(SchemaError error) => error.Keyword switch
    {
        "pattern" when error.InstanceLocation == "/id" =>
            "use a prefix registered with OSV, or set id_prefix in the database.yaml of this folder to your database's prefix",
        "additionalProperties" or "unevaluatedProperties" when SchemaSuggestions.IsTopLevel(error.InstanceLocation) =>
            "OSV allows only its own top-level fields: remove it, or move it under database_specific",
        "additionalProperties" or "unevaluatedProperties" => "remove it, or check its spelling",
        "required" => "add the missing field",
        "format" when error.Message.Contains("date-time", StringComparison.Ordinal) =>
            "write an RFC 3339 UTC timestamp in quotes, such as \"2026-01-31T12:00:00Z\"",
        "format" when error.Message.Contains("uri", StringComparison.Ordinal) =>
            "write an absolute URL, such as https://example.org/advisory",
        "enum" or "const" => "use one of the allowed values exactly as written, case included",
        "type" => "check the YAML structure here: indentation and list dashes decide the type",
        _ => null,
    };

    private static string Lowercase(string title) =>
        title.Length > 1 && char.IsUpper(title[0]) && !char.IsUpper(title[1])
            ? char.ToLowerInvariant(title[0]) + title[1..]
            : title;
}
