using System.Text.Json;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Presentation;

/// <summary>
/// An advisory as every renderer (Markdown, HTML, mail) presents it: labels resolved, severities scored,
/// ranges turned into readable intervals, timestamps parsed. Renderers only lay it out and encode it.
/// </summary>
public sealed record AdvisoryView(
    OsvRecord Record,
    string Title,
    IReadOnlyList<SeverityView> Severities,
    IReadOnlyList<AffectedPackageView> Affected,
    IReadOnlyList<CreditView> Credits,
    IReadOnlyList<ReferenceView> References,
    IReadOnlyList<string> CweIds,
    DateTimeOffset? Published,
    DateTimeOffset? Modified,
    DateTimeOffset? Withdrawn)
{
    public string Id => Record.Id;

    public IReadOnlyList<string> Aliases => Record.Aliases ?? [];

    public IReadOnlyList<string> Related => Record.Related ?? [];

    public IReadOnlyList<string> Upstream => Record.Upstream ?? [];

    public string? Details => Record.Details;

    public bool IsWithdrawn => Record.IsWithdrawn;

    /// <summary>The most severe rating of the record and of its packages: what a badge shows.</summary>
    public SeverityView? HighestSeverity =>
        SeverityView.Highest(Severities.Concat(Affected.SelectMany(a => a.Severities)));

    /// <summary>The distinct ecosystems, without release suffixes (<c>Debian:12</c> counts as Debian).</summary>
    public IReadOnlyList<string> Ecosystems =>
        [.. Affected.Select(a => a.Ecosystem.Split(':')[0]).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>When the advisory last changed for readers: modified, else published.</summary>
    public DateTimeOffset? LastUpdated => Modified ?? Published;

    public static AdvisoryView From(OsvRecord record) => new(
        record,
        record.Summary is { Length: > 0 } summary ? summary : FirstLine(record.Details) ?? record.Id,
        [.. (record.Severity ?? []).Select(SeverityView.From)],
        [.. (record.Affected ?? []).Select(AffectedPackageView.From)],
        [.. (record.Credits ?? []).Select(CreditView.From)],
        [.. (record.References ?? []).Select(ReferenceView.From)],
        CweIdsOf(record.DatabaseSpecific),
        Parse(record.Published),
        Parse(record.Modified),
        Parse(record.Withdrawn));

    private static DateTimeOffset? Parse(string? text) => OsvTimestamp.TryParse(text, out var value) ? value : null;

    private static string? FirstLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var line = text.AsSpan().TrimStart();
        var end = line.IndexOfAny('\r', '\n');
        return (end < 0 ? line : line[..end]).Trim().ToString();
    }

    /// <summary><c>database_specific.cwe_ids</c>, the convention of GitHub's and several other databases.</summary>
    public static IReadOnlyList<string> CweIdsOf(JsonElement? databaseSpecific)
    {
        if (databaseSpecific is not { ValueKind: JsonValueKind.Object } specific
            || !specific.TryGetProperty("cwe_ids", out var ids) || ids.ValueKind != JsonValueKind.Array)
            return [];
        return [.. ids.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
    }
}

/// <summary>A reference with its OSV type turned into a label ("FIX" → "Fix").</summary>
public sealed record ReferenceView(string Type, string Label, string Url)
{
    public static ReferenceView From(OsvReference reference) => new(reference.Type, Labels.Of(reference.Type), reference.Url);
}

/// <summary>A credit with its OSV type turned into a label ("REMEDIATION_DEVELOPER" → "Remediation developer").</summary>
public sealed record CreditView(string Name, string? Type, string? TypeLabel, IReadOnlyList<string> Contacts)
{
    public static CreditView From(OsvCredit credit) =>
        new(credit.Name, credit.Type, credit.Type is null ? null : Labels.Of(credit.Type), credit.Contact ?? []);
}

/// <summary>OSV's upper-case enumeration values as words: "REMEDIATION_DEVELOPER" → "Remediation developer".</summary>
public static class Labels
{
    public static string Of(string enumValue)
    {
        if (enumValue.Length == 0) return enumValue;
        var words = enumValue.Replace('_', ' ').ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }
}
