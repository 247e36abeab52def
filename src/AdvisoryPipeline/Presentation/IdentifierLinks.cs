using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Presentation;

/// <summary>
/// The public page of a well-known identifier (CVE, GHSA, CWE), so that every renderer links aliases the
/// same way. Other identifiers get no link: a guessed URL is worse than none.
/// </summary>
public static class IdentifierLinks
{
    public static string? UrlOf(string id)
    {
        if (CveId.IsValid(id)) return "https://www.cve.org/CVERecord?id=" + id;
        if (GhsaId.IsValid(id)) return "https://github.com/advisories/" + id;
        if (CweId.TryParse(id, out var cwe)) return $"https://cwe.mitre.org/data/definitions/{cwe}.html";
        return null;
    }
}
