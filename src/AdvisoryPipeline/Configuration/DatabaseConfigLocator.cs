using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Configuration;

/// <summary>Finds the <c>database.yaml</c> that governs an advisory: the one in the nearest enclosing folder.</summary>
public static class DatabaseConfigLocator
{
    /// <summary>
    /// The configuration file for <paramref name="advisoryPath"/> (a file, or a folder of advisories), or null
    /// when no folder from there up to the file system root has one.
    /// </summary>
    public static string? FindFor(string advisoryPath)
    {
        var full = Path.GetFullPath(advisoryPath);
        var folder = Directory.Exists(full) ? new DirectoryInfo(full) : new DirectoryInfo(full).Parent;
        for (; folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, DatabaseFiles.ConfigFile);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
