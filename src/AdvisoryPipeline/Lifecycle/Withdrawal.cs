using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Nodes;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Lifecycle;

/// <summary>
/// Withdraws an advisory in place: sets <c>withdrawn</c> to now, sets <c>modified</c> to now, and appends a
/// paragraph <c>**Withdrawn:** reason</c> to <c>details</c>; the record stays (OSV keeps withdrawn records
/// published). Only those values change. Missing keys are inserted as lines after the closest key that
/// precedes them in OSV order. A literal block (<c>|</c>) gets the paragraph as new lines at its own
/// indentation; any other details (plain, quoted, folded) is rewritten as a literal block holding the old
/// text and the paragraph, or double-quoted when a literal block cannot hold the text. Line breaks in the
/// reason stay line breaks of the text: they can never end the value or start a new key.
/// </summary>
public static class Withdrawal
{
    public const string ParagraphLead = "**Withdrawn:** ";

    /// <summary>The reason as it will be written (line breaks normalised, trimmed), or null with <paramref name="problem"/>.</summary>
    public static string? CleanReason(string reason, [NotNullWhen(false)] out string? problem)
    {
        var clean = reason.ReplaceLineEndings("\n").Trim();
        problem = clean.Length == 0 ? "the reason is empty"
            : clean.Any(c => char.IsControl(c) && c is not ('\n' or '\t')) ? "the reason contains control characters"
            : null;
        return problem is null ? clean : null;
    }

    /// <summary>The withdrawn file's text, or null with <paramref name="problem"/> (already withdrawn, layout it cannot edit).</summary>
    public static string? Apply(LoadedDocument document, string reason, DateTimeOffset now, [NotNullWhen(false)] out string? problem)
    {
        if (document.Record is not { } record) return Fail("the file cannot be read; correct its errors first", out problem);
        if (record.TryGetProperty("withdrawn", out _))
            return Fail($"it is already withdrawn ({DocumentValues.StringAt(record, "/withdrawn") ?? "withdrawn is set"})", out problem);
        var json = AdvisoryFileFormats.Of(document.Path) == AdvisoryFileFormat.Json;
        if (!json && document.Text.Length > 0 && document.Map.ValueSpan("") is { } root && document.Text[root.Start] == '{')
            return Fail("its top-level mapping is written in flow style ({ ... }), which this command does not edit", out problem);

        var timestamp = OsvTimestamp.FormatWholeSeconds(now);
        var quoted = YamlScalarText.DoubleQuoted(timestamp);
        var oldDetails = DocumentValues.StringAt(record, "/details");
        var newDetails = WithParagraph(oldDetails, ParagraphLead + reason);

        var edits = new List<TextEdit>();
        if (json)
        {
            if (JsonEdits(document, timestamp, oldDetails, newDetails) is not { } jsonEdits)
                return Fail("its modified or details is not a JSON string; correct it first", out problem);
            edits.AddRange(jsonEdits);
        }
        else
        {
            var insertions = new SortedDictionary<int, StringBuilder>();
            if (document.Map.ValueSpan("/modified") is { } modified) edits.Add(TextEdit.Replace(modified, quoted));
            else Insert(document, insertions, "modified", quoted);
            Insert(document, insertions, "withdrawn", quoted);
            if (oldDetails is null || document.Map.Scalar("/details") is not { } scalar || document.Map.ValueSpan("/details") is not { } span)
            {
                if (record.TryGetProperty("details", out _)) return Fail("its details is not text; correct it first", out problem);
                Insert(document, insertions, "details", Render(newDetails, 2, TextLines.NewLineOf(document.Text)));
            }
            else
            {
                edits.Add(DetailsEdit(document, scalar, span, reason, newDetails));
            }
            edits.AddRange(insertions.Select(pair => TextEdit.Insert(pair.Key, pair.Value.ToString())));
        }

        var text = TextEdit.ApplyAll(document.Text, edits);
        var expected = JsonNode.Parse(record.GetRawText())!.AsObject();
        expected["modified"] = timestamp;
        expected["withdrawn"] = timestamp;
        expected["details"] = newDetails;
        var after = AdvisoryFileLoader.Load(document.Path, Encoding.UTF8.GetBytes(text));
        if (after.Record is not { } newRecord || after.Findings.Count(f => f.IsError) > document.Findings.Count(f => f.IsError)
            || !JsonNode.DeepEquals(expected, JsonNode.Parse(newRecord.GetRawText())))
            return Fail("its layout could not be edited in place without changing other values; withdraw it by hand", out problem);
        problem = null;
        return text;
    }

    /// <summary>
    /// The edits of a JSON advisory: <c>modified</c> and <c>details</c> replaced as JSON strings, <c>withdrawn</c> (and
    /// <c>details</c> when there is none) inserted as entries after <c>modified</c>, indented like it. Null when
    /// <c>modified</c> is not there or a value to replace is not a string.
    /// </summary>
    private static List<TextEdit>? JsonEdits(LoadedDocument document, string timestamp, string? oldDetails, string newDetails)
    {
        if (document.Map.ValueSpan("/modified") is not { } modified || document.Map.Scalar("/modified")?.SourceText is not ['"', ..]
            || document.Map.KeySpan("/modified") is not { } key)
            return null;
        var entryStart = new string(' ', key.Column - 1);
        var newLine = TextLines.NewLineOf(document.Text);
        var inserted = new StringBuilder();
        inserted.Append(',').Append(newLine).Append(entryStart).Append("\"withdrawn\": ").Append(YamlScalarText.JsonString(timestamp));
        var edits = new List<TextEdit> { TextEdit.Replace(modified, YamlScalarText.JsonString(timestamp)) };
        if (oldDetails is null)
        {
            if (document.Map.ValueSpan("/details") is not null) return null;
            inserted.Append(',').Append(newLine).Append(entryStart).Append("\"details\": ").Append(YamlScalarText.JsonString(newDetails));
        }
        else if (document.Map.ValueSpan("/details") is { } details)
        {
            edits.Add(TextEdit.Replace(details, YamlScalarText.JsonString(newDetails)));
        }
        edits.Add(TextEdit.Insert(modified.End, inserted.ToString()));
        return edits;
    }

    /// <summary>The details with the paragraph appended after a blank line, keeping the old trailing line breaks.</summary>
    public static string WithParagraph(string? details, string paragraph)
    {
        if (string.IsNullOrEmpty(details)) return paragraph;
        var body = details.TrimEnd('\n');
        return body + "\n\n" + paragraph + details[body.Length..];
    }

    private static TextEdit DetailsEdit(LoadedDocument document, ScalarInfo scalar, SourceSpan span, string reason, string newDetails)
    {
        var text = document.Text;
        var newLine = TextLines.NewLineOf(text);
        var contentEnd = span.Start + scalar.SourceText.TrimEnd().Length;
        var header = scalar.SourceText.AsSpan(0, Math.Max(0, scalar.SourceText.IndexOf('\n'))).TrimEnd();
        if (scalar.Style == YamlScalarStyle.Literal && !header.ContainsAnyInRange('1', '9') && FirstContentIndent(text, span) is { } indent)
        {
            // Append lines after the last content line: the old lines stay byte for byte.
            var insertAt = TextLines.NextLineStart(text, contentEnd - 1);
            var lines = new StringBuilder(insertAt == text.Length && text[^1] != '\n' ? newLine : "");
            lines.Append(newLine);
            foreach (var line in (ParagraphLead + reason).Split('\n'))
                lines.Append(line.Length == 0 ? "" : new string(' ', indent) + line).Append(newLine);
            return TextEdit.Insert(insertAt, lines.ToString());
        }
        var keyColumn = document.Map.KeySpan("/details") is { } key ? key.Column - 1 : 0;
        return new TextEdit(span.Start, contentEnd, Render(newDetails, keyColumn + 2, newLine));
    }

    private static int? FirstContentIndent(string text, SourceSpan span)
    {
        for (var line = TextLines.NextLineStart(text, span.Start); line < span.End; line = TextLines.NextLineStart(text, line))
        {
            var indent = TextLines.Indentation(text, line);
            if (line + indent < text.Length && text[line + indent] is not ('\n' or '\r')) return indent;
        }
        return null;
    }

    private static string Render(string value, int indent, string newLine) =>
        value.Contains('\n') ? YamlScalarText.LiteralBlock(value, indent, newLine) ?? YamlScalarText.DoubleQuoted(value) : YamlScalarText.DoubleQuoted(value);

    /// <summary>Queues <c>key: value</c> as a new line after the entry of the closest key that precedes it in OSV order.</summary>
    private static void Insert(LoadedDocument document, SortedDictionary<int, StringBuilder> insertions, string key, string value)
    {
        var text = document.Text;
        var newLine = TextLines.NewLineOf(text);
        var order = OsvKeyOrder.Keys;
        var position = -1;
        var column = 0;
        for (var i = OsvKeyOrder.IndexOf(key) - 1; i >= 0 && position < 0; i--)
        {
            if (document.Map.KeySpan("/" + order[i]) is not { } keySpan || document.Map.ValueSpan("/" + order[i]) is not { } valueSpan) continue;
            position = TextLines.EndOfLastContentLine(text, keySpan.Start, valueSpan.End);
            column = keySpan.Column - 1;
        }
        if (position < 0)
        {
            var first = document.Map.ValueSpan("") is { } root ? root.Start : 0;
            position = TextLines.LineStart(text, first);
            column = first - position;
        }
        if (!insertions.TryGetValue(position, out var builder))
        {
            builder = new StringBuilder(position == text.Length && position > 0 && text[^1] != '\n' ? newLine : "");
            insertions[position] = builder;
        }
        builder.Append(' ', column).Append(key).Append(": ").Append(value).Append(newLine);
    }

    private static string? Fail(string message, out string problem)
    {
        problem = message;
        return null;
    }
}
