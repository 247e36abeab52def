using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Nodes;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Cve;

/// <summary>
/// Writes a reserved CVE ID into an advisory as an alias, as a span edit: a new item after the last one of a block
/// <c>aliases:</c> list (at its indentation), a rewritten flow list (<c>[...]</c>), or a new <c>aliases:</c> entry
/// after the closest key that precedes it in OSV order. Nothing else changes, which is checked by loading the result:
/// it must be the same record with the alias added.
/// </summary>
public static class CveAliasEdit
{
    /// <summary>The file's new text, or null with <paramref name="problem"/> when the edit cannot be made safely.</summary>
    public static string? Apply(LoadedDocument document, string cveId, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        if (document.Record is not { } record)
        {
            problem = "the file cannot be read; correct its errors first";
            return null;
        }
        var text = document.Text;
        var newLine = TextLines.NewLineOf(text);
        var aliases = record.TryGetProperty("aliases", out var existing) && existing.ValueKind == System.Text.Json.JsonValueKind.Array
            ? existing.EnumerateArray().Select(a => a.GetString() ?? "").ToList()
            : [];
        if (aliases.Contains(cveId, StringComparer.Ordinal)) return text;

        TextEdit edit;
        if (document.Map.ValueSpan("/aliases") is { } span && aliases.Count > 0 && text[span.Start] != '[')
        {
            var last = document.Map.ValueSpan($"/aliases/{aliases.Count - 1}")!.Value;
            var itemLine = TextLines.LineStart(text, last.Start);
            var insertAt = TextLines.NextLineStart(text, last.End - 1);
            var prefix = insertAt == text.Length && text[^1] != '\n' ? newLine : "";
            edit = TextEdit.Insert(insertAt, prefix + new string(' ', TextLines.Indentation(text, itemLine)) + "- " + Plain(cveId) + newLine);
        }
        else if (document.Map.ValueSpan("/aliases") is { } flow && text[flow.Start] == '[')
        {
            edit = TextEdit.Replace(flow, "[" + string.Join(", ", aliases.Append(cveId).Select(Plain)) + "]");
        }
        else if (record.TryGetProperty("aliases", out _))
        {
            problem = "its aliases is neither a list nor empty; correct it first";
            return null;
        }
        else
        {
            edit = InsertKey(document, newLine, "aliases:" + newLine + "  - " + Plain(cveId) + newLine);
        }

        var result = TextEdit.ApplyAll(text, [edit]);
        var expected = JsonNode.Parse(record.GetRawText())!.AsObject();
        expected["aliases"] = new JsonArray([.. aliases.Append(cveId).Select(a => (JsonNode)JsonValue.Create(a))]);
        var after = AdvisoryYamlLoader.Load(document.Path, Encoding.UTF8.GetBytes(result));
        if (after.Record is not { } newRecord || !JsonNode.DeepEquals(expected, JsonNode.Parse(newRecord.GetRawText())))
        {
            problem = "its layout could not be edited in place without changing other values; add the alias by hand";
            return null;
        }
        return result;
    }

    private static string Plain(string value) => YamlScalarText.InStyleOf(YamlScalarStyle.Plain, value)!;

    /// <summary>A new top-level entry where <c>aliases</c> goes in OSV order.</summary>
    private static TextEdit InsertKey(LoadedDocument document, string newLine, string entry)
    {
        var position = TopLevelEntries.InsertionPoint(document, "aliases");
        var text = document.Text;
        var prefix = position == text.Length && text.Length > 0 && text[^1] != '\n' ? newLine : "";
        return TextEdit.Insert(position, prefix + entry);
    }
}
