using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Publishing.FeedFolder;

/// <summary>One published record as the consumer feed needs it: its canonical bytes and what the indexes list.</summary>
/// <param name="Id">The record's ID, also its file name.</param>
/// <param name="Modified">The record's <c>modified</c> time.</param>
/// <param name="ModifiedText">The record's <c>modified</c> field as written in <paramref name="Content"/>.</param>
/// <param name="EcosystemFolders">The folders the record appears in (see <see cref="FeedEcosystems"/>), sorted.</param>
/// <param name="Aliases">The record's aliases, as written.</param>
/// <param name="Content">The canonical OSV JSON of the record.</param>
public sealed record FeedRecord(
    string Id,
    DateTimeOffset Modified,
    string ModifiedText,
    IReadOnlyList<string> EcosystemFolders,
    IReadOnlyList<string> Aliases,
    ReadOnlyMemory<byte> Content)
{
    /// <exception cref="ArgumentException">The record has no valid <c>modified</c> time.</exception>
    public static FeedRecord From(OsvRecord record, ReadOnlyMemory<byte> content)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!OsvTimestamp.TryParse(record.Modified, out var modified))
            throw new ArgumentException($"{record.Id} has no valid modified time ('{record.Modified}').", nameof(record));
        return new FeedRecord(record.Id, modified, record.Modified!, FeedEcosystems.FoldersOf(record), record.Aliases ?? [], content);
    }
}
