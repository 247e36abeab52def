namespace AdvisoryPipeline.Osv.Ecosystems;

/// <summary>Whether a purl type takes a namespace.</summary>
internal enum PurlNamespaceRule { Optional, Required, Prohibited }

/// <summary>
/// What the purl type definitions (https://github.com/package-url/purl-spec, <c>types/</c>) say about the
/// types that OSV ecosystems map to: namespace requirement, case sensitivity and name normalisation.
/// Types not listed here are accepted as written.
/// </summary>
/// <param name="Namespace">Whether the type takes a namespace.</param>
/// <param name="Lowercase">Namespace and name are case-insensitive and lower case in canonical form.</param>
/// <param name="IgnoreCase">Case-insensitive, but the spelling is kept (see golang below).</param>
/// <param name="Pep503">The name is normalised as PyPI's PEP 503 does.</param>
internal sealed record PurlTypeRules(
    PurlNamespaceRule Namespace = PurlNamespaceRule.Optional, bool Lowercase = false, bool IgnoreCase = false, bool Pep503 = false)
{
    private static readonly PurlTypeRules AsWritten = new();

    private static readonly Dictionary<string, PurlTypeRules> ByType = new(StringComparer.Ordinal)
    {
        ["pypi"] = new(PurlNamespaceRule.Prohibited, Pep503: true),
        ["npm"] = new(Lowercase: true),
        ["cargo"] = new(PurlNamespaceRule.Prohibited),
        ["nuget"] = new(PurlNamespaceRule.Prohibited, IgnoreCase: true),
        ["gem"] = new(PurlNamespaceRule.Prohibited),
        ["pub"] = new(PurlNamespaceRule.Prohibited, Lowercase: true),
        ["hackage"] = new(PurlNamespaceRule.Prohibited),
        ["cran"] = new(PurlNamespaceRule.Prohibited),
        ["hex"] = new(Lowercase: true),
        ["composer"] = new(PurlNamespaceRule.Required, Lowercase: true),
        ["maven"] = new(PurlNamespaceRule.Required),
        ["swift"] = new(PurlNamespaceRule.Required),
        ["deb"] = new(Lowercase: true),
        ["apk"] = new(Lowercase: true),
        ["bitnami"] = new(PurlNamespaceRule.Prohibited, Lowercase: true),
        ["github"] = new(PurlNamespaceRule.Required, Lowercase: true),
        // The golang definition asks for lower case, but module paths are case-sensitive
        // (github.com/BurntSushi/toml) and osv.dev keeps their case: compare ignoring case, keep the spelling.
        ["golang"] = new(IgnoreCase: true),
    };

    public static PurlTypeRules For(string type) => ByType.GetValueOrDefault(type, AsWritten);

    public StringComparison Comparison => Lowercase || IgnoreCase || Pep503 ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public string NormalizeNamespaceSegment(string segment) => Lowercase ? segment.ToLowerInvariant() : segment;

    public string NormalizeName(string name) =>
        Pep503 ? PackageNames.NormalizePep503(name)
        : Lowercase ? name.ToLowerInvariant()
        : name;
}
