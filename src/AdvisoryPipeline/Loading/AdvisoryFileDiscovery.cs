namespace AdvisoryPipeline.Loading;

/// <summary>An advisory file: the path shown in findings (relative to the working folder when inside it) and the full path.</summary>
public sealed record AdvisoryFile(string DisplayPath, string FullPath);

/// <summary>The advisory files named by the user: files as given, folders searched recursively.</summary>
public sealed record DiscoveredFiles(IReadOnlyList<AdvisoryFile> Files, IReadOnlyList<string> Problems);

/// <summary>
/// Turns command-line paths into a sorted, de-duplicated list of advisory files. A folder yields every
/// <c>*.yaml</c>/<c>*.yml</c> below it except the database config and hidden folders; a path that does not
/// exist is a problem to report, never silently skipped.
/// </summary>
public static class AdvisoryFileDiscovery
{
    public static DiscoveredFiles Discover(IEnumerable<string> paths, string workingDirectory)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            if (File.Exists(full))
                files.Add(full);
            else if (Directory.Exists(full))
                foreach (var file in EnumerateAdvisories(full))
                    files.Add(file);
            else
                problems.Add($"{path}: no such file or folder");
        }
        var sorted = files.Select(full => new AdvisoryFile(Display(full, workingDirectory), full))
            .OrderBy(f => f.DisplayPath, StringComparer.Ordinal)
            .ToArray();
        return new DiscoveredFiles(sorted, problems);
    }

    public static bool IsAdvisoryFileName(string fileName) =>
        (fileName.EndsWith(".yaml", StringComparison.Ordinal) || fileName.EndsWith(".yml", StringComparison.Ordinal))
        && !string.Equals(fileName, DatabaseFiles.ConfigFile, StringComparison.Ordinal)
        && !fileName.StartsWith('.');

    private static IEnumerable<string> EnumerateAdvisories(string folder)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = false,
            ReturnSpecialDirectories = false,
        };
        foreach (var file in Directory.EnumerateFiles(folder, "*", options))
        {
            var name = Path.GetFileName(file);
            if (IsAdvisoryFileName(name) && !IsUnderHiddenFolder(file, folder))
                yield return file;
        }
    }

    // On Linux "hidden" is a naming convention that EnumerationOptions does not know for folders below the root.
    private static bool IsUnderHiddenFolder(string file, string root)
    {
        var folders = Path.GetRelativePath(root, Path.GetDirectoryName(file)!);
        return folders != "." && folders.Split(Path.DirectorySeparatorChar).Any(segment => segment.StartsWith('.'));
    }

    /// <summary>Paths are shown relative to the working directory when inside it, as editors and CI expect.</summary>
    public static string Display(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
