using System.Buffers;
using System.Text.Json;

namespace AdvisoryPipeline.Osv;

/// <summary>
/// The one formatting of every JSON file the tool publishes: 2-space indent, <c>\n</c> line ends, a final newline,
/// UTF-8 without a byte order mark, and <see cref="CanonicalJsonEncoder"/>'s escaping.
/// </summary>
internal static class CanonicalJson
{
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = CanonicalJsonEncoder.Instance,
    };

    /// <summary>Runs <paramref name="write"/> on a canonical writer and returns the bytes with the final newline.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            write(writer);
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
