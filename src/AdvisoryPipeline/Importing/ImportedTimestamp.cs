using System.Globalization;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Importing;

/// <summary>
/// A timestamp of an imported source (CVE Services' <c>2025-01-28T14:00:00.000Z</c>, a CVE record's timestamp without a
/// zone, which the CVE schema reads as UTC, GitHub's <c>2026-01-10T09:00:00Z</c>) in OSV's form, whole seconds, UTC.
/// </summary>
internal static class ImportedTimestamp
{
    public static string? Of(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? OsvTimestamp.FormatWholeSeconds(value)
            : null;
}
