using System.Globalization;

namespace AdvisoryPipeline.FileSystem;

/// <summary>
/// Replaces a folder as a whole, and repairs what an interrupted replacement left. The new content is staged in
/// <c>.&lt;name&gt;.staging-&lt;random&gt;</c> beside the folder; then the old folder is renamed to
/// <c>.&lt;name&gt;.previous-&lt;time&gt;-&lt;random&gt;</c>, the staged one takes its name, and the old one is deleted.
/// Any failure before the second rename leaves the folder untouched, and a failed second rename is undone.
/// </summary>
/// <remarks>
/// A process killed at any moment leaves at most: a staging folder (killed while staging), the previous folder under
/// its backup name and nothing at the folder's name (killed between the renames), or a backup beside the new folder
/// (killed before deleting it). <see cref="Recover"/> puts that right, and every replacement runs it first: staging
/// folders go; a missing folder gets back the newest backup (the last complete state; it is never deleted while the
/// folder is missing); backups beside a complete folder go. Not protected against two processes replacing the same
/// folder at once, or against power loss (nothing is fsynced).
/// </remarks>
public sealed class FolderReplacement
{
    /// <summary>The step name passed to failure hooks between the two renames.</summary>
    public const string SwapStep = "(swap)";

    private readonly string _parent;
    private readonly string _name;

    /// <param name="folder">The folder to replace; its parent must be a folder (not the root of a file system).</param>
    public FolderReplacement(string folder)
    {
        Folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _parent = Path.GetDirectoryName(Folder) ?? throw new IOException($"Cannot replace the root of a file system ({Folder}).");
        _name = Path.GetFileName(Folder);
    }

    /// <summary>The folder, absolute.</summary>
    public string Folder { get; }

    private string StagingPrefix => $".{_name}.staging-";

    private string BackupPrefix => $".{_name}.previous-";

    /// <summary>Whether anything an interrupted replacement leaves lies beside the folder.</summary>
    public bool HasLeftovers =>
        Directory.Exists(_parent)
        && (Directory.EnumerateDirectories(_parent, StagingPrefix + "*").Any() || Directory.EnumerateDirectories(_parent, BackupPrefix + "*").Any());

    /// <summary>Repairs what an interrupted replacement left (see the remarks); does nothing when nothing is left.</summary>
    public void Recover()
    {
        if (!Directory.Exists(_parent)) return;
        foreach (var staging in Directory.EnumerateDirectories(_parent, StagingPrefix + "*"))
            Directory.Delete(staging, recursive: true);
        var backups = Directory.EnumerateDirectories(_parent, BackupPrefix + "*")
            .OrderByDescending(TakenAt)
            .ThenByDescending(path => path, StringComparer.Ordinal)
            .ToList();
        if (backups.Count == 0) return;
        if (!Directory.Exists(Folder)) Directory.Move(backups[0], Folder);
        foreach (var backup in backups.Where(Directory.Exists))
            Directory.Delete(backup, recursive: true);
    }

    /// <summary>Stages the new content with <paramref name="fill"/> (given the staging folder), then swaps it in.</summary>
    /// <param name="fill">Writes the new content into the staging folder it is given.</param>
    /// <param name="betweenRenames">Runs when the old folder is moved away and the new one not yet in place (a test's failure point).</param>
    public void Replace(Action<string> fill, Action? betweenRenames = null) => Stage(fill).Swap(betweenRenames);

    /// <summary>
    /// Writes the new content beside the folder and leaves the folder as it is until <see cref="StagedFolder.Swap"/>:
    /// a caller that has more to do before the swap (publish first, then show the pages) can still step back.
    /// </summary>
    public StagedFolder Stage(Action<string> fill)
    {
        Recover();
        Directory.CreateDirectory(_parent);
        var staging = Path.Combine(_parent, StagingPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            fill(staging);
        }
        catch
        {
            Directory.Delete(staging, recursive: true);
            throw;
        }
        return new StagedFolder(this, staging);
    }

    /// <summary>New content of a folder, written beside it: <see cref="Swap"/> puts it in place, <see cref="Discard"/> drops it.</summary>
    public sealed class StagedFolder
    {
        private readonly FolderReplacement _replacement;
        private readonly string _staging;

        internal StagedFolder(FolderReplacement replacement, string staging)
        {
            _replacement = replacement;
            _staging = staging;
        }

        public void Swap(Action? betweenRenames = null)
        {
            try
            {
                var folder = _replacement.Folder;
                if (!Directory.Exists(folder))
                {
                    Directory.Move(_staging, folder);
                    return;
                }
                var backup = Path.Combine(_replacement._parent, _replacement.BackupPrefix
                    + DateTime.UtcNow.Ticks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
                Directory.Move(folder, backup);
                try
                {
                    betweenRenames?.Invoke();
                    Directory.Move(_staging, folder);
                }
                catch
                {
                    Directory.Move(backup, folder);
                    throw;
                }
                Directory.Delete(backup, recursive: true);
            }
            finally
            {
                Discard();
            }
        }

        public void Discard()
        {
            if (Directory.Exists(_staging))
                Directory.Delete(_staging, recursive: true);
        }
    }

    /// <summary>When a backup was made: the ticks in its name, else (a name of another form) the folder's own time.</summary>
    private DateTime TakenAt(string backup)
    {
        var rest = Path.GetFileName(backup.AsSpan())[BackupPrefix.Length..];
        var dash = rest.IndexOf('-');
        return dash == 19 && long.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
            ? new DateTime(ticks, DateTimeKind.Utc)
            : Directory.GetLastWriteTimeUtc(backup);
    }
}
