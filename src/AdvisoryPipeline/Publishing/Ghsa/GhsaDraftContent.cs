using AdvisoryPipeline.Osv.Cvss;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Publishing.Ghsa;

/// <summary>
/// What the ghsa target wants the draft of one record to hold. An empty CVE, CWE list, CVSS vector or product list
/// means "the record says nothing": such a field is never sent in an update, so that what GitHub or the
/// maintainers put there (a CVE requested through GitHub, a product added by hand) stays.
/// </summary>
internal sealed record GhsaDraftContent(
    string Summary,
    string Description,
    string? CveId,
    IReadOnlyList<string> CweIds,
    string? CvssVector,
    IReadOnlyList<GhsaVulnerability> Vulnerabilities,
    bool Closed,
    IReadOnlyList<GhsaCreditJson>? Credits = null)
{
    public string State => Closed ? "closed" : "draft";

    /// <summary>
    /// The create request. GitHub requires <c>vulnerabilities</c>, so it is sent even when empty. A new advisory
    /// is always a draft: a closed one is closed by an update afterwards, which also brings its ledger comment.
    /// </summary>
    public GhsaAdvisoryBody CreateBody() => new(
        Summary,
        Closed ? GhsaMarker.WithoutLedger(Description) : Description,
        CveId,
        CweIds.Count == 0 ? null : CweIds,
        CvssVector,
        [.. Vulnerabilities.Select(vulnerability => vulnerability.ToJson())],
        Credits: Credits is { Count: > 0 } credits ? credits : null);

    /// <summary>The update that makes <paramref name="advisory"/> hold this content: the fields that differ, nothing else.</summary>
    public GhsaUpdate UpdateOf(GhsaAdvisory advisory)
    {
        var summary = Summary != advisory.Summary;
        var description = GhsaAdvisory.NormaliseText(Description) != advisory.Description;
        var cve = CveId is not null && !string.Equals(CveId, advisory.CveId, StringComparison.OrdinalIgnoreCase);
        var cwes = CweIds.Count > 0 && !SameIds(CweIds, advisory.CweIds);
        var cvss = CvssVector is not null && !advisory.CvssVectors.Any(vector => SameVector(CvssVector, vector));
        var vulnerabilities = Vulnerabilities.Count > 0 && !GhsaVulnerability.SameSet(Vulnerabilities, advisory.Vulnerabilities);
        var state = State != advisory.State;
        var credits = Credits is { Count: > 0 } wanted && !SameCredits(wanted, advisory.Credits);
        var body = new GhsaAdvisoryBody(
            summary ? Summary : null,
            description ? Description : null,
            cve ? CveId : null,
            cwes ? CweIds : null,
            cvss ? CvssVector : null,
            vulnerabilities ? [.. Vulnerabilities.Select(vulnerability => vulnerability.ToJson())] : null,
            state ? State : null,
            credits ? Credits : null);
        (bool Changed, string Name)[] fields =
        [
            (summary, "summary"), (description, "description"), (cve, "cve_id"), (cwes, "cwe_ids"),
            (cvss, "cvss_vector_string"), (vulnerabilities, "vulnerabilities"), (state, "state"), (credits, "credits"),
        ];
        return new GhsaUpdate(body, [.. fields.Where(field => field.Changed).Select(field => field.Name)]);
    }

    private static bool SameCredits(IReadOnlyList<GhsaCreditJson> left, IReadOnlyList<GhsaCreditJson> right) =>
        left.Select(Key).Order(StringComparer.Ordinal).SequenceEqual(right.Select(Key).Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static string Key(GhsaCreditJson credit) => (credit.Login ?? "").ToLowerInvariant() + "\u001f" + credit.Type;

    private static bool SameIds(IReadOnlyList<string> left, IReadOnlyList<string> right) =>
        left.Select(id => id.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal)
            .SequenceEqual(right.Select(id => id.ToUpperInvariant()).Distinct().Order(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Same version and same defined metrics, whatever their order (GitHub may rewrite a vector).</summary>
    private static bool SameVector(string left, string right)
    {
        if (!CvssParser.TryParse(left, out var a, out _) || !CvssParser.TryParse(right, out var b, out _))
            return left == right;
        return a.Version == b.Version && Defined(a).SetEquals(Defined(b));

        static HashSet<string> Defined(CvssVector vector) =>
            [.. vector.Metrics.Where(metric => metric.Value != "X").Select(metric => metric.Key + ":" + metric.Value)];
    }
}

/// <summary>An update request and the names of the fields it changes (empty: nothing to send).</summary>
internal sealed record GhsaUpdate(GhsaAdvisoryBody Body, IReadOnlyList<string> Fields)
{
    public bool IsEmpty => Fields.Count == 0;
}
