using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading.Json;

namespace AdvisoryPipeline.Loading;

/// <summary>
/// Loads advisory files, YAML or JSON by their extension (<see cref="AdvisoryFileFormats"/>), into the one
/// <see cref="LoadedDocument"/> every later stage reads.
/// </summary>
public static class AdvisoryFileLoader
{
    /// <summary>Loads the file with the loader's limits; findings are located at its display path (<c>advisories/TSSA-2026-4.yaml</c>).</summary>
    public static LoadedDocument Load(AdvisoryFile file)
    {
        using var content = BoundedFileReader.Read(file.FullPath, LoadOptions.Default.MaxBytes);
        if (content.Problem is not { } problem) return Load(file.DisplayPath, content.Content);
        var located = problem with { Location = SourceLocation.WholeFile(file.DisplayPath) };
        return new LoadedDocument(file.DisplayPath, "", false, null, null, SourceMap.Empty(file.DisplayPath), [located]);
    }

    /// <summary>Loads the content of the advisory file at <paramref name="path"/>, as JSON when its name ends in <c>.json</c>.</summary>
    public static LoadedDocument Load(string path, ReadOnlySpan<byte> content) =>
        AdvisoryFileFormats.Of(path) == AdvisoryFileFormat.Json
            ? AdvisoryJsonLoader.Load(path, content)
            : AdvisoryYamlLoader.Load(path, content);
}
