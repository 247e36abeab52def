using AdvisoryPipeline.Lint;

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

    /// <summary>The <see cref="CacheFile"/>, read ahead while the files were being found (<see cref="ValidationCache.ReadAhead"/>).</summary>
    public Task<ValidationCache.StoredEntries>? CacheReadAhead { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Whether placeholder IDs are "to be assigned" (pull requests) or refused (the main branch).</summary>
    public PlaceholderIds Placeholders { get; init; } = PlaceholderIds.ToBeAssigned;

    /// <summary>Keep each file's loaded advisory (for commands that go on to render or publish).</summary>
    public bool KeepRecords { get; init; }

    /// <summary>
    /// <c>--base REF</c>: compare the advisories of <see cref="HistoryFolders"/> with the same folders at this git
    /// reference and refuse deletions, a changed <c>published</c> and a decreased <c>modified</c>.
    /// </summary>
    public string? BaseRef { get; init; }

    /// <summary>The full paths of the advisory folders that <see cref="BaseRef"/> compares.</summary>
    public IReadOnlyList<string> HistoryFolders { get; init; } = [];

    /// <summary>
    /// The full paths of the folders given: the database of each (its <c>database.yaml</c>) is validated even when it
    /// holds no advisory yet, so that a new database works before its first advisory.
    /// </summary>
    public IReadOnlyList<string> DatabaseFolders { get; init; } = [];

    /// <summary>
    /// How long before the run a file must have last changed for its stamp to stand for its content in the cache
    /// (<see cref="FileSystem.FileStamp.IsSettledBefore"/>): longer than any file system's clock tick (FAT's is 2 s).
    /// </summary>
    public TimeSpan StampSettling { get; init; } = TimeSpan.FromSeconds(3);
}
