using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Importing;

/// <summary>
/// A GHSA re-import as span edits: only the entries of the fields taken from GitHub, <c>modified</c> and the
/// <c>pipeline:</c> block (its fingerprints) are rewritten, added or removed; every other line, comments included,
/// stays byte for byte. The result is loaded again and must hold exactly the merged record, else null (the caller
/// then writes the whole file).
/// </summary>
internal static partial class GhsaReimportEdit
{
    public static string? Apply(LoadedDocument document, OsvRecord merged, AuthoringBlock authoring, IReadOnlyList<string> taken)
    {
        var text = document.Text;
        if (text.Contains('\r')) return null;
        var keys = taken.Select(field => field == "cwe_ids" ? "database_specific" : field).Append("modified").Distinct(StringComparer.Ordinal)
            .OrderBy(key => OsvKeyOrder.IndexOf(key)).Append(LoadOptions.Default.AuthoringBlockKey!).ToList();
        // database_specific may hold more than the CWE IDs GitHub owns: then the edit is not a span edit.
        if (keys.Contains("database_specific") && DocumentValues.At(document, "/database_specific") is { ValueKind: JsonValueKind.Object } specific
            && specific.EnumerateObject().Any(member => member.Name != "cwe_ids"))
            return null;

        var rendered = AdvisoryYamlWriter.Write(merged, authoring, null);
        var edits = new List<TextEdit>();
        var insertions = new SortedDictionary<int, StringBuilder>();
        foreach (var key in keys)
        {
            var entry = EntryOf(rendered, key);
            if (TopLevelEntries.Span(document, key) is { } span)
            {
                edits.Add(new TextEdit(span.Start, span.End, entry));
            }
            else if (entry.Length > 0)
            {
                var at = TopLevelEntries.InsertionPoint(document, key);
                if (!insertions.TryGetValue(at, out var builder))
                    insertions[at] = builder = new StringBuilder(at == text.Length && text.Length > 0 && text[^1] != '\n' ? "\n" : "");
                builder.Append(entry);
            }
        }
        edits.AddRange(insertions.Select(pair => TextEdit.Insert(pair.Key, pair.Value.ToString())));
        var result = TextEdit.ApplyAll(text, edits);

        var after = AdvisoryYamlLoader.Load(document.Path, Encoding.UTF8.GetBytes(result));
        if (LoadedAdvisory.From(after, out _) is not { } reloaded
            || JsonSerializer.Serialize(reloaded.Record, OsvJsonContext.Default.OsvRecord) != JsonSerializer.Serialize(merged, OsvJsonContext.Default.OsvRecord)
            || reloaded.Authoring.GhsaImport is not { } fingerprints
            || !fingerprints.OrderBy(p => p.Key).SequenceEqual(authoring.GhsaImport!.OrderBy(p => p.Key)))
            return null;
        return result;
    }

    /// <summary>The lines of one top-level entry in a rendered file, up to the next top-level key; empty when absent.</summary>
    private static string EntryOf(string rendered, string key)
    {
        var start = rendered.StartsWith(key + ":", StringComparison.Ordinal) ? 0 : rendered.IndexOf("\n" + key + ":", StringComparison.Ordinal) + 1;
        if (start == 0 && !rendered.StartsWith(key + ":", StringComparison.Ordinal)) return "";
        var next = TopLevelKey().Match(rendered, rendered.IndexOf('\n', start) + 1);
        return rendered[start..(next.Success ? next.Index : rendered.Length)];
    }

    [GeneratedRegex(@"(?m)^[a-z_]+:(?=\s|$)")]
    private static partial Regex TopLevelKey();
}
