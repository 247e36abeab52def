using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Publishing.Ghsa;

/// <summary>
/// OSV ecosystem names and the names GitHub's repository advisories use for the same package registries. OSV
/// ecosystems GitHub has no counterpart for (Debian, Alpine, Linux, OSS-Fuzz…) have none: their packages are
/// not sent. A suffix (<c>Maven:https://repo.example.com</c>) does not change the registry format.
/// </summary>
internal static class GhsaEcosystems
{
    private static readonly Dictionary<string, string> ByOsvName = new(StringComparer.Ordinal)
    {
        ["PyPI"] = "pip",
        ["npm"] = "npm",
        ["crates.io"] = "rust",
        ["Go"] = "go",
        ["Maven"] = "maven",
        ["NuGet"] = "nuget",
        ["RubyGems"] = "rubygems",
        ["Packagist"] = "composer",
        ["Pub"] = "pub",
        ["Hex"] = "erlang",
        ["SwiftURL"] = "swift",
        ["GitHub Actions"] = "actions",
    };

    /// <summary>GitHub's name for an OSV ecosystem, or null when GitHub has none.</summary>
    public static string? Of(string osvEcosystem) => ByOsvName.GetValueOrDefault(Ecosystem.BaseName(osvEcosystem));

    /// <summary>The OSV ecosystem of one of GitHub's names (<c>pip</c> → <c>PyPI</c>), or null for <c>other</c> and unknown names.</summary>
    public static string? OsvOf(string ghsaEcosystem) => ByOsvName.FirstOrDefault(pair => pair.Value == ghsaEcosystem).Key;
}
