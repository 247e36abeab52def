using System.Text.RegularExpressions;

namespace AdvisoryPipeline.Presentation;

/// <summary>
/// The public page of a well-known identifier (CVE, GHSA, CWE), so that every renderer links aliases the
/// same way. Other identifiers get no link: a guessed URL is worse than none.
/// </summary>
public static partial class IdentifierLinks
{
    public static string? UrlOf(string id)
    {
        if (CveId().IsMatch(id)) return "https://www.cve.org/CVERecord?id=" + id;
        if (GhsaId().IsMatch(id)) return "https://github.com/advisories/" + id;
        if (CweId().Match(id) is { Success: true } cwe) return $"https://cwe.mitre.org/data/definitions/{cwe.Groups[1].Value}.html";
        return null;
    }

    [GeneratedRegex(@"^CVE-[0-9]{4}-[0-9]{4,}$", RegexOptions.CultureInvariant)]
    private static partial Regex CveId();

    [GeneratedRegex(@"^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$", RegexOptions.CultureInvariant)]
    private static partial Regex GhsaId();

    [GeneratedRegex(@"^CWE-([0-9]{1,6})$", RegexOptions.CultureInvariant)]
    private static partial Regex CweId();
}
