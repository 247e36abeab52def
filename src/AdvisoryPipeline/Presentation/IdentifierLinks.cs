using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Presentation;

/// <summary>
/// The public page of an identifier in its own database, so that every renderer links aliases, related and upstream
/// IDs the same way: CVE at cve.org, GHSA at GitHub, CWE at MITRE, Go's at pkg.go.dev, RustSec's at rustsec.org, and
/// any other ID with an OSV-registered prefix (PYSEC, PSF, OSV, …) at osv.dev. Other identifiers get no link: a
/// guessed URL is worse than none.
/// </summary>
public static class IdentifierLinks
{
    public static string? UrlOf(string id)
    {
        if (CveId.IsValid(id)) return "https://www.cve.org/CVERecord?id=" + id;
        if (GhsaId.IsValid(id)) return "https://github.com/advisories/" + id;
        if (CweId.TryParse(id, out var cwe)) return $"https://cwe.mitre.org/data/definitions/{cwe}.html";
        if (!IsPlainId(id)) return null;
        return OsvPrefixes.RegisteredPrefixOf(id) switch
        {
            null => null,
            "GO" => "https://pkg.go.dev/vuln/" + id,
            "RUSTSEC" => $"https://rustsec.org/advisories/{id}.html",
            _ => "https://osv.dev/vulnerability/" + id,
        };
    }

    // Letters, digits and ". _ - :" only, so that the ID is a URL path segment as written.
    private static bool IsPlainId(string id) =>
        id.Length is > 0 and <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':');
}
