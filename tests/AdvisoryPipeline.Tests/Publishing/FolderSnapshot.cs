using System.Security.Cryptography;

namespace AdvisoryPipeline.Tests.Publishing;

/// <summary>Every file under a folder with its content hash and modification time, to prove a run touched nothing.</summary>
internal sealed record FolderSnapshot(IReadOnlyList<(string Path, string Sha256, DateTime Modified)> Files)
{
    public static FolderSnapshot Take(string root) => new([.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
        .Select(path => (
            Path: System.IO.Path.GetRelativePath(root, path).Replace('\\', '/'),
            Sha256: Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))),
            Modified: File.GetLastWriteTimeUtc(path)))
        .OrderBy(file => file.Path, StringComparer.Ordinal)]);

    /// <summary>Dates every file back, so that any later write shows in its modification time.</summary>
    public static void Age(string root)
    {
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(path, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    public (string Sha256, DateTime Modified) this[string path] => Files.Single(file => file.Path == path) is var file ? (file.Sha256, file.Modified) : default;

    public bool Equals(FolderSnapshot? other) => other is not null && Files.SequenceEqual(other.Files);

    public override int GetHashCode() => Files.Count;
}
