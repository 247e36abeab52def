using System.Text.Json;
using System.Text.Json.Serialization;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Publishing.Repository;

/// <summary>
/// <c>&lt;folder&gt;/ledger.json</c>: for every record, its path, the git blob SHA-1 of its file and its timestamps.
/// It lets the GitHub target learn the timestamps from one blob instead of downloading every record; an entry is
/// trusted only while its SHA equals the file's SHA in the tree, so a file edited or added by hand is noticed and
/// read in full. The git target writes the same file, so both targets can publish to the same repository.
/// </summary>
public static class LedgerFile
{
    private const string Comment =
        "Written by the AdvisoryPipeline publisher: the published state of every record in this folder. "
        + "Do not edit: a record whose file no longer matches its sha here is read in full.";

    public static byte[] Write(IEnumerable<LedgerFileEntry> entries)
    {
        var document = new LedgerFileDocument(Comment, [.. entries.OrderBy(entry => entry.Id, StringComparer.Ordinal)]);
        return CanonicalJson.Write(writer => JsonSerializer.Serialize(writer, document, LedgerFileJsonContext.Default.LedgerFileDocument));
    }

    /// <returns>The entries by path relative to the folder, or null when the content is not a ledger file (then every record is read).</returns>
    public static IReadOnlyDictionary<string, LedgerFileEntry>? TryRead(ReadOnlySpan<byte> content)
    {
        try
        {
            var document = JsonSerializer.Deserialize(content, LedgerFileJsonContext.Default.LedgerFileDocument);
            if (document?.Records is not { } records || records.Any(entry => entry?.Id is null || entry.Path is null || entry.Sha is null || entry.Modified is null))
                return null;
            var byPath = new Dictionary<string, LedgerFileEntry>(StringComparer.Ordinal);
            foreach (var entry in records)
                byPath.TryAdd(entry.Path, entry);
            return byPath;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <param name="Id">The record's ID.</param>
/// <param name="Path">Its file, relative to the ledger's folder.</param>
/// <param name="Sha">The git blob SHA-1 of that file.</param>
/// <param name="Modified">Its <c>modified</c> time.</param>
/// <param name="Published">Its <c>published</c> time, if any.</param>
/// <param name="Withdrawn">Its <c>withdrawn</c> time, if any.</param>
public sealed record LedgerFileEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("sha")] string Sha,
    [property: JsonPropertyName("modified")] string Modified,
    [property: JsonPropertyName("published")] string? Published,
    [property: JsonPropertyName("withdrawn")] string? Withdrawn);

internal sealed record LedgerFileDocument(
    [property: JsonPropertyName("comment")] string? Comment,
    [property: JsonPropertyName("records")] IReadOnlyList<LedgerFileEntry>? Records);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LedgerFileDocument))]
internal sealed partial class LedgerFileJsonContext : JsonSerializerContext;
