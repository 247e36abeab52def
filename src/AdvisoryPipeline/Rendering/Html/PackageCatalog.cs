using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>A package that has a page: every affected entry of every advisory that names it.</summary>
internal sealed record SitePackage(string Ecosystem, string Name, IReadOnlyList<PackageAdvisory> Advisories)
{
    public string PagePath => SiteLinks.PackagePagePath(Ecosystem, Name);
}

/// <summary>One advisory as it concerns one package (an advisory may list a package more than once).</summary>
internal sealed record PackageAdvisory(AdvisoryView Advisory, IReadOnlyList<AffectedPackageView> Entries);

/// <summary>
/// The packages of the site, keyed by ecosystem and name exactly as authored. Affected entries without a
/// package (a bare GIT range) get no page.
/// </summary>
internal sealed class PackageCatalog
{
    private readonly Dictionary<(string Ecosystem, string Name), SitePackage> _byKey;

    private PackageCatalog(IReadOnlyList<SitePackage> packages)
    {
        Packages = packages;
        _byKey = packages.ToDictionary(p => (p.Ecosystem, p.Name));
    }

    /// <summary>Ordered by ecosystem, then name (ordinal: stable across cultures).</summary>
    public IReadOnlyList<SitePackage> Packages { get; }

    public static PackageCatalog Of(IReadOnlyList<AdvisoryView> newestFirst)
    {
        var packages = newestFirst
            .SelectMany(advisory => advisory.Affected.Where(HasPage).Select(affected => (advisory, affected)))
            .GroupBy(x => (x.affected.Ecosystem, x.affected.Package))
            .Select(group => new SitePackage(group.Key.Ecosystem, group.Key.Package,
                [.. group.GroupBy(x => x.advisory).Select(g => new PackageAdvisory(g.Key, [.. g.Select(x => x.affected)]))]))
            .OrderBy(p => p.Ecosystem, StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        return new PackageCatalog(packages);
    }

    public SitePackage? Find(AffectedPackageView affected) =>
        _byKey.GetValueOrDefault((affected.Ecosystem, affected.Package));

    private static bool HasPage(AffectedPackageView affected) => affected.Ecosystem.Length > 0 && affected.Package.Length > 0;
}
