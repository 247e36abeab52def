using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Publishing.FeedFolder;

/// <summary>
/// The ecosystem folders of the feed, as osv.dev's exporter names them (go/cmd/exporter in google/osv.dev): the
/// ecosystem without its <c>:suffix</c> (<c>Debian:12</c> is in <c>Debian</c>; osv.dev stopped exporting the
/// per-release folders), plus <c>GIT</c> for a record with a GIT range, and <c>[EMPTY]</c> for a record with neither
/// a package nor a GIT range, so that every record is in at least one folder.
/// </summary>
public static class FeedEcosystems
{
    public const string Git = "GIT";

    public const string Empty = "[EMPTY]";

    /// <summary>The folders of <paramref name="record"/>, sorted ordinally, never empty.</summary>
    public static IReadOnlyList<string> FoldersOf(OsvRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var affected in record.Affected ?? [])
        {
            if (affected.Package is { Ecosystem.Length: > 0 } package)
            {
                var colon = package.Ecosystem.IndexOf(':', StringComparison.Ordinal);
                folders.Add(colon < 0 ? package.Ecosystem : package.Ecosystem[..colon]);
            }
            if ((affected.Ranges ?? []).Any(range => range.Type == "GIT"))
                folders.Add(Git);
        }
        if (folders.Count == 0)
            folders.Add(Empty);
        return [.. folders];
    }

    /// <summary>
    /// Whether <paramref name="folder"/> can be a folder name: not empty, no path separator, not <c>.</c> or
    /// <c>..</c>, no control character. Ecosystem names are checked by the schema; this guards the file system.
    /// </summary>
    public static bool IsSafeFolderName(string folder) =>
        folder.Length > 0
        && folder is not ("." or "..")
        && !folder.Any(c => c is '/' or '\\' || char.IsControl(c));
}
