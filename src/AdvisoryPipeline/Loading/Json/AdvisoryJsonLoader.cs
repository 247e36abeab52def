using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading.Yaml;

namespace AdvisoryPipeline.Loading.Json;

/// <summary>Loads an OSV record written as JSON, with the limits and findings of <see cref="AdvisoryYamlLoader"/>.</summary>
public static class AdvisoryJsonLoader
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

        var content = utf8Content;
        while (content.StartsWith("\uFEFF"u8)) content = content[3..];
        return JsonRecordConverter.Convert(path, text, hasByteOrderMark, content, options);
    }

    private static LoadedDocument Failed(string path, string text, bool hasByteOrderMark, Finding problem) =>
        new(path, text, hasByteOrderMark, null, null, SourceMap.Empty(path), [problem]);
}
