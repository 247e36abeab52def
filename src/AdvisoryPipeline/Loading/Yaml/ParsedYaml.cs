using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Loading.Yaml;

/// <summary>
/// A YAML file decoded and run through the parser, not yet converted to JSON: the first half of
/// <see cref="AdvisoryYamlLoader.Load(string, ReadOnlySpan{byte}, LoadOptions?)"/>. Either <see cref="Events"/>
/// or <see cref="Problem"/> (a file too large or not UTF-8) is set.
/// </summary>
internal sealed class ParsedYaml
{
    private ParsedYaml(string path, string text, bool hasByteOrderMark, LoadOptions options, YamlEventLog? events, Finding? problem)
    {
        Path = path;
        Text = text;
        HasByteOrderMark = hasByteOrderMark;
        Options = options;
        Events = events;
        Problem = problem;
    }

    public string Path { get; }

    /// <summary>The decoded text without its byte order mark; empty when it could not be decoded.</summary>
    public string Text { get; }

    public bool HasByteOrderMark { get; }

    public LoadOptions Options { get; }

    public YamlEventLog? Events { get; }

    public Finding? Problem { get; }

    public static ParsedYaml Parsed(string path, string text, bool hasByteOrderMark, LoadOptions options) =>
        new(path, text, hasByteOrderMark, options, YamlEventLog.Read(text, options.MaxDepth, options.Parser), null);

    public static ParsedYaml Failed(string path, string text, bool hasByteOrderMark, LoadOptions options, Finding problem) =>
        new(path, text, hasByteOrderMark, options, null, problem);
}
