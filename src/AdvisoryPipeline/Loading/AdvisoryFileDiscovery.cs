using System.IO.Enumeration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.FileSystem;

namespace AdvisoryPipeline.Loading;

/// <summary>An advisory file: the path shown in findings (relative to the working folder when inside it) and the full path.</summary>
public sealed record AdvisoryFile(string DisplayPath, string FullPath)
{
    /// <summary>
    /// The file's stamp when it was found, before it was read (null where the system gives none): the validation cache
    /// takes an unchanged, settled stamp for unchanged content and does not read the file again.
    /// </summary>
    public FileStamp? Stamp { get; init; }
}

/// <summary>
/// The advisory files named by the user: files as given, folders searched recursively.
/// </summary>
/// <param name="Problems">Paths that do not exist: the user's mistake (exit 2).</param>
/// <param name="Refused">
/// What a folder holds that is not read, as findings located at its path (YAML016): a symbolic link out of the folder,
/// a FIFO, device or socket with an advisory's name. A committed link to <c>/proc/self/environ</c> is never read.
/// </param>
public sealed record DiscoveredFiles(IReadOnlyList<AdvisoryFile> Files, IReadOnlyList<string> Problems, IReadOnlyList<Finding> Refused);

/// <summary>
/// Turns command-line paths into a sorted, de-duplicated list of advisory files. A folder yields every advisory file
/// below it (<see cref="IsAdvisoryFileName"/>) except in hidden folders; a path that does not exist is a problem to
/// report, never silently skipped.
/// </summary>
/// <remarks>
/// Only regular files inside the folder are read. A symbolic link is never followed to a folder (what it points to
/// inside the folder is found under its own name; what it points to outside is refused), and a link to a file is
/// read only when that file is inside the folder, under the file's own path. So no folder is visited twice, a loop of
/// links costs nothing, and no file of the machine leaks into a finding through a committed link.
/// </remarks>
public static class AdvisoryFileDiscovery
{
    public static DiscoveredFiles Discover(IEnumerable<string> paths, string workingDirectory)
    {
        var files = new Dictionary<string, FileStamp?>(StringComparer.Ordinal);
        var problems = new List<string>();
        var refused = new List<Finding>();
        foreach (var path in paths)
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, workingDirectory));
            var (kind, stamp) = FileKinds.Status(full);
            switch (kind)
            {
                case FileKind.Missing:
                    problems.Add($"{path}: no such file or folder");
                    break;
                case FileKind.Directory:
                    Walk(full, workingDirectory, files, refused);
                    break;
                case FileKind.SymbolicLink when FileKinds.OfTarget(full) == FileKind.Directory:
                    // A link the user names is the user's choice: the folder it points to is the one searched.
                    Walk(Path.GetFullPath(new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true)!.FullName), workingDirectory, files, refused);
                    break;
                case FileKind.Special:
                case FileKind.SymbolicLink when FileKinds.OfTarget(full) is not FileKind.RegularFile:
                    refused.Add(Refusal(full, workingDirectory, "it is a FIFO, a device, a socket or a link to none of them, not a regular file"));
                    break;
                default:
                    // A file named by the user, or a link to one: read as given (the reader refuses what is not a regular file).
                    files[full] = stamp;
                    break;
            }
        }
        var sorted = files.Select(file => new AdvisoryFile(Display(file.Key, workingDirectory), file.Key) { Stamp = file.Value })
            .OrderBy(f => f.DisplayPath, StringComparer.Ordinal)
            .ToArray();
        return new DiscoveredFiles(sorted, problems, [.. refused.OrderBy(f => f.Location.File, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Whether a folder search takes the file for an advisory: YAML or JSON (<see cref="AdvisoryFileFormats"/>), except
    /// the database configuration, hidden files, and JSON schemas (<c>*.schema.json</c>, such as an editor's copy of the
    /// authoring schema).
    /// </summary>
    public static bool IsAdvisoryFileName(string fileName) =>
        AdvisoryFileFormats.Of(fileName) is not null
        && !string.Equals(fileName, DatabaseFiles.ConfigFile, StringComparison.Ordinal)
        && !fileName.EndsWith(".schema.json", StringComparison.Ordinal)
        && !fileName.StartsWith('.');

    /// <summary>Paths are shown relative to the working directory when inside it, as editors and CI expect.</summary>
    public static string Display(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }

    /// <summary>Whether <paramref name="path"/> lies inside <paramref name="folder"/> (both full paths).</summary>
    public static bool IsInside(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <remarks>
    /// One system call per advisory file (its kind and stamp), made on every core once the folders are listed, and one
    /// per folder: the enumeration's own attributes would cost three more per file. A link to a folder is an entry that
    /// is a folder.
    /// </remarks>
    private static void Walk(string root, string workingDirectory, Dictionary<string, FileStamp?> files, List<Finding> refused)
    {
        var candidates = new List<string>();
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var folder))
        {
            foreach (var entry in Entries(folder))
            {
                var name = Path.GetFileName(entry.Path);
                if (name.StartsWith('.')) continue;
                if (entry.IsDirectory)
                {
                    if (FileKinds.Of(entry.Path) == FileKind.SymbolicLink)
                        Link(entry.Path, root, workingDirectory, files, refused);
                    else
                        pending.Push(entry.Path);
                }
                else if (IsAdvisoryFileName(name))
                {
                    candidates.Add(entry.Path);
                }
            }
        }

        var statuses = new (FileKind Kind, FileStamp? Stamp)[candidates.Count];
        Parallel.For(0, candidates.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => statuses[i] = FileKinds.Status(candidates[i]));
        for (var i = 0; i < candidates.Count; i++)
        {
            var (kind, stamp) = statuses[i];
            if (kind == FileKind.SymbolicLink)
                Link(candidates[i], root, workingDirectory, files, refused);
            else if (kind == FileKind.Special)
                refused.Add(Refusal(candidates[i], workingDirectory, "it is a FIFO, a device or a socket, not a regular file"));
            else
                files[candidates[i]] = stamp;
        }
    }

    private static void Link(string link, string root, string workingDirectory, Dictionary<string, FileStamp?> files, List<Finding> refused)
    {
        string? target;
        try
        {
            target = new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            target = null;
        }
        var (kind, stamp) = target is null ? (FileKind.Missing, null) : FileKinds.Status(target);
        var isAdvisory = IsAdvisoryFileName(Path.GetFileName(link));
        if (kind == FileKind.Directory)
        {
            // Inside the folder it is searched under its own name anyway; outside, it is not the database's.
            if (!IsInside(target!, root) && target != root)
                refused.Add(Refusal(link, workingDirectory, "it is a symbolic link to a folder outside the database folder, which is not followed"));
        }
        else if (isAdvisory && kind == FileKind.RegularFile && IsInside(target!, root))
        {
            files[target!] = stamp;
        }
        else if (isAdvisory)
        {
            refused.Add(Refusal(link, workingDirectory, kind == FileKind.RegularFile
                ? "it is a symbolic link to a file outside the database folder, which is not read"
                : "it is a symbolic link that leads to no regular file"));
        }
    }

    private static Finding Refusal(string path, string workingDirectory, string reason) =>
        new(LoadFindingCodes.NotRegularFile, FindingLevel.Error, $"not read: {reason}",
            SourceLocation.WholeFile(Display(path, workingDirectory)),
            "keep advisories as regular files inside the database folder; remove the link or move the file");

    private readonly record struct Entry(string Path, bool IsDirectory);

    private static FileSystemEnumerable<Entry> Entries(string folder) =>
        new(folder, static (ref FileSystemEntry entry) => new Entry(entry.ToFullPath(), entry.IsDirectory),
            new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false });
}
