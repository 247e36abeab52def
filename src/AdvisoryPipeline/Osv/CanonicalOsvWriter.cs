using System.Text.Json;

namespace AdvisoryPipeline.Osv;

/// <summary>
/// The single writer of published OSV JSON. The bytes depend only on the record: keys in the specification's order
/// (the declaration order of <see cref="OsvRecord"/> and its parts), free-form <c>database_specific</c> and
/// <c>ecosystem_specific</c> objects in their authored key order, no null members, and the formatting of
/// <see cref="CanonicalJson"/>. Timestamps are written as authored (see <see cref="OsvRecord"/>).
/// </summary>
public static class CanonicalOsvWriter
{
    /// <summary>
    /// The OSV specification version the published records follow (specification 1.7.4 of 2025-10-27). A new
    /// version here changes every record's bytes, so the next publish marks every record changed.
    /// </summary>
    public const string SchemaVersion = "1.7.4";

    /// <summary>The canonical bytes of <paramref name="record"/>, with <c>schema_version</c> set to <see cref="SchemaVersion"/>.</summary>
    public static byte[] Write(OsvRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var published = record with { SchemaVersion = SchemaVersion };
        return CanonicalJson.Write(writer => JsonSerializer.Serialize(writer, published, OsvJsonContext.Default.OsvRecord));
    }
}
