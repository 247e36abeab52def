using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Osv.Ecosystems;

/// <summary>
/// The ecosystems defined by the OSV schema ("Defined ecosystems" in https://ossf.github.io/osv-schema/),
/// with their suffix rules and purl types. Names are case-sensitive.
/// </summary>
/// <remarks>
/// Purl types follow the purl-spec registry and osv.dev's mapping (osv/purl_helpers.py); an ecosystem
/// without an established type has no <see cref="EcosystemDefinition.Purl"/>.
/// </remarks>
public static class OsvEcosystems
{
    public static IReadOnlyList<EcosystemDefinition> All { get; } =
    [
        new("AlmaLinux", SuffixRule.Optional, SuffixExample: "AlmaLinux:8", Purl: new("rpm", Vendor: "almalinux")),
        new("Alpaquita", SuffixRule.Required, SuffixExample: "Alpaquita:23"),
        new("Alpine", SuffixRule.Required, SuffixForm.AlpineBranch, "Alpine:v3.16", new("apk", Vendor: "alpine", SourcePackages: true)),
        new("Android"),
        new("Azure Linux", SuffixRule.Required, SuffixExample: "Azure Linux:3"),
        new("BellSoft Hardened Containers", SuffixRule.Required, SuffixExample: "BellSoft Hardened Containers:23"),
        new("Bioconductor"),
        new("Bitnami", Purl: new("bitnami")),
        new("Chainguard", Purl: new("apk", Vendor: "chainguard")),
        new("CleanStart"),
        new("ConanCenter", Purl: new("conan")),
        new("CRAN", Purl: new("cran")),
        new("crates.io", Purl: new("cargo")),
        new("Debian", SuffixRule.Optional, SuffixExample: "Debian:12", Purl: new("deb", Vendor: "debian", SourcePackages: true)),
        new("Docker Hardened Images"),
        new("Echo"),
        new("FreeBSD", SuffixRule.Optional, SuffixExample: "FreeBSD:ports"),
        new("GHC"),
        new("GitHub Actions"),
        new("Go", Purl: new("golang", PurlNameLayout.NamespaceBeforeLastSlash)),
        new("Hackage", Purl: new("hackage")),
        new("Hex", Purl: new("hex")),
        new("Julia"),
        new("Kubernetes"),
        new("Linux"),
        new("Mageia", SuffixRule.Required, SuffixExample: "Mageia:9"),
        new("Maven", SuffixRule.Optional, SuffixForm.RepositoryUrl, "Maven:https://maven.google.com",
            new("maven", PurlNameLayout.NamespaceBeforeColon)),
        new("MinimOS"),
        new("npm", Purl: new("npm", PurlNameLayout.NamespaceBeforeLastSlash)),
        new("NuGet", Purl: new("nuget")),
        new("opam", Purl: new("opam")),
        new("openEuler", SuffixRule.Required, SuffixExample: "openEuler:22.03-LTS"),
        new("openSUSE", SuffixRule.Required, SuffixExample: "openSUSE:Tumbleweed", Purl: new("rpm", Vendor: "opensuse")),
        new("OSS-Fuzz", Purl: new("generic")),
        new("Packagist", SuffixRule.Optional, SuffixForm.RepositoryUrl, "Packagist:https://packages.drupal.org/8",
            new("composer", PurlNameLayout.NamespaceBeforeLastSlash)),
        new("Photon OS", SuffixRule.Required, SuffixExample: "Photon OS:3.0"),
        new("Pub", Purl: new("pub")),
        new("PyPI", Purl: new("pypi")),
        new("Red Hat", SuffixRule.Required, SuffixExample: "Red Hat:enterprise_linux:9::appstream", Purl: new("rpm", Vendor: "redhat")),
        new("Rocky Linux", SuffixRule.Optional, SuffixExample: "Rocky Linux:9", Purl: new("rpm", Vendor: "rocky-linux")),
        // "Root:Alpine:3.18" or "Root:PyPI"; the bare name is not excluded by the schema text.
        new("Root", SuffixRule.Optional, SuffixExample: "Root:PyPI"),
        new("RubyGems", Purl: new("gem")),
        new("SUSE", SuffixRule.Required, SuffixExample: "SUSE:Linux Enterprise Server 15 SP5", Purl: new("rpm", Vendor: "suse")),
        new("SwiftURL", Purl: new("swift", PurlNameLayout.NamespaceBeforeLastSlash)),
        new("TuxCare", SuffixRule.Optional, SuffixExample: "TuxCare:8"),
        new("Ubuntu", SuffixRule.Required, SuffixExample: "Ubuntu:22.04:LTS", Purl: new("deb", Vendor: "ubuntu", SourcePackages: true)),
        new("VSCode", SuffixRule.Optional, SuffixForm.RepositoryUrl, "VSCode:https://open-vsx.org"),
        new("Wolfi", Purl: new("apk", Vendor: "wolfi")),
    ];

    private static readonly Dictionary<string, EcosystemDefinition> ByName =
        All.ToDictionary(definition => definition.Name, StringComparer.Ordinal);

    private static readonly Dictionary<string, EcosystemDefinition> ByNameIgnoringCase =
        All.ToDictionary(definition => definition.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The definition of an exact base name (no suffix), or null.</summary>
    public static EcosystemDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// The definition whose name matches ignoring case and surrounding whitespace, for "did you mean"
    /// hints (<c>pypi</c> → <c>PyPI</c>); null when nothing matches.
    /// </summary>
    public static EcosystemDefinition? FindIgnoringCase(string name) => ByNameIgnoringCase.GetValueOrDefault(name.Trim());

    /// <summary>
    /// The defined name an unknown one most likely stands for (<c>crates</c> → <c>crates.io</c>, <c>NPM</c> →
    /// <c>npm</c>), else the one ecosystem whose purl type it is (<c>cargo</c> → <c>crates.io</c>, <c>golang</c> →
    /// <c>Go</c>); null when nothing is close.
    /// </summary>
    public static string? Suggest(string name)
    {
        var trimmed = name.Trim();
        if (Suggestions.Closest(trimmed, All.Select(definition => definition.Name)) is { } closest) return closest;
        // "generic" names no ecosystem, whatever else uses it.
        if (string.Equals(trimmed, "generic", StringComparison.OrdinalIgnoreCase)) return null;
        var byPurlType = All.Where(definition => string.Equals(definition.Purl?.Type, trimmed, StringComparison.OrdinalIgnoreCase)).Take(2).ToArray();
        return byPurlType.Length == 1 ? byPurlType[0].Name : null;
    }
}
