using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Loading;

/// <summary>Loads the advisory files that commands found by <see cref="AdvisoryFileDiscovery"/>.</summary>
public static class AdvisoryFileLoader
{
    /// <summary>Loads the file with the loader's limits; findings are located at its display path (<c>advisories/TSSA-2026-4.yaml</c>).</summary>
    public static LoadedDocument Load(AdvisoryFile file)
    {
        using var content = BoundedFileReader.Read(file.FullPath, LoadOptions.Default.MaxBytes);
        if (content.Problem is not { } problem) return AdvisoryYamlLoader.Load(file.DisplayPath, content.Content);
        var located = problem with { Location = SourceLocation.WholeFile(file.DisplayPath) };
        return new LoadedDocument(file.DisplayPath, "", false, null, null, SourceMap.Empty(file.DisplayPath), [located]);
    }
}
