using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.JsonSchema;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AdvisoryPipeline.Loading.Yaml;

/// <summary>
/// Turns the event stream of YamlDotNet's parser into JSON (written straight into a reused buffer) and a flat
/// source map, in one pass, checking on the way everything YAML allows that a JSON record must not contain.
/// One instance per thread is reused, so that buffers are not allocated again for every file.
/// </summary>
internal sealed class YamlJsonConverter
{
    [ThreadStatic] private static YamlJsonConverter? t_spare;

    private readonly RecordWriters _writers = new();
    private readonly SourceMapBuilder _map = new();
    private readonly MappingKeys _keys = new();
    private readonly AnchorLog _anchors = new();
    private readonly FileFindings _findings = new();
    private readonly StringBuilder _pointer = new();
    private Frame[] _frames = new Frame[16];

    private string _path = "";
    private string _text = "";
    private LoadOptions _options = LoadOptions.Default;
    private int _depth;
    private int _skipDepth;
    private int _documents;
    private bool _rootSeen;
    private bool _authoringSeen;
    private bool _fatal;
    private bool _stop;
    private bool _aliasBudgetReported;
    private long _aliasNodes;
    private bool _replaying;
    private SourceSpan _replayPlace;

    public static LoadedDocument Convert(string path, string text, bool hasByteOrderMark, YamlEventLog events, LoadOptions options)
    {
        var converter = t_spare ?? new YamlJsonConverter();
        t_spare = null;
        try
        {
            return converter.Run(path, text, hasByteOrderMark, events, options);
        }
        finally
        {
            converter.Reset();
            t_spare = converter;
        }
    }

    private LoadedDocument Run(string path, string text, bool hasByteOrderMark, YamlEventLog log, LoadOptions options)
    {
        _path = path;
        _text = text;
        _options = options;
        _findings.Start(path);
        _writers.Start();

        foreach (var e in log.Events)
        {
            // The log may hold events past the one that stops conversion, never fewer (see YamlEventLog.Read).
            if (_stop) break;
            _anchors.Observe(e);
            Process(e, null);
        }
        if (!_stop && log.SyntaxError is { } error) ReportSyntaxError(error.Message, error.Position, error.Hint);

        if (!_rootSeen && !_fatal)
        {
            _findings.AddForWholeFile(new PendingFinding(LoadFindingCodes.NotAMapping, FindingLevel.Error,
                "the file is empty: it must contain one mapping (key: value lines)", "start with the record's keys, e.g. id: ..."), "");
            _fatal = true;
        }

        JsonElement? record = null, authoring = null;
        if (!_fatal && _depth == 0) (record, authoring) = _writers.Finish(_authoringSeen, _options.MaxDepth);
        return new LoadedDocument(path, text, hasByteOrderMark, record, authoring, BuildMap(), _findings.InSourceOrder());
    }

    private void Reset()
    {
        _anchors.Clear();
        _findings.Start("");
        _map.Clear();
        _keys.Clear();
        Array.Clear(_frames, 0, _depth);
        _writers.Clear();
        _path = _text = "";
        _options = LoadOptions.Default;
        _depth = _skipDepth = _documents = 0;
        _rootSeen = _authoringSeen = _fatal = _stop = _aliasBudgetReported = _replaying = false;
        _aliasNodes = 0;
    }

    private void Process(ParsingEvent e, AnchorRecording? aliasTarget)
    {
        if (_skipDepth > 0)
        {
            if (e is MappingEnd or SequenceEnd) _skipDepth--;
            else if (e is MappingStart or SequenceStart && ++_skipDepth + _depth > _options.MaxDepth) ReportTooDeep(PlaceOf(e), null);
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
                Report(new PendingFinding(LoadFindingCodes.SeveralDocuments, FindingLevel.Error,
                    "a second YAML document starts here; an advisory file holds exactly one",
                    "put each record in a file of its own"), PlaceOf(e), pointer: null);
                _stop = true;
                break;
        }
    }

    private void OnRoot(ParsingEvent e)
    {
        if (_rootSeen) return; // only a second document could bring another root, and it stops the run first
        _rootSeen = true;
        var place = PlaceOf(e);
        if (e is MappingStart mapping)
        {
            Report(ScalarConversion.CheckCollectionTag(mapping.Tag, isMapping: true), place, "");
            _map.Add(SourceNodeKind.Mapping, place, key: null, index: -1, default);
            _writers.Record.WriteStartObject();
            Push(new Frame
            {
                IsMapping = true,
                Node = 0,
                Shape = _options.Shape.Root,
                Block = mapping.Style != MappingStyle.Flow,
                LastChildEnd = place.End,
                Keys = _keys.Open(),
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
        Report(new PendingFinding(LoadFindingCodes.NotAMapping, FindingLevel.Error, message, hint), place, "");
        if (e is SequenceStart) _skipDepth = 1;
    }

    private void OnKey(ParsingEvent e, AnchorRecording? aliasTarget)
    {
        var frame = _depth - 1;
        var place = PlaceOf(e);
        switch (e)
        {
            case Scalar scalar:
                AcceptKey(frame, scalar, place);
                break;
            case AnchorAlias alias:
                var recording = aliasTarget ?? _anchors.Find(alias.Value.Value);
                if (recording is null)
                {
                    Report(UndefinedAlias(alias), place, KeyPointer(alias.Value.Value));
                    SkipEntry(frame);
                }
                else if (_anchors.AsScalar(recording) is { } recordedKey)
                {
                    AcceptKey(frame, recordedKey, place);
                }
                else
                {
                    Report(NonScalarKey("an alias to a mapping or a sequence"), place, PointerOfFrames(frame));
                    SkipEntry(frame);
                }
                break;
            default:
                Report(NonScalarKey(e is MappingStart ? "a mapping" : "a sequence"), place, PointerOfFrames(frame));
                _skipDepth = 1;
                SkipEntry(frame);
                break;
        }
    }

    private void AcceptKey(int frame, Scalar scalar, SourceSpan place)
    {
        var key = scalar.Value;
        if (ScalarConversion.IsMergeKey(scalar))
        {
            Report(ScalarConversion.MergeKey(), place, KeyPointer(key));
            SkipEntry(frame);
            return;
        }
        // Pointers are built only when there is something to report: this runs for every key.
        if (!_replaying && ScalarConversion.CheckKey(scalar, _options.WarnAboutYaml11Readings) is { } keyProblem)
            Report(keyProblem, place, KeyPointer(key));

        ref var f = ref _frames[frame];
        if (_keys.LineOf(f.Keys, key) is { } firstLine)
        {
            Report(new PendingFinding(LoadFindingCodes.DuplicateKey, FindingLevel.Error,
                $"duplicate key {key}: it is already defined on line {firstLine}",
                "remove one of the two entries, or merge them"), place, KeyPointer(key));
            SkipEntry(frame);
            return;
        }
        _keys.Add(f.Keys, key, place.Line);

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
                var problem = ScalarConversion.WriteValue(writer, scalar, shape, _options.WarnAboutYaml11Readings);
                if (problem is not null) Report(problem, place, CurrentPointer());
                CompleteChild(frame, place.End);
                break;
            case AnchorAlias alias:
                OnAlias(frame, alias, aliasTarget, writer, place);
                break;
            default:
                if (_depth >= _options.MaxDepth)
                {
                    ReportTooDeep(place, CurrentPointer());
                    return;
                }
                var isMapping = e is MappingStart;
                var node = AddChildNode(frame, isMapping ? SourceNodeKind.Mapping : SourceNodeKind.Sequence, place);
                if (ScalarConversion.CheckCollectionTag(((NodeEvent)e).Tag, isMapping) is { } tagProblem)
                    Report(tagProblem, place, CurrentPointer());
                if (isMapping) writer.WriteStartObject();
                else writer.WriteStartArray();
                Push(new Frame
                {
                    IsMapping = isMapping,
                    Authoring = authoring,
                    Node = node,
                    Shape = shape,
                    Block = isMapping ? ((MappingStart)e).Style != MappingStyle.Flow : ((SequenceStart)e).Style != SequenceStyle.Flow,
                    LastChildEnd = place.End,
                    Keys = isMapping ? _keys.Open() : -1,
                });
                break;
        }
    }

    private void OnAlias(int frame, AnchorAlias alias, AnchorRecording? aliasTarget, Utf8JsonWriter writer, SourceSpan place)
    {
        AddChildNode(frame, SourceNodeKind.Alias, place);
        var recording = aliasTarget ?? _anchors.Find(alias.Value.Value);
        if (recording is null)
        {
            Report(UndefinedAlias(alias), place, CurrentPointer());
            writer.WriteNullValue();
            CompleteChild(frame, place.End);
            return;
        }
        if (!_replaying)
        {
            if (_aliasNodes + recording.ExpandedNodes > _options.MaxAliasExpansion)
            {
                if (!_aliasBudgetReported)
                    Report(new PendingFinding(LoadFindingCodes.AliasBudget, FindingLevel.Error,
                        $"aliases expand to more than {_options.MaxAliasExpansion} nodes (*{alias.Value.Value} alone stands for {recording.ExpandedNodes})",
                        "write the values out instead of nesting aliases"), place, CurrentPointer());
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
    private void Replay(AnchorRecording recording, SourceSpan aliasPlace)
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
            if (f.AwaitingValue && !f.SkipValue)
            {
                // YamlDotNet drops the value of an entry whose key is empty in a block sequence ("- : 2.0"): the key
                // was written, so the JSON needs a value, and the author needs to know the value was not read.
                WriterFor(f.ValueAuthoring).WriteNullValue();
                Report(new PendingFinding(LoadFindingCodes.Syntax, FindingLevel.Error,
                    "this entry has an empty key and its value could not be read",
                    "write the key as a quoted string (\"\": value), or remove the stray ':'"), f.KeyPlace, pointer: null);
                _fatal = true;
            }
            writer.WriteEndObject();
            _keys.Close(f.Keys);
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
        if (f.Node >= 0) _map.Close(f.Node, end);
        f = default;
        if (_depth > 0) CompleteChild(_depth - 1, end);
    }

    private static SourceNodeKind KindOf(ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted => SourceNodeKind.SingleQuoted,
        ScalarStyle.DoubleQuoted => SourceNodeKind.DoubleQuoted,
        ScalarStyle.Literal => SourceNodeKind.Literal,
        ScalarStyle.Folded => SourceNodeKind.Folded,
        _ => SourceNodeKind.Plain,
    };

    private Utf8JsonWriter WriterFor(bool authoring) => _writers.For(authoring);

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

    /// <summary>Adds the source map node of the current child of <paramref name="frame"/>; none while replaying.</summary>
    private int AddChildNode(int frame, SourceNodeKind kind, SourceSpan place)
    {
        if (_replaying) return -1;
        ref var f = ref _frames[frame];
        return f.IsMapping
            ? _map.Add(kind, place, f.Key, -1, f.KeyPlace)
            : _map.Add(kind, place, null, f.Items, default);
    }

    private SourceMap BuildMap()
    {
        // After a syntax error some collections never ended: they reach to the end of what was read.
        for (var i = 0; i < _depth; i++)
            if (_frames[i].Node >= 0)
                _map.Close(_frames[i].Node, _frames[i].LastChildEnd);
        return _map.Build(_path, _text);
    }

    private SourceSpan PlaceOf(ParsingEvent e) => _replaying
        ? _replayPlace
        : new SourceSpan((int)e.Start.Index, (int)e.End.Index, (int)e.Start.Line, (int)e.Start.Column);

    /// <summary>Pointer of the node being read: the current child of every open collection.</summary>
    private string CurrentPointer() => PointerOfFrames(_depth);

    /// <summary>Pointer of the entry whose key is being read in the innermost mapping.</summary>
    private string KeyPointer(string key)
    {
        AppendFrames(_depth - 1);
        JsonPointer.AppendTo(_pointer, key);
        return _pointer.ToString();
    }

    /// <summary>Pointer made of the current child of each of the outermost <paramref name="frames"/> collections.</summary>
    private string PointerOfFrames(int frames)
    {
        AppendFrames(frames);
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

    /// <summary>
    /// Stops reading: YamlDotNet's scanner takes time quadratic in the depth of flow collections, so going
    /// on through a megabyte of '[' would keep it busy for hours.
    /// </summary>
    private void ReportTooDeep(SourceSpan place, string? pointer)
    {
        Report(new PendingFinding(LoadFindingCodes.TooDeep, FindingLevel.Error, $"nesting deeper than {_options.MaxDepth} levels",
            "flatten the structure; no OSV record nests this deep"), place, pointer);
        _fatal = true;
        _stop = true;
    }

    private void ReportSyntaxError(string message, Mark position, string? hint = null)
    {
        _findings.Add(new PendingFinding(LoadFindingCodes.Syntax, FindingLevel.Error, message, hint),
            new SourceSpan((int)position.Index, (int)position.Index, (int)position.Line, (int)position.Column), pointer: null);
        _fatal = true;
    }

    private static PendingFinding NonScalarKey(string what) =>
        new(LoadFindingCodes.NonScalarKey, FindingLevel.Error, $"a key is {what}; keys must be plain strings",
            "use a string key and put the structure in its value");

    private static PendingFinding UndefinedAlias(AnchorAlias alias) =>
        new(LoadFindingCodes.UndefinedAlias, FindingLevel.Error,
            $"the alias *{alias.Value.Value} refers to no complete node defined before it",
            $"define &{alias.Value.Value} on an earlier value, or write the value out");

    /// <summary>Locates and keeps a finding; while replaying an alias, only those that depend on the position.</summary>
    private void Report(PendingFinding? finding, SourceSpan place, string? pointer)
    {
        if (finding is { } f && (!_replaying || f.DependsOnPosition)) _findings.Add(f, place, pointer);
    }

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

        /// <summary>Mappings: this mapping in <see cref="MappingKeys"/>.</summary>
        public int Keys;

        // Mapping state: the entry being read.
        public bool AwaitingValue;
        public bool SkipValue;
        public string? Key;
        public SourceSpan KeyPlace;
        public ShapeNode? ValueShape;
        public bool ValueAuthoring;
    }
}
