using System.Security.Cryptography;
using AdvisoryPipeline.Authoring;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// Validates a set of advisory files: every file through load, schema and lint, in parallel across cores,
/// reusing cached findings for unchanged files; then the checks that span the database. Results keep the
/// order of the input, so the output is stable whatever the scheduling.
/// </summary>
public static class DatabaseValidator
{
    /// <exception cref="ConfigurationException">A configuration or the schema cannot be used.</exception>
    public static ValidationReport Validate(IReadOnlyList<AdvisoryFile> files, ValidationOptions options)
    {
        var resolver = new DatabaseContextResolver(options);
        var contexts = new DatabaseContext[files.Count];
        for (var i = 0; i < files.Count; i++)
            contexts[i] = resolver.For(files[i].FullPath);

        // Commands that go on to render or publish need every record, so they do not use the cache.
        var cache = options.CacheFile is { } cacheFile && !options.KeepRecords
            ? ValidationCache.Open(cacheFile, CacheKey(contexts.Distinct()))
            : null;
        var now = options.Clock.GetUtcNow();
        var results = new CheckedAdvisory[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => results[i] = CheckOne(files[i], contexts[i], cache, options, now));
        cache?.Save();

        return new ValidationReport(results, DatabaseChecks(results));
    }

    /// <summary>The cache key for a run: tool build, and every schema and configuration the files use.</summary>
    public static string CacheKey(IEnumerable<DatabaseContext> contexts) =>
        ValidationCache.ToolIdentity + "|" + string.Join("|", contexts
            .Select(c => c.Schema.Fingerprint + ":" + c.ConfigFingerprint)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal));

    private static CheckedAdvisory CheckOne(
        AdvisoryFile advisory, DatabaseContext database, ValidationCache? cache, ValidationOptions options, DateTimeOffset now)
    {
        var path = advisory.DisplayPath;
        using var file = BoundedFileReader.Read(advisory.FullPath, LoadOptions.Default.MaxBytes);
        if (file.Problem is { } problem)
            return new CheckedAdvisory(path, database, [problem with { Location = SourceLocation.WholeFile(path) }],
                new AdvisorySummary(null, null));

        byte[]? hash = null;
        if (cache is not null)
        {
            hash = SHA256.HashData(file.Content);
            if (cache.TryGet(path, hash, now, out var entry))
                return new CheckedAdvisory(path, database, entry.Findings, entry.Summary);
        }

        var result = AdvisoryChecker.Check(path, file.Content, database, options.Clock);
        cache?.Put(path, hash!, result.Findings, result.Summary);
        return options.KeepRecords ? result : result with { Document = null, Record = null };
    }

    private static IReadOnlyList<Finding> DatabaseChecks(IReadOnlyList<CheckedAdvisory> advisories) => [];
}
