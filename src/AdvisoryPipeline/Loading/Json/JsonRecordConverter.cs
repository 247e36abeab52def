using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.JsonSchema;
using AdvisoryPipeline.Loading.Yaml;

namespace AdvisoryPipeline.Loading.Json;

/// <summary>
/// Reads an OSV record written as JSON into the same <see cref="LoadedDocument"/> a YAML advisory gives: the record
/// (the authoring block split off as in YAML), a source map with line and column of every key and value taken from
/// the JSON text, and located findings with the codes YAML files use (YAML001 syntax, YAML002 duplicate key, YAML008
/// nesting, YAML011 not an object). JSON is read as JSON (RFC 8259, strict: no comments, no trailing commas), not
/// through the YAML parser: a number stays a number, and errors name JSON's own rules.
/// </summary>
internal sealed class JsonRecordConverter
{
    [ThreadStatic] private static JsonRecordConverter? t_spare;

    private readonly RecordWriters _writers = new();
    private readonly SourceMapBuilder _map = new();
    private readonly MappingKeys _keys = new();
    private readonly FileFindings _findings = new();
    private readonly StringBuilder _pointer = new();
    private Frame[] _frames = new Frame[16];
    private int _depth;
    private Utf8Positions _position = new();

    /// <param name="utf8">The file's bytes after its byte order marks; <paramref name="text"/> is their decoded text.</param>
    public static LoadedDocument Convert(string path, string text, bool hasByteOrderMark, ReadOnlySpan<byte> utf8, LoadOptions options)
    {
        var converter = t_spare ?? new JsonRecordConverter();
        t_spare = null;
        try
        {
            return converter.Run(path, text, hasByteOrderMark, utf8, options);
        }
        finally
        {
            converter.Reset();
            t_spare = converter;
        }
    }

    private LoadedDocument Run(string path, string text, bool hasByteOrderMark, ReadOnlySpan<byte> utf8, LoadOptions options)
    {
        _findings.Start(path);
        _writers.Start();
        _position = new Utf8Positions();

        var authoringSeen = false;
        var complete = false;
        // The reader's own limit is one above ours, so that going deeper is our located finding, not its exception.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = options.MaxDepth + 1 });
        try
        {
            complete = Read(ref reader, utf8, options, ref authoringSeen);
        }
        catch (JsonException error)
        {
            ReportSyntaxError(utf8, error);
        }

        JsonElement? record = null, authoring = null;
        if (complete) (record, authoring) = _writers.Finish(authoringSeen, options.MaxDepth);
        return new LoadedDocument(path, text, hasByteOrderMark, record, authoring, BuildMap(path, text), _findings.InSourceOrder());
    }

    /// <summary>Reads the whole document; false when it cannot become a record (the reason is a finding).</summary>
    private bool Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, LoadOptions options, ref bool authoringSeen)
    {
        if (utf8.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            _findings.AddForWholeFile(new PendingFinding(LoadFindingCodes.NotAMapping, FindingLevel.Error,
                "the file is empty: it must contain one JSON object", "start with the record: { \"id\": ... }"), "");
            return false;
        }
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Report(new PendingFinding(LoadFindingCodes.NotAMapping, FindingLevel.Error,
                $"the document is {(reader.TokenType == JsonTokenType.StartArray ? "an array" : "a single value")}, but it must be one JSON object",
                reader.TokenType == JsonTokenType.StartArray ? "write one record per file, as an object: { \"id\": ... }" : "write the record as an object: { \"id\": ... }"),
                Place(utf8, reader.TokenStartIndex, reader.TokenStartIndex + 1), "");
            return false;
        }

        var fatal = false;
        _writers.Record.WriteStartObject();
        Open(isMapping: true, authoring: false, node: _map.Add(SourceNodeKind.Mapping, Place(utf8, reader.TokenStartIndex, reader.TokenStartIndex + 1), null, -1, default));
        while (_depth > 0 && reader.Read())
        {
            ref var f = ref _frames[_depth - 1];
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var key = StringOf(ref reader, utf8);
                    var keyPlace = Place(utf8, reader.TokenStartIndex, TokenEnd(ref reader));
                    if (key is null)
                    {
                        fatal = true;
                        f.SkipValue = true;
                        break;
                    }
                    if (_keys.LineOf(f.Keys, key) is { } firstLine)
                    {
                        Report(new PendingFinding(LoadFindingCodes.DuplicateKey, FindingLevel.Error,
                            $"duplicate key {key}: it is already defined on line {firstLine}",
                            "remove one of the two entries, or merge them"), keyPlace, KeyPointer(key));
                        f.SkipValue = true;
                        fatal = true;
                        break;
                    }
                    _keys.Add(f.Keys, key, keyPlace.Line);
                    f.Key = key;
                    f.KeyPlace = keyPlace;
                    f.SkipValue = false;
                    if (_depth == 1 && key == options.AuthoringBlockKey)
                    {
                        f.ValueAuthoring = true;
                        authoringSeen = true;
                    }
                    else
                    {
                        f.ValueAuthoring = f.Authoring;
                        WriterFor(f.Authoring).WritePropertyName(key);
                    }
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var isMapping = reader.TokenType == JsonTokenType.StartObject;
                    var start = reader.TokenStartIndex;
                    if (f.IsMapping && f.SkipValue)
                    {
                        reader.Skip();
                        f.SkipValue = false;
                        break;
                    }
                    if (_depth >= options.MaxDepth)
                    {
                        Report(new PendingFinding(LoadFindingCodes.TooDeep, FindingLevel.Error, $"nesting deeper than {options.MaxDepth} levels",
                            "flatten the structure; no OSV record nests this deep"), Place(utf8, start, start + 1), CurrentPointer());
                        return false;
                    }
                    var authoring = f.IsMapping ? f.ValueAuthoring : f.Authoring;
                    var node = AddChild(ref f, isMapping ? SourceNodeKind.Mapping : SourceNodeKind.Sequence, Place(utf8, start, start + 1));
                    if (isMapping) WriterFor(authoring).WriteStartObject();
                    else WriterFor(authoring).WriteStartArray();
                    Open(isMapping, authoring, node);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    Close(utf8, reader.BytesConsumed);
                    break;
                default:
                    if (f.IsMapping && f.SkipValue)
                    {
                        f.SkipValue = false;
                        break;
                    }
                    var place = Place(utf8, reader.TokenStartIndex, TokenEnd(ref reader));
                    if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped && StringOf(ref reader, utf8) is null)
                    {
                        fatal = true;
                        break;
                    }
                    AddChild(ref f, SourceNodeKind.Json, place);
                    var value = f.IsMapping ? f.ValueAuthoring : f.Authoring;
                    WriterFor(value).WriteRawValue(utf8[(int)reader.TokenStartIndex..(int)TokenEnd(ref reader)], skipInputValidation: true);
                    if (!f.IsMapping) f.Items++;
                    break;
            }
        }
        // The reader refuses anything after the object (a second value, a stray bracket) when it reads past it.
        reader.Read();
        return !fatal;
    }

    private void Open(bool isMapping, bool authoring, int node)
    {
        if (_depth == _frames.Length) Array.Resize(ref _frames, _frames.Length * 2);
        _frames[_depth++] = new Frame { IsMapping = isMapping, Authoring = authoring, Node = node, Keys = isMapping ? _keys.Open() : -1 };
    }

    private void Close(ReadOnlySpan<byte> utf8, long end)
    {
        ref var f = ref _frames[--_depth];
        if (f.IsMapping)
        {
            WriterFor(f.Authoring).WriteEndObject();
            _keys.Close(f.Keys);
        }
        else
        {
            WriterFor(f.Authoring).WriteEndArray();
        }
        var closes = f.Node;
        f = default;
        if (closes >= 0) _map.Close(closes, _position.CharOffset(utf8, end));
        if (_depth > 0 && !_frames[_depth - 1].IsMapping) _frames[_depth - 1].Items++;
    }

    private int AddChild(ref Frame f, SourceNodeKind kind, SourceSpan place) =>
        f.IsMapping ? _map.Add(kind, place, f.Key, -1, f.KeyPlace) : _map.Add(kind, place, null, f.Items, default);

    /// <summary>The string at the reader, or null (reported) when its escapes make no text (a lone surrogate <c>\ud800</c>).</summary>
    private string? StringOf(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            Report(new PendingFinding(LoadFindingCodes.Syntax, FindingLevel.Error,
                "this string has a \\u escape that is half of a surrogate pair, which makes no character",
                "write the character itself, or both halves of the pair (\\ud83d\\ude00)"),
                Place(utf8, reader.TokenStartIndex, TokenEnd(ref reader)), null);
            return null;
        }
    }

    private void ReportSyntaxError(ReadOnlySpan<byte> utf8, JsonException error)
    {
        // The reader counts lines from 0 and positions in bytes; findings count both from 1 and columns in characters.
        var line = (int)(error.LineNumber ?? 0);
        var lineStart = 0;
        for (var i = 0; i < line && lineStart < utf8.Length; i++)
        {
            var next = utf8[lineStart..].IndexOf((byte)'\n');
            if (next < 0) break;
            lineStart += next + 1;
        }
        var byteInLine = (int)Math.Min(error.BytePositionInLine ?? 0, utf8.Length - lineStart);
        var column = Encoding.UTF8.GetCharCount(utf8.Slice(lineStart, byteInLine)) + 1;
        var at = _position.CharOffset(utf8, lineStart + byteInLine);
        _findings.Add(new PendingFinding(LoadFindingCodes.Syntax, FindingLevel.Error, JsonSyntaxMessage.Of(error.Message), JsonSyntaxMessage.Hint),
            new SourceSpan(at, at, line + 1, column), pointer: null);
    }

    /// <summary>Where the token at the reader ends: after a string's closing quote, before the colon after a key.</summary>
    private static long TokenEnd(ref Utf8JsonReader reader) =>
        reader.TokenStartIndex + reader.ValueSpan.Length + (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName ? 2 : 0);

    private SourceSpan Place(ReadOnlySpan<byte> utf8, long startByte, long endByte)
    {
        var (start, line, column) = _position.At(utf8, startByte);
        return new SourceSpan(start, _position.CharOffset(utf8, endByte), line, column);
    }

    private Utf8JsonWriter WriterFor(bool authoring) => _writers.For(authoring);

    private SourceMap BuildMap(string path, string text)
    {
        // After a syntax error some collections never closed: they reach to the end of what was read.
        for (var i = 0; i < _depth; i++)
            if (_frames[i].Node >= 0)
                _map.Close(_frames[i].Node, text.Length);
        return _map.Build(path, text);
    }

    private string CurrentPointer()
    {
        AppendFrames(_depth);
        return _pointer.ToString();
    }

    private string KeyPointer(string key)
    {
        AppendFrames(_depth - 1);
        JsonPointer.AppendTo(_pointer, key);
        return _pointer.ToString();
    }

    private void AppendFrames(int frames)
    {
        _pointer.Clear();
        for (var i = 0; i < frames; i++)
        {
            ref var f = ref _frames[i];
            if (f.IsMapping) JsonPointer.AppendTo(_pointer, f.Key ?? "");
            else JsonPointer.AppendTo(_pointer, f.Items);
        }
    }

    private void Report(PendingFinding finding, SourceSpan place, string? pointer) => _findings.Add(finding, place, pointer);

    private void Reset()
    {
        _findings.Start("");
        _map.Clear();
        _keys.Clear();
        Array.Clear(_frames, 0, _frames.Length);
        _depth = 0;
        _position = new Utf8Positions();
        _writers.Clear();
    }

    private struct Frame
    {
        public bool IsMapping;
        public bool Authoring;
        public int Node;
        public int Items;
        public int Keys;
        public bool SkipValue;
        public string? Key;
        public SourceSpan KeyPlace;
        public bool ValueAuthoring;
    }
}
