using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// Which advisory IDs and aliases can name a folder at the site's root: OSV-like identifiers (letters,
/// digits, <c>. _ -</c>, starting with a letter or digit), not too long, and not one of the site's own
/// folders and files. Compared without case: the site may be served from a case-insensitive file system.
/// </summary>
internal static class SiteFolderNames
{
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    private static readonly HashSet<string> Reserved = new(
        [SiteAssets.Folder, "osv", "packages", IndexPage.PagesFolder, "security", "index.html", "feed.xml", SearchIndex.Path], Comparer);

    /// <summary>An ID or alias that the ID policy accepts (<see cref="AdvisoryId.UsabilityProblem"/>) and that is not one of the site's own names.</summary>
    public static bool IsUsable(string id) => AdvisoryId.UsabilityProblem(id) is null && !Reserved.Contains(id);
}
