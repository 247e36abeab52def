using System.Text.Json;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Publishing.FeedFolder;

/// <summary>
/// <c>index.json</c>: an array of <c>{"id", "modified", "aliases"}</c>, one per record, sorted by ID, so that a
/// consumer can find a record by alias or see what changed without opening the zips.
/// </summary>
public static class FeedIndex
{
    public static byte[] Write(IEnumerable<FeedRecord> records) => CanonicalJson.Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var record in records.OrderBy(record => record.Id, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("id", record.Id);
            writer.WriteString("modified", record.ModifiedText);
            writer.WriteStartArray("aliases");
            foreach (var alias in record.Aliases)
                writer.WriteStringValue(alias);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    });
}
