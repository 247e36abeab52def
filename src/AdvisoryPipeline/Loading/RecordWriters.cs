using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AdvisoryPipeline.Loading;

/// <summary>
/// Where the converters of YAML and of JSON advisories write what they read: the record, and the authoring block
/// (<c>pipeline:</c>) split off from it, each as JSON in a buffer that one converter per thread reuses from file to
/// file. Buffers that grew large for one file are dropped afterwards rather than kept for the thread's life.
/// </summary>
internal sealed class RecordWriters
{
    private const int KeptBufferBytes = 256 * 1024;
    private const int RecordCapacity = 4096;
    private const int AuthoringCapacity = 256;

    private static readonly JsonWriterOptions Options = new()
    {
        // The JSON never leaves the process as text, so only what JSON itself requires is escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
        MaxDepth = 1024,
    };

    private ArrayBufferWriter<byte> _recordBuffer = new(RecordCapacity);
    private ArrayBufferWriter<byte> _authoringBuffer = new(AuthoringCapacity);

    public RecordWriters()
    {
        Record = new Utf8JsonWriter(_recordBuffer, Options);
        Authoring = new Utf8JsonWriter(_authoringBuffer, Options);
    }

    public Utf8JsonWriter Record { get; }

    public Utf8JsonWriter Authoring { get; }

    public Utf8JsonWriter For(bool authoring) => authoring ? Authoring : Record;

    /// <summary>Makes the writers write into the buffers from their start, for the next file.</summary>
    public void Start()
    {
        Record.Reset(_recordBuffer);
        Authoring.Reset(_authoringBuffer);
    }

    /// <summary>The record written, and the authoring block when one was (<paramref name="authoringSeen"/>).</summary>
    public (JsonElement Record, JsonElement? Authoring) Finish(bool authoringSeen, int maxDepth) =>
        (Parse(Record, _recordBuffer, maxDepth), authoringSeen ? Parse(Authoring, _authoringBuffer, maxDepth) : null);

    /// <summary>Empties the buffers after a file, dropping one that grew beyond what is worth keeping.</summary>
    public void Clear()
    {
        _recordBuffer = Reuse(_recordBuffer, RecordCapacity);
        _authoringBuffer = Reuse(_authoringBuffer, AuthoringCapacity);
    }

    private static JsonElement Parse(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, int maxDepth)
    {
        writer.Flush();
        // Parsing the pooled buffer in place and cloning the root measured a third faster than
        // JsonElement.ParseValue, which reads the value twice; Clone gives a compact document of its own
        // that needs no disposal, and disposing this one returns its pooled arrays.
        using var document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = maxDepth + 2 });
        return document.RootElement.Clone();
    }

    private static ArrayBufferWriter<byte> Reuse(ArrayBufferWriter<byte> buffer, int initialCapacity)
    {
        if (buffer.Capacity > KeptBufferBytes) return new ArrayBufferWriter<byte>(initialCapacity);
        buffer.ResetWrittenCount();
        return buffer;
    }
}
