using AdvisoryPipeline.Authoring;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Lifecycle;

/// <summary>Loads advisory files that commands name relative to their working folder.</summary>
public static class AdvisoryFile
{
    /// <summary>
    /// Loads the file at <paramref name="fullPath"/> with the loader's limits, with findings located at
    /// <paramref name="displayPath"/> (the path as the user and CI see it, e.g. <c>advisories/TSSA-2026-4.yaml</c>).
    /// </summary>
    public static LoadedDocument Load(string fullPath, string displayPath)
    {
        using var file = BoundedFileReader.Read(fullPath, LoadOptions.Default.MaxBytes);
        if (file.Problem is not { } problem) return AdvisoryYamlLoader.Load(displayPath, file.Content);
        var located = problem with { Location = SourceLocation.WholeFile(displayPath) };
        return new LoadedDocument(displayPath, "", false, null, null, SourceMap.Empty(displayPath), [located]);
    }
}
