namespace AdvisoryPipeline.FileSystem;

/// <summary>
/// Replaces a folder as a whole: the new content is staged in <c>.&lt;name&gt;.staging-&lt;random&gt;</c> beside it,
/// then the old folder is renamed to <c>.&lt;name&gt;.previous-&lt;random&gt;</c>, the staged one takes its name, and
/// the old one is deleted. Any failure before the second rename leaves the folder untouched; a failed second rename
/// is undone. A process killed between the two renames leaves the previous folder under its backup name:
/// <see cref="RecoverInterruptedRun"/> (called before every read) renames it back and removes stale staging folders.
/// Not protected against two publishes to the same folder at once, or against power loss (nothing is fsynced).
/// </summary>
internal sealed class FeedFolderSwap(string root)
{
    /// <summary>The step name passed to failure hooks between the two renames.</summary>
    public const string SwapStep = "(swap)";

    private readonly string _parent = Path.GetDirectoryName(root) ?? throw new ArgumentException($"{root} has no parent folder.", nameof(root));

    private readonly string _name = Path.GetFileName(root);

    private string StagingPrefix => $".{_name}.staging-";

    private string BackupPrefix => $".{_name}.previous-";

    public void RecoverInterruptedRun()
    {
        if (!Directory.Exists(_parent))
            return;
        foreach (var staging in Directory.EnumerateDirectories(_parent, StagingPrefix + "*"))
            Directory.Delete(staging, recursive: true);
        var backups = Directory.EnumerateDirectories(_parent, BackupPrefix + "*").Order(StringComparer.Ordinal).ToList();
        if (!Directory.Exists(root) && backups.Count == 1)
        {
            Directory.Move(backups[0], root);
            backups.Clear();
        }
        foreach (var backup in backups)
            Directory.Delete(backup, recursive: true);
    }

    /// <summary>Stages the new content with <paramref name="fill"/> (given the staging folder), then swaps it in.</summary>
    /// <param name="fill">Writes the new content into the staging folder it is given.</param>
    /// <param name="betweenRenames">Runs when the old folder is moved away and the new one not yet in place (a test's failure point).</param>
    public void Replace(Action<string> fill, Action? betweenRenames = null)
    {
        Directory.CreateDirectory(_parent);
        var staging = Path.Combine(_parent, StagingPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            fill(staging);
            if (!Directory.Exists(root))
            {
                Directory.Move(staging, root);
                return;
            }
            var backup = Path.Combine(_parent, BackupPrefix + Guid.NewGuid().ToString("N"));
            Directory.Move(root, backup);
            try
            {
                betweenRenames?.Invoke();
                Directory.Move(staging, root);
            }
            catch
            {
                Directory.Move(backup, root);
                throw;
            }
            Directory.Delete(backup, recursive: true);
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }
}
