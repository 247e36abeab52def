using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading.Yaml;

namespace AdvisoryPipeline.Loading;

/// <summary>
/// Loads an advisory (or any YAML file the pipeline reads) into a JSON tree with a source map. YAML is read
/// by the 1.2 core schema; everything a JSON record cannot hold, and every place where YAML would silently
/// change what the author wrote, becomes a located finding instead of an exception or a coercion.
/// </summary>
public static class AdvisoryYamlLoader
{
    public static LoadedDocument Load(string path, ReadOnlySpan<byte> utf8Content, LoadOptions? options = null) =>
        Convert(Parse(path, utf8Content, options));

    /// <summary>
    /// The first half of <see cref="Load(string, ReadOnlySpan{byte}, LoadOptions?)"/>: decodes the bytes and runs
    /// YamlDotNet's parser over them. <see cref="Convert"/> does the rest, possibly on another thread.
    /// </summary>
    internal static ParsedYaml Parse(string path, ReadOnlySpan<byte> utf8Content, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        if (utf8Content.Length > options.MaxBytes)
            return ParsedYaml.Failed(path, "", false, options, new Finding(LoadFindingCodes.TooLarge, FindingLevel.Error,
                $"the file is {utf8Content.Length} bytes, more than the limit of {options.MaxBytes} bytes",
                SourceLocation.WholeFile(path), "split the advisory, or move large text to a referenced page"));

        return YamlTextDecoder.TryDecode(path, utf8Content, out var text, out var hasByteOrderMark, out var problem)
            ? ParsedYaml.Parsed(path, text, hasByteOrderMark, options)
            : ParsedYaml.Failed(path, text, hasByteOrderMark, options, problem!);
    }

    /// <summary>The second half of <see cref="Load(string, ReadOnlySpan{byte}, LoadOptions?)"/>: the JSON tree, source map and findings.</summary>
    internal static LoadedDocument Convert(ParsedYaml parsed) =>
        parsed.Events is { } events
            ? YamlJsonConverter.Convert(parsed.Path, parsed.Text, parsed.HasByteOrderMark, events, parsed.Options)
            : Failed(parsed.Path, parsed.Text, parsed.HasByteOrderMark, parsed.Problem!);

    /// <summary>Reads at most <see cref="LoadOptions.MaxBytes"/> + 1 bytes, then loads them.</summary>
    public static LoadedDocument LoadFile(string path, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        using var file = BoundedFileReader.Read(path, options.MaxBytes);
        return file.Problem is { } problem ? Failed(path, "", false, problem) : Load(path, file.Content, options);
    }

    private static LoadedDocument Failed(string path, string text, bool hasByteOrderMark, Finding problem) =>
        new(path, text, hasByteOrderMark, null, null, SourceMap.Empty(path), [problem]);
}
