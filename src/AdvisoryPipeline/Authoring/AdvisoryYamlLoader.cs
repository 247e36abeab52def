using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Authoring;

/// <summary>
/// Loads an advisory (or any YAML file the pipeline reads) into a JSON tree with a source map. YAML is read
/// by the 1.2 core schema; everything a JSON record cannot hold, and every place where YAML would silently
/// change what the author wrote, becomes a located finding instead of an exception or a coercion.
/// </summary>
public static class AdvisoryYamlLoader
{
    public static LoadedDocument Load(string path, ReadOnlySpan<byte> utf8Content, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        if (utf8Content.Length > options.MaxBytes)
            return Failed(path, "", false, new Finding(LoadFindingCodes.TooLarge, FindingLevel.Error,
                $"the file is {utf8Content.Length} bytes, more than the limit of {options.MaxBytes} bytes",
                SourceLocation.WholeFile(path), "split the advisory, or move large text to a referenced page"));

        if (!YamlTextDecoder.TryDecode(path, utf8Content, out var text, out var hasByteOrderMark, out var problem))
            return Failed(path, text, hasByteOrderMark, problem!);

        return YamlJsonConverter.Convert(path, text, hasByteOrderMark, options);
    }

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
