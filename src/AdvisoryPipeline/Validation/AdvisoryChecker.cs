using System.Text.Json;
using AdvisoryPipeline.Authoring;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Schema;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// Checks one advisory file through every stage: load (YAML, typing traps), OSV schema, then lint on the
/// typed record. Findings come back in source order.
/// </summary>
public static class AdvisoryChecker
{
    public static CheckedAdvisory Check(string path, ReadOnlySpan<byte> content, DatabaseContext database, TimeProvider clock)
    {
        var document = AdvisoryYamlLoader.Load(path, content);
        var findings = new List<Finding>(document.Findings);
        OsvRecord? record = null;
        if (document.Record is { } json)
        {
            findings.AddRange(SchemaFindings.Check(database.Schema, json, document.Map));
            record = TryReadRecord(json);
        }
        findings.Sort(BySourcePosition);
        var summary = new AdvisorySummary(record?.Id ?? ReadId(document.Record), ExpiryOf(record, clock));
        return new CheckedAdvisory(path, database, findings, summary, document, record);
    }

    public static CheckedAdvisory CheckFile(string path, DatabaseContext database, TimeProvider clock)
    {
        var document = AdvisoryYamlLoader.LoadFile(path);
        if (document.Record is null)
            return new CheckedAdvisory(path, database, document.Findings, new AdvisorySummary(null, null), document);
        return Check(path, System.Text.Encoding.UTF8.GetBytes(document.Text), database, clock);
    }

    /// <summary>
    /// The typed record, or null when the JSON does not fit the model (the schema has already said why).
    /// </summary>
    public static OsvRecord? TryReadRecord(JsonElement json)
    {
        try
        {
            return json.Deserialize(OsvJsonContext.Default.OsvRecord);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? ReadId(JsonElement? json) =>
        json is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    // Timestamp checks compare with "now + 1 day"; once every timestamp is in the past, nothing can change.
    private static DateTimeOffset? ExpiryOf(OsvRecord? record, TimeProvider clock)
    {
        if (record is null) return null;
        var now = clock.GetUtcNow();
        DateTimeOffset? earliest = null;
        foreach (var text in new[] { record.Modified, record.Published, record.Withdrawn })
        {
            if (!OsvTimestamp.TryParse(text, out var value) || value <= now) continue;
            var flips = value.AddDays(-1);
            if (flips > now && (earliest is null || flips < earliest)) earliest = flips;
            if (value > now && (earliest is null || value < earliest)) earliest = value;
        }
        return earliest;
    }

    private static int BySourcePosition(Finding a, Finding b) =>
        a.Location.Line != b.Location.Line ? a.Location.Line.CompareTo(b.Location.Line) : a.Location.Column.CompareTo(b.Location.Column);
}
