using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Cve;

/// <summary>
/// The one table between OSV's words and CVE's: reference types and tags, credit types and roles, ecosystems
/// and package collections, range types and version types. Both directions (writing a CVE record, importing
/// one) read it, so that a round trip gives back what went in.
/// </summary>
public static class CveVocabulary
{
    /// <summary>OSV reference type → CVE reference tag; types without a CVE counterpart (WEB, GIT, INTRODUCED...) get none.</summary>
    private static readonly (string Osv, string Cve)[] ReferenceTags =
    [
        ("ADVISORY", "vendor-advisory"),
        ("FIX", "patch"),
        ("REPORT", "issue-tracking"),
        ("ARTICLE", "technical-description"),
        ("DISCUSSION", "mailing-list"),
        ("EVIDENCE", "exploit"),
        ("DETECTION", "signature"),
        ("PACKAGE", "product"),
    ];

    /// <summary>Further CVE tags read back as OSV types when a record is imported (never written).</summary>
    private static readonly (string Cve, string Osv)[] ImportedTags =
    [
        (ThirdPartyAdvisoryTag, "ADVISORY"),
        ("vdb-entry", "ADVISORY"),
        ("release-notes", "WEB"),
        ("mitigation", "WEB"),
    ];

    /// <summary>OSV credit type → CVE credit role (the schema's enumeration).</summary>
    private static readonly (string Osv, string Cve)[] CreditRoles =
    [
        ("FINDER", "finder"),
        ("REPORTER", "reporter"),
        ("ANALYST", "analyst"),
        ("COORDINATOR", "coordinator"),
        ("REMEDIATION_DEVELOPER", "remediation developer"),
        ("REMEDIATION_REVIEWER", "remediation reviewer"),
        ("REMEDIATION_VERIFIER", "remediation verifier"),
        ("TOOL", "tool"),
        ("SPONSOR", "sponsor"),
        ("OTHER", "other"),
    ];

    /// <summary>OSV ecosystem → the package collection a CVE record names (<c>collectionURL</c>), as the CVE program lists them.</summary>
    private static readonly (string Ecosystem, string CollectionUrl)[] Collections =
    [
        ("PyPI", "https://pypi.org"),
        ("npm", "https://www.npmjs.com"),
        ("crates.io", "https://crates.io"),
        ("Go", "https://pkg.go.dev"),
        ("Maven", "https://repo.maven.apache.org/maven2"),
        ("NuGet", "https://www.nuget.org"),
        ("RubyGems", "https://rubygems.org"),
        ("Packagist", "https://packagist.org"),
        ("Hex", "https://hex.pm"),
        ("Pub", "https://pub.dev"),
        ("Hackage", "https://hackage.haskell.org"),
        ("CRAN", "https://cran.r-project.org"),
        ("SwiftURL", "https://swiftpackageindex.com"),
    ];

    /// <summary>The tag of an ADVISORY reference that is not on the database's own site.</summary>
    public const string ThirdPartyAdvisoryTag = "third-party-advisory";

    /// <summary>The CVE tag of an OSV reference type, or null.</summary>
    public static string? TagOf(string osvReferenceType) =>
        ReferenceTags.FirstOrDefault(pair => pair.Osv == osvReferenceType).Cve;

    /// <summary>The OSV reference type of a CVE reference's tags: the first tag that maps, else WEB.</summary>
    public static string ReferenceTypeOf(IReadOnlyList<string>? tags)
    {
        foreach (var tag in tags ?? [])
        {
            if (ReferenceTags.FirstOrDefault(pair => pair.Cve == tag).Osv is { } type) return type;
            if (ImportedTags.FirstOrDefault(pair => pair.Cve == tag).Osv is { } imported) return imported;
        }
        return "WEB";
    }

    public static string? RoleOf(string? osvCreditType) =>
        osvCreditType is null ? null : CreditRoles.FirstOrDefault(pair => pair.Osv == osvCreditType).Cve;

    public static string? CreditTypeOf(string? cveRole) =>
        cveRole is null ? null : CreditRoles.FirstOrDefault(pair => pair.Cve == cveRole).Osv;

    /// <summary>The collection URL of an ecosystem (a release suffix does not change it), or null for GIT and OS distributions.</summary>
    public static string? CollectionUrlOf(string ecosystem) =>
        Collections.FirstOrDefault(pair => pair.Ecosystem == Ecosystem.BaseName(ecosystem)).CollectionUrl;

    /// <summary>The OSV ecosystem of a collection URL (a trailing slash and the scheme's case do not matter), or null.</summary>
    public static string? EcosystemOf(string? collectionUrl)
    {
        if (collectionUrl is null) return null;
        var wanted = collectionUrl.TrimEnd('/');
        return Collections.FirstOrDefault(pair => string.Equals(pair.CollectionUrl, wanted, StringComparison.OrdinalIgnoreCase)).Ecosystem;
    }

    /// <summary>
    /// The CVE <c>versionType</c> of an OSV range: <c>git</c> for commits, <c>semver</c> for SEMVER ranges, the
    /// ecosystem's own scheme where CVE names one (python, maven, rpm...), else <c>custom</c>.
    /// </summary>
    public static string VersionTypeOf(string rangeType, string ecosystem) => rangeType switch
    {
        "GIT" => "git",
        "SEMVER" => "semver",
        _ => Ecosystem.BaseName(ecosystem) switch
        {
            "PyPI" => "python",
            "Maven" => "maven",
            "npm" or "crates.io" or "Go" or "Hex" or "Pub" => "semver",
            "NuGet" => "nuget",
            "RubyGems" => "rubygems",
            "Packagist" => "composer",
            "Red Hat" or "Rocky Linux" or "AlmaLinux" or "openSUSE" or "SUSE" or "Mageia" or "openEuler" => "rpm",
            "Debian" or "Ubuntu" => "deb",
            "Alpine" => "apk",
            _ => "custom",
        },
    };

    /// <summary>The OSV range type of a CVE <c>versionType</c> for a package of <paramref name="ecosystem"/> (null: GIT).</summary>
    public static string RangeTypeOf(string? versionType, string? ecosystem) => versionType switch
    {
        "git" => "GIT",
        "semver" when ecosystem is null or "npm" or "crates.io" or "Go" or "Hex" or "Pub" => "SEMVER",
        _ => "ECOSYSTEM",
    };
}
