using AdvisoryPipeline.FileSystem;

namespace AdvisoryPipeline.Publishing.FeedFolder;

/// <summary>File operations of a folder feed, with paths relative to its root and '/'-separated.</summary>
internal static class FeedFiles
{
    /// <summary>Every file under <paramref name="root"/>, sorted by relative path; none when the folder does not exist.</summary>
    public static IEnumerable<(string RelativePath, string FullPath)> List(string root)
    {
        if (!Directory.Exists(root))
            return [];
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(fullPath => (RelativePath: Path.GetRelativePath(root, fullPath).Replace(Path.DirectorySeparatorChar, '/'), FullPath: fullPath))
            .OrderBy(file => file.RelativePath, StringComparer.Ordinal);
    }

    public static bool HasContent(string fullPath, ReadOnlySpan<byte> content) =>
        new FileInfo(fullPath).Length == content.Length && File.ReadAllBytes(fullPath).AsSpan().SequenceEqual(content);

    public static void Write(string root, string relativePath, byte[] content)
    {
        var fullPath = FullPath(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        File.WriteAllBytes(fullPath, content);
    }

    /// <summary>Puts an existing file into <paramref name="root"/> as it is, modification time included: linked, else copied.</summary>
    public static void Keep(string sourcePath, string root, string relativePath)
    {
        var fullPath = FullPath(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        if (HardLink.TryCreate(sourcePath, fullPath))
            return;
        File.Copy(sourcePath, fullPath);
        File.SetLastWriteTimeUtc(fullPath, File.GetLastWriteTimeUtc(sourcePath));
    }

    private static string FullPath(string root, string relativePath) =>
        Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
}
