using System.Text.Json;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Loading;

/// <summary>One YAML file after loading: its JSON view, where every value came from, and what was wrong.</summary>
public sealed class LoadedDocument
{
    internal LoadedDocument(string path, string text, bool hasByteOrderMark, JsonElement? record,
        JsonElement? authoringBlock, SourceMap map, IReadOnlyList<Finding> findings)
    {
        Path = path;
        Text = text;
        HasByteOrderMark = hasByteOrderMark;
        Record = record;
        AuthoringBlock = authoringBlock;
        Map = map;
        Findings = findings;
        HasErrors = findings.Any(f => f.IsError);
    }

    public string Path { get; }

    /// <summary>The decoded file without its byte order mark; spans in <see cref="Map"/> index into it.</summary>
    public string Text { get; }

    /// <summary>Whether the file started with a UTF-8 byte order mark, so that a rewrite can keep it.</summary>
    public bool HasByteOrderMark { get; }

    /// <summary>The document as JSON without the authoring block; null when the structure could not be loaded.</summary>
    public JsonElement? Record { get; }

    /// <summary>The value of the top-level authoring key (<c>pipeline:</c>) as its own JSON tree, if present.</summary>
    public JsonElement? AuthoringBlock { get; }

    public SourceMap Map { get; }

    /// <summary>Findings in source order.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public bool HasErrors { get; }
}
