namespace AdvisoryPipeline.Validation;

/// <summary>How <see cref="DatabaseValidator"/> runs.</summary>
public sealed record ValidationOptions
{
    /// <summary><c>--config FILE</c>: one configuration for every file instead of each file's nearest <c>database.yaml</c>.</summary>
    public string? ConfigPath { get; init; }

    /// <summary><c>--schema FILE</c>: another OSV schema instead of the embedded one.</summary>
    public string? SchemaPath { get; init; }

    /// <summary>The cache file (see <see cref="ValidationCache.FileFor"/>) whose findings of unchanged files are reused; null disables caching.</summary>
    public string? CacheFile { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Keep each file's loaded document and typed record (for commands that go on to render or publish).</summary>
    public bool KeepRecords { get; init; }
}
