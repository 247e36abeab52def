using System.Text.Json;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Fixing;

/// <summary>
/// Quotes plain scalars that the loader reported as read differently from the text they are meant to be:
/// numbers, booleans (YAML101, YAML102) and YAML 1.1 readings (YAML111-YAML114) of values that this
/// pipeline already reads as strings. Quoting keeps the string the record holds and makes every YAML
/// reader agree on it. A null reading (YAML103: <c>summary:</c>, <c>~</c>) is left to the author: the
/// intended text is unknown. Values that are numbers in the record (in <c>database_specific</c>) stay as
/// they are, because quoting them would change the record.
/// </summary>
internal static class AmbiguousScalarQuoting
{
    private static readonly HashSet<string> QuotableCodes =
    [
        LoadFindingCodes.NumberForString, LoadFindingCodes.BooleanForString,
        LoadFindingCodes.Yaml11Boolean, LoadFindingCodes.Yaml11Sexagesimal,
        LoadFindingCodes.Yaml11Timestamp, LoadFindingCodes.Yaml11Number,
    ];

    public static IEnumerable<ScalarChange> Find(LoadedDocument document)
    {
        foreach (var finding in document.Findings)
        {
            if (finding.Pointer is not { } pointer || !QuotableCodes.Contains(finding.Code)) continue;
            var at = (finding.Location.Line, finding.Location.Column);
            if (document.Map.KeySpan(pointer) is { } key && (key.Line, key.Column) == at)
            {
                var keyText = document.Text[key.Start..key.End];
                if (keyText.Length > 0 && keyText[0] is not ('"' or '\'' or '&' or '!'))
                    yield return Change(pointer, true, keyText, finding.Message);
                continue;
            }
            if (document.Map.ValueSpan(pointer) is not { } span || (span.Line, span.Column) != at) continue;
            if (document.Map.Scalar(pointer) is not { Style: YamlScalarStyle.Plain } scalar || scalar.SourceText[0] is '&' or '!') continue;
            if (DocumentValues.At(document, pointer) is { ValueKind: JsonValueKind.String } value)
                yield return Change(pointer, false, value.GetString()!, finding.Message);
        }
    }

    private static ScalarChange Change(string pointer, bool onKey, string text, string why) =>
        new(FixRule.QuoteAmbiguousScalar, pointer, onKey, text, ForceQuotes: true, $"quote it, because {why}");
}
