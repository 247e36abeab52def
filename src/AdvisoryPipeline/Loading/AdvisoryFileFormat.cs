namespace AdvisoryPipeline.Loading;

/// <summary>How an advisory file is written, which its extension says.</summary>
public enum AdvisoryFileFormat
{
    /// <summary><c>.yaml</c> or <c>.yml</c>: how advisories are authored here.</summary>
    Yaml,

    /// <summary><c>.json</c>: OSV records as other databases keep them (the PSF's, the Go vulnerability database's).</summary>
    Json,
}

public static class AdvisoryFileFormats
{
    /// <summary>The format of a file by its name; null when the name is not that of an advisory file.</summary>
    public static AdvisoryFileFormat? Of(string fileName) =>
        fileName.EndsWith(".yaml", StringComparison.Ordinal) || fileName.EndsWith(".yml", StringComparison.Ordinal) ? AdvisoryFileFormat.Yaml
        : fileName.EndsWith(".json", StringComparison.Ordinal) ? AdvisoryFileFormat.Json
        : null;

    /// <summary>The extensions, as messages list them.</summary>
    public const string InWords = "*.yaml, *.yml or *.json";
}
