using System.Text.RegularExpressions;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// Which advisory IDs and aliases can name a folder at the site's root: OSV-like identifiers (letters,
/// digits, <c>. _ -</c>, starting with a letter or digit), not too long, and not one of the site's own
/// folders and files. Compared without case: the site may be served from a case-insensitive file system.
/// </summary>
internal static partial class SiteFolderNames
{
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    private static readonly HashSet<string> Reserved = new(
        [SiteAssets.Folder, "osv", "packages", IndexPage.PagesFolder, "index.html", "feed.xml", SearchIndex.Path], Comparer);

    public static bool IsUsable(string id) => Shape().IsMatch(id) && !id.EndsWith('.') && !Reserved.Contains(id);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
