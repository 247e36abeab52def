
namespace AdvisoryPipeline.FakeGitHub.Git;

/// <summary>
/// Applies path edits to a base tree the way the create-tree endpoint does: nested paths open (or create) the
/// intermediate trees, and only the trees on an edited path are rewritten.
/// </summary>
public sealed class GitTreeEditor(GitObjectStore store)
{
    /// <returns>The new root tree (stored).</returns>
    /// <exception cref="TreeEditException">A path is malformed, crosses a file, or removes something absent.</exception>
    public GitTree Apply(string? baseTreeSha, IEnumerable<TreeEdit> edits)
    {
        var root = baseTreeSha is null ? new Directory([]) : Open(baseTreeSha);
        foreach (var edit in edits)
            ApplyOne(root, edit);
        return Write(root) ?? store.Put(GitTree.Empty);
    }

    private Directory Open(string treeSha) => new(store.Get<GitTree>(treeSha).Entries);

    private void ApplyOne(Directory root, TreeEdit edit)
    {
        var names = SplitPath(edit.Path);
        var directory = root;
        foreach (var name in names[..^1])
            directory = Descend(directory, name, edit);

        var leaf = names[^1];
        switch (edit)
        {
            case SetTreeEntry set:
                directory.Opened.Remove(leaf);
                directory.Entries[leaf] = new GitTreeEntry(set.Mode, leaf, set.Sha);
                break;
            case RemoveTreeEntry:
                var existed = directory.Entries.Remove(leaf) | directory.Opened.Remove(leaf);
                if (!existed)
                    throw new TreeEditException($"tree.path '{edit.Path}' does not exist and cannot be deleted");
                break;
        }
    }

    private Directory Descend(Directory directory, string name, TreeEdit edit)
    {
        if (directory.Opened.TryGetValue(name, out var opened))
            return opened;
        if (directory.Entries.TryGetValue(name, out var existing))
        {
            if (!existing.IsTree)
                throw new TreeEditException($"tree.path '{edit.Path}' goes through '{name}', which is not a directory");
            return directory.Opened[name] = Open(existing.Sha);
        }
        if (edit is RemoveTreeEntry)
            throw new TreeEditException($"tree.path '{edit.Path}' does not exist and cannot be deleted");
        return directory.Opened[name] = new Directory([]);
    }

    /// <returns>The stored tree, or null when the directory ended up empty (git has no empty directories).</returns>
    private GitTree? Write(Directory directory)
    {
        foreach (var (name, child) in directory.Opened)
        {
            var written = Write(child);
            if (written is null)
                directory.Entries.Remove(name);
            else
                directory.Entries[name] = new GitTreeEntry(GitTreeEntry.DirectoryMode, name, written.Sha);
        }
        return directory.Entries.Count == 0 ? null : store.Put(new GitTree(directory.Entries.Values));
    }

    private static string[] SplitPath(string path)
    {
        var names = path.Split('/');
        if (path.Length == 0 || names.Any(n => n.Length == 0 || n is "." or ".." || n.Contains('\0')))
            throw new TreeEditException($"tree.path '{path}' contains a malformed path component");
        return names;
    }

    private sealed class Directory(IEnumerable<GitTreeEntry> entries)
    {
        public Dictionary<string, GitTreeEntry> Entries { get; } = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);

        /// <summary>Subdirectories loaded because an edit goes through them; they are rewritten on output.</summary>
        public Dictionary<string, Directory> Opened { get; } = new(StringComparer.Ordinal);
    }
}
