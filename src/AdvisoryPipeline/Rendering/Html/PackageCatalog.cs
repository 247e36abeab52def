using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// A package that has a page: every affected entry of every advisory that names it, and where its page is
/// (<see cref="SiteLinks.PackagePagePath"/>, or <see cref="SiteLinks.DistinctPackagePagePath"/> when that path is
/// another package's).
/// </summary>
internal sealed record SitePackage(string Ecosystem, string Name, IReadOnlyList<PackageAdvisory> Advisories, string PagePath);

/// <summary>One advisory as it concerns one package (an advisory may list a package more than once).</summary>
internal sealed record PackageAdvisory(AdvisoryView Advisory, IReadOnlyList<AffectedPackageView> Entries);

/// <summary>
/// The packages of the site, keyed by ecosystem and name exactly as authored. Affected entries without a
/// package (a bare GIT range) get no page. Paths are readable and distinct even where a file system ignores letter
/// case: of two packages whose readable paths would meet, the one first in ordinal order keeps it and the other gets
/// a hashed one, so a package's path depends only on the packages of the site.
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
        var takenPaths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var packages = newestFirst
            .SelectMany(advisory => advisory.Affected.Where(HasPage).Select(affected => (advisory, affected)))
            .GroupBy(x => (x.affected.Ecosystem, x.affected.Package))
            .OrderBy(group => group.Key.Ecosystem, StringComparer.Ordinal)
            .ThenBy(group => group.Key.Package, StringComparer.Ordinal)
            .Select(group =>
            {
                var (ecosystem, name) = group.Key;
                var path = SiteLinks.PackagePagePath(ecosystem, name);
                if (!takenPaths.Add(path))
                {
                    path = SiteLinks.DistinctPackagePagePath(ecosystem, name);
                    takenPaths.Add(path);
                }
                return new SitePackage(ecosystem, name,
                    [.. group.GroupBy(x => x.advisory).Select(g => new PackageAdvisory(g.Key, [.. g.Select(x => x.affected)]))], path);
            })
            .ToList();
        return new PackageCatalog(packages);
    }

    public SitePackage? Find(AffectedPackageView affected) =>
        _byKey.GetValueOrDefault((affected.Ecosystem, affected.Package));

    private static bool HasPage(AffectedPackageView affected) => affected.Ecosystem.Length > 0 && affected.Package.Length > 0;
}
