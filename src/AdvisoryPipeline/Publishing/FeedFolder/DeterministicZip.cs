using System.IO.Compression;

namespace AdvisoryPipeline.Publishing.FeedFolder;

/// <summary>
/// Zip archives whose bytes depend only on their entries: sorted by name, all dated 1980-01-01 00:00 (the first
/// time a zip can hold), deflated at one fixed level. ZipArchive also records the host system in each entry's
/// "version made by", so an archive made on Windows differs from one made on Linux by those bytes.
/// </summary>
public static class DeterministicZip
{
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Create(IEnumerable<(string Name, ReadOnlyMemory<byte> Content)> entries)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries.OrderBy(entry => entry.Name, StringComparer.Ordinal))
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                using var stream = entry.Open();
                stream.Write(content.Span);
            }
        }
        return output.ToArray();
    }
}
