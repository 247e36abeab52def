using System.Text.Json;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Cve;

/// <summary>CVE records as JSON: written in the tool's one JSON formatting, read leniently (unknown fields ignored).</summary>
public static class CveRecordJson
{
    /// <summary>The record as UTF-8 bytes: 2-space indent, <c>\n</c>, a final newline; the same record gives the same bytes.</summary>
    public static byte[] Write(CveRecord record) =>
        CanonicalJson.Write(writer => JsonSerializer.Serialize(writer, record, CveJsonContext.Default.CveRecord));

    public static byte[] Write(CnaContainer container) =>
        CanonicalJson.Write(writer => JsonSerializer.Serialize(writer, container, CveJsonContext.Default.CnaContainer));

    /// <summary>Reads a CVE JSON 5 record.</summary>
    /// <exception cref="JsonException">Not JSON, or a field of the wrong type.</exception>
    public static CveRecord Read(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, CveJsonContext.Default.CveRecord) ?? throw new JsonException("the document is null, not a CVE record");

    public static CnaContainer ReadContainer(JsonElement json) =>
        json.Deserialize(CveJsonContext.Default.CnaContainer) ?? throw new JsonException("the container is null");
}
