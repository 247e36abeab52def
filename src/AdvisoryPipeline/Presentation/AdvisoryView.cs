using System.Text.Json;
using AdvisoryPipeline.Markup;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Presentation;

/// <summary>
/// An advisory as every renderer (Markdown, HTML, mail, the ghsa: draft) presents it: its title and one-line
/// summary, labels resolved, severities scored, ranges turned into readable intervals, timestamps parsed, details
/// parsed once. Renderers only lay it out and encode it.
/// </summary>
/// <param name="Title">
/// What the advisory is called (a page's heading, a feed entry's or a mail's subject, after the ID): the record's
/// summary on one line, without a "WITHDRAWN:" prefix when the record is withdrawn (every output marks withdrawal
/// itself); without a summary, "Vulnerability in" and the affected packages; without those, the ID. At most
/// <see cref="MaxTitleLength"/> characters, cut with an ellipsis.
/// </param>
/// <param name="Summary">
/// The one-line summary lists show: the title when the record has a summary; else the first sentence of the details
/// as plain text; else the title. At most <see cref="MaxTitleLength"/> characters, cut with an ellipsis.
/// </param>
public sealed record AdvisoryView(
    OsvRecord Record,
    string Title,
    string Summary,
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

    /// <summary>
    /// The details as every output shows them: line breaks normalised, control and bidi characters made visible
    /// (<see cref="ReadableText"/>), parsed within <see cref="DetailsMarkdown"/>'s limits; null without details.
    /// </summary>
    public DetailsMarkdown? DetailsMarkdown { get; init; }

    /// <summary>The longest title or one-line summary: what lint asks of a summary (OSV803).</summary>
    public const int MaxTitleLength = 120;

    /// <summary>
    /// The <see cref="Summary"/> before it is shortened, for outputs with room of their own (a GitHub advisory's
    /// summary takes 1,024 characters): the record's summary on one line, else the first sentence of the details, else
    /// the title.
    /// </summary>
    public string SummaryLine { get; init; } = "";

    public bool IsWithdrawn => Record.IsWithdrawn;

    /// <summary>The most severe rating of the record and of its packages: what a badge shows.</summary>
    public SeverityView? HighestSeverity =>
        SeverityView.Highest(Severities.Concat(Affected.SelectMany(a => a.Severities)));

    /// <summary>The distinct ecosystems, without release suffixes (<c>Debian:12</c> counts as Debian).</summary>
    public IReadOnlyList<string> Ecosystems =>
        [.. Affected.Select(a => a.Ecosystem.Split(':')[0]).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// When the advisory last changed for readers: the later of modified and published (some databases leave
    /// <c>modified</c> at year 1 or before <c>published</c>), either when only one is known.
    /// </summary>
    public DateTimeOffset? LastUpdated => (Modified, Published) switch
    {
        ({ } modified, { } published) => modified > published ? modified : published,
        var (modified, published) => modified ?? published,
    };

    public static AdvisoryView From(OsvRecord record)
    {
        var affected = (record.Affected ?? []).Select(AffectedPackageView.From).ToArray();
        var details = string.IsNullOrWhiteSpace(record.Details) ? null : Markup.DetailsMarkdown.Parse(ReadableText.CleanLines(record.Details));
        var title = AdvisoryTitle.Of(record, affected);
        var summary = AdvisoryTitle.SummaryOf(record);
        var summaryLine = summary.Length > 0 ? summary : AdvisoryTitle.SentenceFrom(details) ?? title;
        return new AdvisoryView(
            record,
            title,
            ShortText.Cut(summaryLine, MaxTitleLength),
            [.. (record.Severity ?? []).Select(SeverityView.From)],
            affected,
            [.. (record.Credits ?? []).Select(CreditView.From)],
            [.. (record.References ?? []).Select(ReferenceView.From)],
            CweIdsOf(record.DatabaseSpecific),
            Parse(record.Published),
            Parse(record.Modified),
            Parse(record.Withdrawn))
        {
            DetailsMarkdown = details,
            SummaryLine = summaryLine,
        };
    }

    /// <summary>
    /// A timestamp of the record, or null when it has none or has Go's zero time (<c>0001-01-01T00:00:00Z</c>, which the
    /// Go vulnerability database writes for dates it does not give): shown as "unknown", sorted last.
    /// </summary>
    private static DateTimeOffset? Parse(string? text) =>
        OsvTimestamp.TryParseSet(text, out var value) ? value : null;

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
