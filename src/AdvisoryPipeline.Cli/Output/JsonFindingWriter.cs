using System.Text.Encodings.Web;
using System.Text.Json;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Cli.Output;

/// <summary>
/// One JSON document: <c>{"findings":[{…},…],"notes":[…],"summary":{…}}</c>, one object per finding.
/// Written with <see cref="Utf8JsonWriter"/> directly: the shape is small and fixed, and it streams.
/// </summary>
public sealed class JsonFindingWriter : FindingWriter
{
    private readonly TextWriter _output;
    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _json;
    private readonly List<string> _notes = [];

    public JsonFindingWriter(TextWriter output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        _json.WriteStartObject();
        _json.WriteStartArray("findings");
    }

    public override void Write(Finding finding)
    {
        _json.WriteStartObject();
        _json.WriteString("file", finding.Location.File);
        _json.WriteNumber("line", finding.Location.Line);
        _json.WriteNumber("column", finding.Location.Column);
        _json.WriteString("level", LevelName(finding.Level));
        _json.WriteString("code", finding.Code);
        _json.WriteString("message", finding.Message);
        if (finding.Hint is not null) _json.WriteString("hint", finding.Hint);
        if (finding.Pointer is not null) _json.WriteString("pointer", finding.Pointer);
        _json.WriteEndObject();
        if (_buffer.Length > 1 << 16) Flush();
    }

    public override void Note(string text) => _notes.Add(text);

    public override void Complete(RunSummary summary)
    {
        _json.WriteEndArray();
        _json.WriteStartArray("notes");
        foreach (var note in _notes) _json.WriteStringValue(note);
        _json.WriteEndArray();
        _json.WriteStartObject("summary");
        _json.WriteNumber("advisories", summary.Advisories);
        _json.WriteNumber("errors", summary.Errors);
        _json.WriteNumber("warnings", summary.Warnings);
        _json.WriteNumber("held", summary.Held);
        _json.WriteEndObject();
        _json.WriteEndObject();
        Flush();
        _output.Write('\n');
    }

    private void Flush()
    {
        _json.Flush();
        _output.Write(System.Text.Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        _buffer.SetLength(0);
    }
}
