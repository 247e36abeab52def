namespace AdvisoryPipeline.Loading;

/// <summary>How a scalar was written in the source: one of YAML's styles, or JSON.</summary>
public enum YamlScalarStyle : byte
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,

    /// <summary>A value of a JSON file: a replacement must be JSON too (a string in double quotes with JSON's escapes).</summary>
    Json,
}

/// <summary>
/// A scalar as the author wrote it: its style and its source text (the exact characters of its span,
/// including quotes, block header, tag or anchor when there is one).
/// </summary>
public sealed record ScalarInfo(YamlScalarStyle Style, string SourceText);
