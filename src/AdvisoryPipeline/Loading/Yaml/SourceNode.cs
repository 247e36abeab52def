namespace AdvisoryPipeline.Loading.Yaml;

internal enum SourceNodeKind : byte
{
    Mapping,
    Sequence,
    Alias,
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,

    /// <summary>A string, number, boolean or null of a JSON file, written as JSON writes it.</summary>
    Json,
}

/// <summary>
/// One node of the source map. Nodes are stored flat in document order (pre-order), so the children of a
/// node are the nodes between it and <see cref="SubtreeEnd"/>, and nothing is allocated per node beyond
/// this struct: the key is the string the YAML parser already produced.
/// </summary>
internal struct SourceNode
{
    /// <summary>Key of a mapping entry; null for the root and for sequence items.</summary>
    public string? Key;

    /// <summary>Position of a sequence item; -1 for mapping entries and the root.</summary>
    public int Index;

    /// <summary>Index after the last descendant.</summary>
    public int SubtreeEnd;

    public SourceSpan Value;

    /// <summary>Meaningful only when <see cref="Key"/> is set.</summary>
    public SourceSpan KeySpan;

    public SourceNodeKind Kind;
}

/// <summary>Collects source map nodes while a file is converted; reused from file to file.</summary>
internal sealed class SourceMapBuilder
{
    private SourceNode[] _nodes = new SourceNode[256];
    private int _count;

    public int Add(SourceNodeKind kind, SourceSpan value, string? key, int index, SourceSpan keySpan)
    {
        if (_count == _nodes.Length) Array.Resize(ref _nodes, _nodes.Length * 2);
        var node = _count++;
        ref var n = ref _nodes[node];
        n.Key = key;
        n.Index = index;
        n.SubtreeEnd = _count;
        n.Value = value;
        n.KeySpan = keySpan;
        n.Kind = kind;
        return node;
    }

    /// <summary>A collection ended at <paramref name="end"/>: its descendants are the nodes added since it.</summary>
    public void Close(int node, int end)
    {
        ref var n = ref _nodes[node];
        n.Value = n.Value with { End = Math.Max(n.Value.Start, end) };
        n.SubtreeEnd = _count;
    }

    /// <summary>The map, with its own exactly sized copy of the nodes.</summary>
    public SourceMap Build(string file, string text) => new(file, text, _nodes.AsSpan(0, _count).ToArray());

    public void Clear()
    {
        if (_nodes.Length > 16 * 1024) _nodes = new SourceNode[256]; // not kept for the thread's life after a large file
        else Array.Clear(_nodes, 0, _count); // drops the references to the last file's keys
        _count = 0;
    }
}
