using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AdvisoryPipeline.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AdvisoryPipeline.Authoring;

/// <summary>
/// Turns the event stream of YamlDotNet's parser into JSON (written straight into a reused buffer) and a flat
/// source map, in one pass, checking on the way everything YAML allows that a JSON record must not contain.
/// One instance per thread is reused, so that buffers are not allocated again for every file.
/// </summary>
internal sealed class YamlJsonConverter
{
    [ThreadStatic] private static YamlJsonConverter? t_spare;

    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    private readonly ArrayBufferWriter<byte> _recordBuffer = new(4096);
    private readonly ArrayBufferWriter<byte> _authoringBuffer = new(256);
    private readonly Utf8JsonWriter _recordWriter;
    private readonly Utf8JsonWriter _authoringWriter;
    private readonly AnchorLog _anchors = new();
    private readonly List<Finding> _findings = [];
    private readonly StringBuilder _pointer = new();
    private SourceNode[] _nodes = new SourceNode[256];
    private Frame[] _frames = new Frame[16];
    private (string Key, int Line)[] _keys = new (string, int)[64];

    private string _path = "";
    private string _text = "";
    private LoadOptions _options = LoadOptions.Default;
    private int _nodeCount;
    private int _depth;
    private int _keyCount;
    private int _skipDepth;
    private int _documents;
    private bool _rootSeen;
    private bool _authoringSeen;
    private bool _fatal;
    private bool _stop;
    private bool _aliasBudgetReported;
    private long _aliasNodes;
    private bool _replaying;
    private Place _replayPlace;

    private YamlJsonConverter()
    {
        var options = new JsonWriterOptions
        {
            // The JSON never leaves the process as text, so only what JSON itself requires is escaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            SkipValidation = true,
            MaxDepth = 1024,
        };
        _recordWriter = new Utf8JsonWriter(_recordBuffer, options);
        _authoringWriter = new Utf8JsonWriter(_authoringBuffer, options);
    }

    public static LoadedDocument Convert(string path, string text, bool hasByteOrderMark, LoadOptions options)
    {
        var converter = t_spare ?? new YamlJsonConverter();
        t_spare = null;
        try
        {
            return converter.Run(path, text, hasByteOrderMark, options);
        }
        finally
        {
            converter.Reset();
            t_spare = converter;
        }
    }

    private LoadedDocument Run(string path, string text, bool hasByteOrderMark, LoadOptions options)
    {
        _path = path;
        _text = text;
        _options = options;
        _recordWriter.Reset(_recordBuffer);
        _authoringWriter.Reset(_authoringBuffer);

        var parser = new Parser(new StringReader(text));
        try
        {
            while (!_stop && parser.MoveNext())
            {
                var e = parser.Current!;
                _anchors.Observe(e);
                Process(e, null);
            }
        }
        catch (YamlException ex)
        {
            Report(LoadFindingCodes.Syntax, FindingLevel.Error, CleanMessage(ex.Message), null,
                new Place((int)ex.Start.Index, (int)ex.End.Index, (int)ex.Start.Line, (int)ex.Start.Column), pointer: null);
            _fatal = true;
        }

        if (!_rootSeen && !_fatal)
        {
            _findings.Add(new Finding(LoadFindingCodes.NotAMapping, FindingLevel.Error,
                "the file is empty: it must contain one mapping (key: value lines)",
                SourceLocation.WholeFile(path), "start with the record's keys, e.g. id: ...", ""));
            _fatal = true;
        }

        JsonElement? record = null, authoring = null;
        if (!_fatal && _depth == 0)
        {
            record = Parse(_recordWriter, _recordBuffer);
            if (_authoringSeen) authoring = Parse(_authoringWriter, _authoringBuffer);
        }
        return new LoadedDocument(path, text, hasByteOrderMark, record, authoring, BuildMap(), SortedFindings());
    }

    private JsonElement Parse(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer)
    {
        writer.Flush();
        var reader = new Utf8JsonReader(buffer.WrittenSpan, new JsonReaderOptions { MaxDepth = _options.MaxDepth + 2 });
        // ParseValue copies the bytes into a document of its own that needs no disposal, so the buffer can be reused.
        return JsonElement.ParseValue(ref reader);
    }

    private void Reset()
    {
        _anchors.Clear();
        _findings.Clear();
        Array.Clear(_nodes, 0, _nodeCount);
        Array.Clear(_frames, 0, _depth);
        Array.Clear(_keys, 0, _keyCount);
        _recordBuffer.ResetWrittenCount();
        _authoringBuffer.ResetWrittenCount();
        _path = _text = "";
        _options = LoadOptions.Default;
        _nodeCount = _depth = _keyCount = _skipDepth = _documents = 0;
        _rootSeen = _authoringSeen = _fatal = _stop = _aliasBudgetReported = _replaying = false;
        _aliasNodes = 0;
    }

    private void Process(ParsingEvent e, AnchorRecording? aliasTarget)
    {
        if (_skipDepth > 0)
        {
            if (e is MappingStart or SequenceStart) _skipDepth++;
            else if (e is MappingEnd or SequenceEnd) _skipDepth--;
            return;
        }
        switch (e)
        {
            case Scalar or MappingStart or SequenceStart or AnchorAlias:
                if (_depth == 0) OnRoot(e);
                else if (_frames[_depth - 1].IsMapping && !_frames[_depth - 1].AwaitingValue) OnKey(e, aliasTarget);
                else OnValue(e, aliasTarget);
                break;
            case MappingEnd or SequenceEnd:
                OnCollectionEnd(e);
                break;
            case DocumentStart:
                if (++_documents == 1) break;
                Report(LoadFindingCodes.SeveralDocuments, FindingLevel.Error,
                    "a second YAML document starts here; an advisory file holds exactly one",
                    "put each record in a file of its own", PlaceOf(e), pointer: null);
                _stop = true;
                break;
        }
    }

    private void OnRoot(ParsingEvent e)
    {
        if (_rootSeen) return; // only a second document could bring another root, and it stops the run first
        _rootSeen = true;
        if (e is MappingStart mapping)
        {
            var place = PlaceOf(e);
            CheckCollectionTag(mapping.Tag, isMapping: true, place);
            AddNode(SourceNodeKind.Mapping, place, key: null, index: -1, default);
            _recordWriter.WriteStartObject();
            Push(new Frame
            {
                IsMapping = true,
                Node = 0,
                Shape = _options.Shape.Root,
                Block = mapping.Style != MappingStyle.Flow,
                LastChildEnd = place.End,
                KeysStart = _keyCount,
            });
            return;
        }

        _fatal = true;
        var (message, hint) = e switch
        {
            Scalar { Value.Length: 0, Style: ScalarStyle.Plain } => (
                "the document is empty: it must be a mapping (key: value lines)",
                "start with the record's keys, e.g. id: ..."),
            SequenceStart => ("the document is a sequence, but it must be a mapping (key: value lines)",
                "remove the leading '- ' so that the keys are at the top level"),
            _ => ("the document is a single value, but it must be a mapping (key: value lines)",
                "write the record as key: value lines"),
        };
        Report(LoadFindingCodes.NotAMapping, FindingLevel.Error, message, hint, PlaceOf(e), "");
        if (e is SequenceStart) _skipDepth = 1;
    }

    private void OnKey(ParsingEvent e, AnchorRecording? aliasTarget)
    {
        var frame = _depth - 1;
        switch (e)
        {
            case Scalar scalar:
                AcceptKey(frame, scalar, PlaceOf(e));
                break;
            case AnchorAlias alias:
                var place = PlaceOf(e);
                var recording = aliasTarget ?? _anchors.Find(alias.Value.Value);
                if (recording is null)
                {
                    ReportUndefinedAlias(alias, place, KeyPointer(alias.Value.Value));
                    SkipEntry(frame);
                }
                else if (_anchors.AsScalar(recording) is { } recordedKey)
                {
                    AcceptKey(frame, recordedKey, place);
                }
                else
                {
                    ReportNonScalarKey(place, "an alias to a mapping or a sequence");
                    SkipEntry(frame);
                }
                break;
            default:
                ReportNonScalarKey(PlaceOf(e), e is MappingStart ? "a mapping" : "a sequence");
                _skipDepth = 1;
                SkipEntry(frame);
                break;
        }
    }

    private void AcceptKey(int frame, Scalar scalar, Place place)
    {
        var key = scalar.Value;
        if (key == "<<" && scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty)
        {
            if (!_replaying)
                Report(LoadFindingCodes.MergeKey, FindingLevel.Error,
                    "merge keys (<<) are not YAML 1.2, and readers disagree on them",
                    "write the merged keys out in this mapping", place, KeyPointer(key));
            SkipEntry(frame);
            return;
        }
        if (!_replaying) CheckKeyType(scalar, place);

        ref var f = ref _frames[frame];
        if (FindKey(ref f, key) is { } firstLine)
        {
            if (!_replaying)
                Report(LoadFindingCodes.DuplicateKey, FindingLevel.Error,
                    $"duplicate key {key}: it is already defined on line {firstLine}",
                    "remove one of the two entries, or merge them", place, KeyPointer(key));
            SkipEntry(frame);
            return;
        }
        RememberKey(ref f, key, place.Line);

        f.Key = key;
        f.KeyPlace = place;
        f.AwaitingValue = true;
        f.SkipValue = false;
        if (frame == 0 && key == _options.AuthoringBlockKey)
        {
            f.ValueAuthoring = true;
            f.ValueShape = _options.AuthoringBlockShape.Root;
            _authoringSeen = true;
        }
        else
        {
            f.ValueAuthoring = f.Authoring;
            f.ValueShape = f.Shape?.Property(key);
            WriterFor(f.Authoring).WritePropertyName(key);
        }
    }

    /// <summary>
    /// Reports a key that is not a string (YAML004), has an unknown tag (YAML006) or reads differently in
    /// YAML 1.1. The key is kept as written, so that the rest of the mapping is still checked.
    /// </summary>
    private void CheckKeyType(Scalar scalar, Place place)
    {
        var key = scalar.Value;
        var tag = scalar.Tag;
        if (!tag.IsEmpty)
        {
            if (tag.IsNonSpecific || tag.Value == CoreTagPrefix + "str") return;
            if (IsCoreTag(tag.Value)) ReportNonStringKey(key, $"is tagged {DisplayTag(tag.Value)}", place);
            else ReportUnknownTag(tag.Value, place, KeyPointer(key));
            return;
        }
        if (scalar.Style != ScalarStyle.Plain) return;

        var type = CoreSchema.Resolve(key);
        if (type == CoreType.String)
        {
            if (_options.WarnAboutYaml11Readings) ReportYaml11Reading(key, type, place, isKey: true);
            return;
        }
        var what = type switch
        {
            CoreType.Null => key.Length == 0 ? "is empty, which YAML reads as null" : "is read by YAML as null",
            CoreType.Bool => "is read by YAML as a boolean",
            _ => "is read by YAML as a number",
        };
        ReportNonStringKey(key, what, place);
    }

    private void OnValue(ParsingEvent e, AnchorRecording? aliasTarget)
    {
        var frame = _depth - 1;
        ref var f = ref _frames[frame];
        if (f.IsMapping && f.SkipValue)
        {
            f.SkipValue = false;
            f.AwaitingValue = false;
            if (e is MappingStart or SequenceStart) _skipDepth = 1;
            return;
        }

        var authoring = f.IsMapping ? f.ValueAuthoring : f.Authoring;
        var shape = f.IsMapping ? f.ValueShape : f.Shape?.Item;
        var writer = WriterFor(authoring);
        var place = PlaceOf(e);
        switch (e)
        {
            case Scalar scalar:
                AddChildNode(frame, KindOf(scalar.Style), place);
                WriteScalar(writer, scalar, shape, place);
                CompleteChild(frame, place.End);
                break;
            case AnchorAlias alias:
                OnAlias(frame, alias, aliasTarget, writer, place);
                break;
            default:
                var isMapping = e is MappingStart;
                if (_depth >= _options.MaxDepth)
                {
                    Report(LoadFindingCodes.TooDeep, FindingLevel.Error,
                        $"nesting deeper than {_options.MaxDepth} levels",
                        "flatten the structure; no OSV record nests this deep", place, CurrentPointer());
                    _fatal = true;
                    _skipDepth = 1;
                    writer.WriteNullValue();
                    CompleteChild(frame, place.End);
                    return;
                }
                var node = AddChildNode(frame, isMapping ? SourceNodeKind.Mapping : SourceNodeKind.Sequence, place);
                var tag = ((NodeEvent)e).Tag;
                if (!tag.IsEmpty) CheckCollectionTag(tag, isMapping, place);
                if (isMapping) writer.WriteStartObject();
                else writer.WriteStartArray();
                var block = isMapping ? ((MappingStart)e).Style != MappingStyle.Flow : ((SequenceStart)e).Style != SequenceStyle.Flow;
                Push(new Frame
                {
                    IsMapping = isMapping,
                    Authoring = authoring,
                    Node = node,
                    Shape = shape,
                    Block = block,
                    LastChildEnd = place.End,
                    KeysStart = _keyCount,
                });
                break;
        }
    }

    private void OnAlias(int frame, AnchorAlias alias, AnchorRecording? aliasTarget, Utf8JsonWriter writer, Place place)
    {
        AddChildNode(frame, SourceNodeKind.Alias, place);
        var recording = aliasTarget ?? _anchors.Find(alias.Value.Value);
        if (recording is null)
        {
            ReportUndefinedAlias(alias, place, CurrentPointer());
            writer.WriteNullValue();
            CompleteChild(frame, place.End);
            return;
        }
        if (!_replaying)
        {
            if (_aliasNodes + recording.ExpandedNodes > _options.MaxAliasExpansion)
            {
                if (!_aliasBudgetReported)
                    Report(LoadFindingCodes.AliasBudget, FindingLevel.Error,
                        $"aliases expand to more than {_options.MaxAliasExpansion} nodes (*{alias.Value.Value} alone stands for {recording.ExpandedNodes})",
                        "write the values out instead of nesting aliases", place, CurrentPointer());
                _aliasBudgetReported = true;
                _fatal = true;
                writer.WriteNullValue();
                CompleteChild(frame, place.End);
                return;
            }
            _aliasNodes += recording.ExpandedNodes;
        }
        Replay(recording, place);
    }

    /// <summary>
    /// Feeds the recorded events of an anchored node through the converter again, at the alias's place.
    /// Replayed nodes get no source map nodes of their own (they are located at the alias), and only the
    /// findings that depend on the new position are reported; the rest were reported at the anchor.
    /// </summary>
    private void Replay(AnchorRecording recording, Place aliasPlace)
    {
        var wasReplaying = _replaying;
        var savedPlace = _replayPlace;
        if (!wasReplaying) _replayPlace = aliasPlace;
        _replaying = true;
        foreach (ref readonly var logged in _anchors.EventsOf(recording))
            Process(logged.Event, logged.AliasTarget);
        _replaying = wasReplaying;
        _replayPlace = savedPlace;
    }

    private void OnCollectionEnd(ParsingEvent e)
    {
        ref var f = ref _frames[--_depth];
        var writer = WriterFor(f.Authoring);
        if (f.IsMapping)
        {
            writer.WriteEndObject();
            Array.Clear(_keys, f.KeysStart, _keyCount - f.KeysStart);
            _keyCount = f.KeysStart;
        }
        else
        {
            writer.WriteEndArray();
        }

        int end;
        if (_replaying) end = _replayPlace.End;
        else if (f.Block) end = f.LastChildEnd;
        else
        {
            // The end event sits on the closing bracket; the span includes it.
            end = (int)e.Start.Index;
            if (end < _text.Length && _text[end] is ']' or '}') end++;
        }
        if (f.Node >= 0)
        {
            _nodes[f.Node].ValueEnd = end;
            _nodes[f.Node].SubtreeEnd = _nodeCount;
        }
        f = default;
        if (_depth > 0) CompleteChild(_depth - 1, end);
    }

    private void WriteScalar(Utf8JsonWriter writer, Scalar scalar, ShapeNode? shape, Place place)
    {
        var text = scalar.Value;
        if (!scalar.Tag.IsEmpty)
        {
            WriteTaggedScalar(writer, scalar, place);
            return;
        }
        if (scalar.Style != ScalarStyle.Plain)
        {
            writer.WriteStringValue(text);
            return;
        }

        var type = CoreSchema.Resolve(text);
        if (shape is { ExpectsString: true })
        {
            // The original text goes into the tree, so that later stages do not report the same spot again.
            writer.WriteStringValue(text);
            if (type != CoreType.String)
                Report(ScalarTraps.ForStringPosition(text, type, shape.ExpectedBy), place, CurrentPointer());
            else if (_options.WarnAboutYaml11Readings && !_replaying)
                ReportYaml11Reading(text, type, place, isKey: false);
            return;
        }

        WriteCoreValue(writer, text, type, place);
        if (_options.WarnAboutYaml11Readings && !_replaying)
            ReportYaml11Reading(text, type, place, isKey: false);
    }

    private void WriteCoreValue(Utf8JsonWriter writer, string text, CoreType type, Place place)
    {
        switch (type)
        {
            case CoreType.Null:
                writer.WriteNullValue();
                break;
            case CoreType.Bool:
                writer.WriteBooleanValue(CoreSchema.IsTrue(text));
                break;
            case CoreType.Int or CoreType.Float:
                if (CoreSchema.ToJsonNumber(text, type) is { } number)
                {
                    writer.WriteRawValue(number, skipInputValidation: true);
                    break;
                }
                writer.WriteStringValue(text);
                Report(LoadFindingCodes.NotRepresentable, FindingLevel.Error,
                    $"{text} is read by YAML as a number that JSON cannot represent",
                    $"write {ScalarTraps.Quote(text)}", place, CurrentPointer());
                break;
            default:
                writer.WriteStringValue(text);
                break;
        }
    }

    /// <summary>A core tag forces its type (YAML014 when the text does not fit it); any other tag is YAML006.</summary>
    private void WriteTaggedScalar(Utf8JsonWriter writer, Scalar scalar, Place place)
    {
        var text = scalar.Value;
        var tag = scalar.Tag;
        if (tag.IsNonSpecific || tag.Value == CoreTagPrefix + "str")
        {
            writer.WriteStringValue(text);
            return;
        }
        if (!IsCoreTag(tag.Value))
        {
            writer.WriteStringValue(text);
            if (!_replaying) ReportUnknownTag(tag.Value, place, CurrentPointer());
            return;
        }

        var type = CoreSchema.Resolve(text);
        var fits = tag.Value[CoreTagPrefix.Length..] switch
        {
            "null" => type == CoreType.Null,
            "bool" => type == CoreType.Bool,
            "int" => type == CoreType.Int,
            "float" => type is CoreType.Int or CoreType.Float,
            _ => false, // !!map or !!seq on a scalar
        };
        if (fits)
        {
            WriteCoreValue(writer, text, type, place);
            return;
        }
        writer.WriteStringValue(text);
        if (!_replaying)
            Report(LoadFindingCodes.TagMismatch, FindingLevel.Error,
                $"{DisplayTag(tag.Value)} does not fit the value {ScalarTraps.Quote(text)}",
                "remove the tag, or write a value of that type", place, CurrentPointer());
    }

    private void CheckCollectionTag(TagName tag, bool isMapping, Place place)
    {
        if (tag.IsEmpty || tag.IsNonSpecific || _replaying) return;
        if (tag.Value == CoreTagPrefix + (isMapping ? "map" : "seq")) return;
        if (!IsCoreTag(tag.Value))
        {
            ReportUnknownTag(tag.Value, place, CurrentPointer());
            return;
        }
        Report(LoadFindingCodes.TagMismatch, FindingLevel.Error,
            $"{DisplayTag(tag.Value)} does not fit a {(isMapping ? "mapping" : "sequence")}",
            "remove the tag", place, CurrentPointer());
    }

    private static bool IsCoreTag(string tag) =>
        tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal)
        && tag.AsSpan(CoreTagPrefix.Length) is "str" or "int" or "float" or "bool" or "null" or "map" or "seq";

    private static string DisplayTag(string tag) =>
        tag.StartsWith(CoreTagPrefix, StringComparison.Ordinal) ? "!!" + tag[CoreTagPrefix.Length..] : tag;

    private static SourceNodeKind KindOf(ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted => SourceNodeKind.SingleQuoted,
        ScalarStyle.DoubleQuoted => SourceNodeKind.DoubleQuoted,
        ScalarStyle.Literal => SourceNodeKind.Literal,
        ScalarStyle.Folded => SourceNodeKind.Folded,
        _ => SourceNodeKind.Plain,
    };

    private Utf8JsonWriter WriterFor(bool authoring) => authoring ? _authoringWriter : _recordWriter;

    /// <summary>The key was refused: its value is read but not written.</summary>
    private void SkipEntry(int frame)
    {
        _frames[frame].AwaitingValue = true;
        _frames[frame].SkipValue = true;
    }

    private void CompleteChild(int frame, int end)
    {
        ref var f = ref _frames[frame];
        f.LastChildEnd = end;
        if (f.IsMapping) f.AwaitingValue = false;
        else f.Items++;
    }

    private void Push(Frame frame)
    {
        if (_depth == _frames.Length) Array.Resize(ref _frames, _frames.Length * 2);
        _frames[_depth++] = frame;
    }

    private int AddChildNode(int frame, SourceNodeKind kind, Place place)
    {
        ref var f = ref _frames[frame];
        return f.IsMapping
            ? AddNode(kind, place, f.Key, -1, f.KeyPlace)
            : AddNode(kind, place, null, f.Items, default);
    }

    private int AddNode(SourceNodeKind kind, Place value, string? key, int index, Place keyPlace)
    {
        if (_replaying) return -1;
        if (_nodeCount == _nodes.Length) Array.Resize(ref _nodes, _nodes.Length * 2);
        var node = _nodeCount++;
        _nodes[node] = new SourceNode
        {
            Key = key,
            Index = index,
            SubtreeEnd = _nodeCount,
            ValueStart = value.Start,
            ValueEnd = value.End,
            ValueLine = value.Line,
            ValueColumn = value.Column,
            KeyStart = key is null ? -1 : keyPlace.Start,
            KeyEnd = keyPlace.End,
            KeyLine = keyPlace.Line,
            KeyColumn = keyPlace.Column,
            Kind = kind,
        };
        return node;
    }

    private SourceMap BuildMap()
    {
        // After a syntax error some collections never ended: they reach to the end of what was read.
        for (var i = 0; i < _depth; i++)
        {
            var node = _frames[i].Node;
            if (node < 0) continue;
            _nodes[node].SubtreeEnd = _nodeCount;
            _nodes[node].ValueEnd = Math.Max(_nodes[node].ValueEnd, _frames[i].LastChildEnd);
        }
        return new SourceMap(_path, _text, _nodes.AsSpan(0, _nodeCount).ToArray());
    }

    private int? FindKey(ref Frame f, string key)
    {
        if (f.KeyLines is not null) return f.KeyLines.TryGetValue(key, out var line) ? line : null;
        for (var i = f.KeysStart; i < _keyCount; i++)
            if (string.Equals(_keys[i].Key, key, StringComparison.Ordinal))
                return _keys[i].Line;
        return null;
    }

    private void RememberKey(ref Frame f, string key, int line)
    {
        // Large mappings switch to a dictionary so that duplicate detection stays linear.
        const int LinearLimit = 32;
        if (f.KeyLines is not null)
        {
            f.KeyLines[key] = line;
            return;
        }
        if (_keyCount == _keys.Length) Array.Resize(ref _keys, _keys.Length * 2);
        _keys[_keyCount++] = (key, line);
        if (_keyCount - f.KeysStart > LinearLimit)
        {
            f.KeyLines = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = f.KeysStart; i < _keyCount; i++) f.KeyLines[_keys[i].Key] = _keys[i].Line;
        }
    }

    private Place PlaceOf(ParsingEvent e) => _replaying
        ? _replayPlace
        : new Place((int)e.Start.Index, (int)e.End.Index, (int)e.Start.Line, (int)e.Start.Column);

    /// <summary>Pointer of the node being read: the current child of every open collection.</summary>
    private string CurrentPointer() => BuildPointer(_depth, null);

    /// <summary>Pointer of the entry whose key is being read in the innermost mapping.</summary>
    private string KeyPointer(string key) => BuildPointer(_depth - 1, key);

    private string BuildPointer(int frames, string? lastKey)
    {
        _pointer.Clear();
        for (var i = 0; i < frames; i++)
        {
            ref var f = ref _frames[i];
            if (f.IsMapping) JsonPointerText.AppendSegment(_pointer, f.Key ?? "");
            else JsonPointerText.AppendSegment(_pointer, f.Items);
        }
        if (lastKey is not null) JsonPointerText.AppendSegment(_pointer, lastKey);
        return _pointer.ToString();
    }

    /// <summary>Runs for every plain string, so the pointer is only built when there is something to report.</summary>
    private void ReportYaml11Reading(string text, CoreType type, Place place, bool isKey)
    {
        if (ScalarTraps.ForYaml11Reading(text, type) is { } trap)
            Report(trap, place, isKey ? KeyPointer(text) : CurrentPointer());
    }

    private void ReportNonStringKey(string key, string what, Place place) =>
        Report(LoadFindingCodes.NonStringKey, FindingLevel.Error,
            $"the key {(key.Length == 0 ? "\"\"" : key)} {what}, but keys must be strings",
            $"write {ScalarTraps.Quote(key)}: instead", place, KeyPointer(key));

    private void ReportNonScalarKey(Place place, string what)
    {
        if (_replaying) return;
        Report(LoadFindingCodes.NonScalarKey, FindingLevel.Error,
            $"a key is {what}; keys must be plain strings",
            "use a string key and put the structure in its value", place, BuildPointer(_depth - 1, null));
    }

    private void ReportUnknownTag(string tag, Place place, string pointer) =>
        Report(LoadFindingCodes.UnknownTag, FindingLevel.Error,
            $"the tag {DisplayTag(tag)} is not one of the YAML core tags (!!str !!int !!float !!bool !!null !!map !!seq)",
            "remove the tag", place, pointer);

    private void ReportUndefinedAlias(AnchorAlias alias, Place place, string pointer)
    {
        if (_replaying) return;
        Report(LoadFindingCodes.UndefinedAlias, FindingLevel.Error,
            $"the alias *{alias.Value.Value} refers to no complete node defined before it",
            $"define &{alias.Value.Value} on an earlier value, or write the value out", place, pointer);
    }

    private void Report(ScalarTrap trap, Place place, string pointer) =>
        Report(trap.Code, trap.Level, trap.Message, trap.Hint, place, pointer);

    private void Report(string code, FindingLevel level, string message, string? hint, Place place, string? pointer) =>
        _findings.Add(new Finding(code, level, message, new SourceLocation(_path, place.Line, place.Column), hint, pointer));

    private IReadOnlyList<Finding> SortedFindings()
    {
        if (_findings.Count == 0) return [];
        var sorted = _findings.ToArray();
        // Stable: findings at the same place keep the order in which they were found.
        var order = Enumerable.Range(0, sorted.Length).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byLine = sorted[a].Location.Line.CompareTo(sorted[b].Location.Line);
            if (byLine != 0) return byLine;
            var byColumn = sorted[a].Location.Column.CompareTo(sorted[b].Location.Column);
            return byColumn != 0 ? byColumn : a.CompareTo(b);
        });
        return Array.ConvertAll(order, i => sorted[i]);
    }

    /// <summary>YamlDotNet's messages without the position prefix it sometimes adds (the finding has the position).</summary>
    private static string CleanMessage(string message)
    {
        var text = message.Trim();
        if (text.StartsWith("(Line:", StringComparison.Ordinal))
        {
            var colon = text.IndexOf("): ", StringComparison.Ordinal);
            if (colon > 0) text = text[(colon + 3)..];
        }
        text = text.TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "YAML syntax error";
    }

    private readonly record struct Place(int Start, int End, int Line, int Column);

    private struct Frame
    {
        public bool IsMapping;

        /// <summary>Whether this collection is inside the authoring block.</summary>
        public bool Authoring;

        public bool Block;

        /// <summary>Source map node of the collection; -1 while replaying an alias.</summary>
        public int Node;

        public ShapeNode? Shape;

        /// <summary>Sequences: index of the current item.</summary>
        public int Items;

        public int LastChildEnd;

        // Mapping state: the entry being read.
        public bool AwaitingValue;
        public bool SkipValue;
        public string? Key;
        public Place KeyPlace;
        public ShapeNode? ValueShape;
        public bool ValueAuthoring;

        /// <summary>First of this mapping's keys in the shared duplicate-detection list.</summary>
        public int KeysStart;

        public Dictionary<string, int>? KeyLines;
    }
}
