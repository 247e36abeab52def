using System.Text;

namespace AdvisoryPipeline.FakeGitHub.Git;

/// <summary>
/// Content-addressed storage of one repository's objects, plus the read-only walks the API and the test
/// assertions need. Not thread-safe: the owning repository serialises access.
/// </summary>
public sealed class GitObjectStore
{
    private readonly Dictionary<string, GitObject> _objects = new(StringComparer.Ordinal);

    public T Put<T>(T gitObject) where T : GitObject
    {
        _objects.TryAdd(gitObject.Sha, gitObject);
        return gitObject;
    }

    public IReadOnlyCollection<GitObject> All => _objects.Values;

    /// <summary>Finds an object by its full lower-case SHA-1, or null if missing or of another type.</summary>
    public T? Find<T>(string? sha) where T : GitObject =>
        sha is not null && _objects.TryGetValue(sha, out var found) ? found as T : null;

    public T Get<T>(string sha) where T : GitObject =>
        Find<T>(sha) ?? throw new InvalidOperationException($"Object {sha} is not a {typeof(T).Name} in this repository.");

    /// <summary>True when <paramref name="ancestor"/> is reachable from <paramref name="descendant"/> (or equal to it).</summary>
    public bool IsAncestor(string ancestor, string descendant)
    {
        var pending = new Stack<string>([descendant]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var sha))
        {
            if (sha == ancestor)
                return true;
            if (!seen.Add(sha))
                continue;
            foreach (var parent in Get<GitCommit>(sha).ParentShas)
                pending.Push(parent);
        }
        return false;
    }

    /// <summary>Every entry below a tree, parents before children, in tree order (like <c>git ls-tree -r -t</c>).</summary>
    public IEnumerable<(string Path, GitTreeEntry Entry)> Walk(string treeSha, string prefix = "")
    {
        foreach (var entry in Get<GitTree>(treeSha).Entries)
        {
            var path = prefix + entry.Name;
            yield return (path, entry);
            if (entry.IsTree)
                foreach (var nested in Walk(entry.Sha, path + "/"))
                    yield return nested;
        }
    }

    /// <summary>The files of a tree as path to UTF-8 text, ordered by path (ordinal) for stable assertions.</summary>
    public IReadOnlyDictionary<string, string> Files(string treeSha)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, entry) in Walk(treeSha))
            if (entry.ObjectType == "blob")
                files[path] = Encoding.UTF8.GetString(Get<GitBlob>(entry.Sha).Body);
        return files;
    }
}
