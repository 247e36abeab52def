using System.Text;

namespace AdvisoryPipeline.FakeGitHub.Git;

/// <summary>One entry of a tree object. <see cref="Mode"/> is git's own spelling ("40000" for trees, no leading zero).</summary>
public sealed record GitTreeEntry(string Mode, string Name, string Sha)
{
    public const string FileMode = "100644";
    public const string ExecutableMode = "100755";
    public const string SymlinkMode = "120000";
    public const string SubmoduleMode = "160000";
    public const string DirectoryMode = "40000";

    public bool IsTree => Mode == DirectoryMode;

    /// <summary>The object type the entry points to, as the REST API names it.</summary>
    public string ObjectType => ObjectTypeOf(Mode);

    public static string ObjectTypeOf(string mode) => mode switch
    {
        DirectoryMode => "tree",
        SubmoduleMode => "commit",
        _ => "blob",
    };
}

/// <summary>
/// A tree object. Entries are kept in git's order: byte-wise on the UTF-8 name, where a directory compares as if
/// its name ended with '/'. That is why "foo.json" sorts before the directory "foo" but after "foo-bar".
/// </summary>
public sealed class GitTree : GitObject
{
    private readonly byte[] _body;

    public GitTree(IEnumerable<GitTreeEntry> entries)
    {
        Entries = [.. entries.OrderBy(e => e, GitTreeOrder.Instance)];
        for (var i = 1; i < Entries.Count; i++)
            if (Entries[i - 1].Name == Entries[i].Name)
                throw new ArgumentException($"Duplicate tree entry name '{Entries[i].Name}'.", nameof(entries));
        _body = Serialize(Entries);
    }

    public IReadOnlyList<GitTreeEntry> Entries { get; }

    public override string Type => "tree";

    public override ReadOnlySpan<byte> Body => _body;

    public static GitTree Empty { get; } = new([]);

    private static byte[] Serialize(IReadOnlyList<GitTreeEntry> entries)
    {
        using var body = new MemoryStream();
        foreach (var entry in entries)
        {
            body.Write(Encoding.UTF8.GetBytes(entry.Mode + " " + entry.Name));
            body.WriteByte(0);
            body.Write(Convert.FromHexString(entry.Sha));
        }
        return body.ToArray();
    }

    private sealed class GitTreeOrder : IComparer<GitTreeEntry>
    {
        public static readonly GitTreeOrder Instance = new();

        public int Compare(GitTreeEntry? x, GitTreeEntry? y) =>
            SortKey(x!).AsSpan().SequenceCompareTo(SortKey(y!));

        private static byte[] SortKey(GitTreeEntry entry) =>
            Encoding.UTF8.GetBytes(entry.IsTree ? entry.Name + "/" : entry.Name);
    }
}
