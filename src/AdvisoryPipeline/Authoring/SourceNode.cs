namespace AdvisoryPipeline.Authoring;

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

    public int ValueStart;
    public int ValueEnd;
    public int ValueLine;
    public int ValueColumn;

    /// <summary>-1 when the node has no key.</summary>
    public int KeyStart;
    public int KeyEnd;
    public int KeyLine;
    public int KeyColumn;

    public SourceNodeKind Kind;
}
