using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.JsonSchema;
using AdvisoryPipeline.Loading.Yaml;

namespace AdvisoryPipeline.Loading;

/// <summary>
/// Where each value of a loaded YAML or JSON file came from, addressed by JSON pointer (RFC 6901). Pointers are
/// those of the whole file: record values keep their pointers, and the authoring block is under its key
/// (<c>/pipeline/notes</c>). Lookups walk the flat node list and cost a scan of the children on the path,
/// which is fine because they run only when a finding is reported; in a long collection (100,000 listed
/// versions, each reported) a child is found through an index of the collection's children, built on first use, so
/// that locating every item stays linear.
/// </summary>
public sealed class SourceMap
{
    private readonly string _text;
    private readonly SourceNode[] _nodes;

    internal SourceMap(string file, string text, SourceNode[] nodes)
    {
        File = file;
        _text = text;
        _nodes = nodes;
    }

    internal static SourceMap Empty(string file) => new(file, "", []);

    public string File { get; }

    /// <summary>The nodes in document order, for tests that compare two maps.</summary>
    internal ReadOnlySpan<SourceNode> Nodes => _nodes;

    /// <summary>
    /// Position of the value at <paramref name="jsonPointer"/>; of its nearest existing ancestor when it does
    /// not exist (a missing required property is reported at its object); the whole file when nothing is mapped.
    /// </summary>
    public SourceLocation Locate(string jsonPointer)
    {
        var node = Find(jsonPointer, out _);
        return node < 0 ? SourceLocation.WholeFile(File) : At(_nodes[node].Value);
    }

    /// <summary>Position of the key of the mapping entry at <paramref name="jsonPointer"/>; falls back like <see cref="Locate"/>.</summary>
    public SourceLocation LocateKey(string jsonPointer)
    {
        var node = Find(jsonPointer, out var exact);
        if (node < 0) return SourceLocation.WholeFile(File);
        ref readonly var n = ref _nodes[node];
        return At(exact && n.Key is not null ? n.KeySpan : n.Value);
    }

    /// <summary>Span of the value at exactly <paramref name="jsonPointer"/>, or null.</summary>
    public SourceSpan? ValueSpan(string jsonPointer)
    {
        var node = Find(jsonPointer, out var exact);
        return node < 0 || !exact ? null : _nodes[node].Value;
    }

    /// <summary>Span of the key of the mapping entry at exactly <paramref name="jsonPointer"/>, or null.</summary>
    public SourceSpan? KeySpan(string jsonPointer)
    {
        var node = Find(jsonPointer, out var exact);
        return node < 0 || !exact || _nodes[node].Key is null ? null : _nodes[node].KeySpan;
    }

    /// <summary>Style and source text of the scalar at exactly <paramref name="jsonPointer"/>, or null if it is not a scalar.</summary>
    public ScalarInfo? Scalar(string jsonPointer)
    {
        var node = Find(jsonPointer, out var exact);
        if (node < 0 || !exact) return null;
        ref readonly var n = ref _nodes[node];
        YamlScalarStyle? style = n.Kind switch
        {
            SourceNodeKind.Plain => YamlScalarStyle.Plain,
            SourceNodeKind.SingleQuoted => YamlScalarStyle.SingleQuoted,
            SourceNodeKind.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
            SourceNodeKind.Literal => YamlScalarStyle.Literal,
            SourceNodeKind.Folded => YamlScalarStyle.Folded,
            SourceNodeKind.Json => YamlScalarStyle.Json,
            _ => null,
        };
        return style is null ? null : new ScalarInfo(style.Value, _text[n.Value.Start..n.Value.End]);
    }

    private SourceLocation At(SourceSpan span) => new(File, span.Line, span.Column);

    /// <summary>The node at the pointer, or its deepest existing ancestor (exact = false); -1 when nothing is mapped.</summary>
    private int Find(string jsonPointer, out bool exact)
    {
        exact = false;
        if (_nodes.Length == 0) return -1;
        if (jsonPointer.Length == 0)
        {
            exact = true;
            return 0;
        }
        if (jsonPointer[0] != '/') return 0;

        var current = 0;
        var rest = jsonPointer.AsSpan(1);
        while (true)
        {
            var slash = rest.IndexOf('/');
            var child = FindChild(current, slash < 0 ? rest : rest[..slash]);
            if (child < 0) return current;
            current = child;
            if (slash < 0)
            {
                exact = true;
                return current;
            }
            rest = rest[(slash + 1)..];
        }
    }

    private int FindChild(int parent, ReadOnlySpan<char> segment)
    {
        var key = segment;
        if (segment.Contains('~'))
        {
            if (JsonPointer.Unescape(segment) is not { } unescaped) return -1;
            key = unescaped;
        }
        var isIndex = int.TryParse(segment, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var index);
        if (_children is { } indexed && indexed.TryGetValue(parent, out var children))
            return children.Find(key, isIndex ? index : -1);
        var scanned = 0;
        for (var i = parent + 1; i < _nodes[parent].SubtreeEnd; i = _nodes[i].SubtreeEnd)
        {
            ref readonly var n = ref _nodes[i];
            if (n.Key is not null ? key.SequenceEqual(n.Key) : isIndex && n.Index == index)
                return i;
            if (++scanned == LargeCollection) return ChildrenOf(parent).Find(key, isIndex ? index : -1);
        }
        return -1;
    }

    // A lookup that passes this many children builds an index of the collection's children for every later one, so
    // that locating every item of a long list (100,000 findings on one line of versions) is not quadratic.
    private const int LargeCollection = 64;

    private System.Collections.Concurrent.ConcurrentDictionary<int, ChildIndex>? _children;

    private ChildIndex ChildrenOf(int parent)
    {
        var children = _children;
        if (children is null)
        {
            Interlocked.CompareExchange(ref _children, new System.Collections.Concurrent.ConcurrentDictionary<int, ChildIndex>(), null);
            children = _children;
        }
        return children.GetOrAdd(parent, static (node, nodes) => ChildIndex.Of(nodes, node), _nodes);
    }

    /// <summary>The children of one collection by key and by position: the first that a scan in document order finds.</summary>
    private sealed class ChildIndex
    {
        private readonly Dictionary<int, int> _items = [];
        private readonly Dictionary<string, int> _entries = new(StringComparer.Ordinal);

        public static ChildIndex Of(SourceNode[] nodes, int parent)
        {
            var index = new ChildIndex();
            for (var i = parent + 1; i < nodes[parent].SubtreeEnd; i = nodes[i].SubtreeEnd)
            {
                if (nodes[i].Key is { } key) index._entries.TryAdd(key, i);
                else index._items.TryAdd(nodes[i].Index, i);
            }
            return index;
        }

        public int Find(ReadOnlySpan<char> key, int position)
        {
            // A collection's children are all entries (a mapping) or all items (a sequence).
            if (_entries.Count > 0) return _entries.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var entry) ? entry : -1;
            return position >= 0 && _items.TryGetValue(position, out var item) ? item : -1;
        }
    }
}
