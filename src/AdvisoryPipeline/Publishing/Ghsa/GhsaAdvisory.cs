using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Publishing.Ghsa;

/// <summary>
/// A repository security advisory as GitHub holds it, with the fields the ghsa target compares read in a form
/// that does not depend on how GitHub writes them back (line endings, trailing newlines, CVSS in two places).
/// </summary>
/// <param name="GhsaId">GitHub's ID, e.g. <c>GHSA-abcd-1234-efgh</c>.</param>
/// <param name="State"><c>draft</c>, <c>closed</c>, <c>published</c>, <c>withdrawn</c> or <c>triage</c>.</param>
/// <param name="HtmlUrl">The advisory's page.</param>
/// <param name="UpdatedAt">GitHub's last-change time, as GitHub wrote it: tells whether it changed between two reads.</param>
/// <param name="Marker">The OSV record the advisory was made from, if the ghsa target made it.</param>
/// <param name="Summary">The summary, trimmed.</param>
/// <param name="Description">The description with <c>\n</c> line endings and no trailing white space.</param>
/// <param name="CveId">The CVE ID, if any.</param>
/// <param name="CweIds">The CWE IDs.</param>
/// <param name="CvssVectors">Every CVSS vector GitHub reports (one per version).</param>
/// <param name="Vulnerabilities">The affected products.</param>
/// <param name="Credits">The credited GitHub users and their roles.</param>
internal sealed record GhsaAdvisory(
    string GhsaId,
    string State,
    string? HtmlUrl,
    string? UpdatedAt,
    GhsaMarker? Marker,
    string Summary,
    string Description,
    string? CveId,
    IReadOnlyList<string> CweIds,
    IReadOnlyList<string> CvssVectors,
    IReadOnlyList<GhsaVulnerability> Vulnerabilities,
    IReadOnlyList<GhsaCreditJson> Credits)
{
    /// <summary>Published (or withdrawn by GitHub): the target never changes it, it reports what differs instead.</summary>
    public bool IsPublished => State is "published" or "withdrawn";

    public bool IsClosed => State == "closed";

    /// <summary>The advisory in GitHub's answer, or null when the answer names no advisory.</summary>
    public static GhsaAdvisory? From(GhsaAdvisoryJson json)
    {
        if (string.IsNullOrEmpty(json.GhsaId))
            return null;
        GhsaMarker.TryFind(json.Description, out var marker);
        string?[] vectors = [json.CvssSeverities?.CvssV3?.VectorString, json.CvssSeverities?.CvssV4?.VectorString, json.Cvss?.VectorString];
        return new GhsaAdvisory(
            json.GhsaId,
            json.State ?? "",
            json.HtmlUrl,
            json.UpdatedAt,
            marker,
            (json.Summary ?? "").Trim(),
            NormaliseText(json.Description),
            string.IsNullOrWhiteSpace(json.CveId) ? null : json.CveId.Trim(),
            [.. (json.CweIds ?? []).Select(id => id.Trim())],
            [.. vectors.OfType<string>().Where(vector => vector.Length > 0).Distinct(StringComparer.Ordinal)],
            [.. (json.Vulnerabilities ?? []).Select(GhsaVulnerability.From).OfType<GhsaVulnerability>()],
            [.. (json.Credits ?? []).Where(credit => !string.IsNullOrEmpty(credit.Login))]);
    }

    /// <summary>Line endings as <c>\n</c>, no trailing white space: how a description is compared.</summary>
    public static string NormaliseText(string? text) => (text ?? "").ReplaceLineEndings("\n").TrimEnd();
}
