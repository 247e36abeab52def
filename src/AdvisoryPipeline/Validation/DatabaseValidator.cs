using System.Security.Cryptography;
using AdvisoryPipeline.Authoring;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Lint;
using AdvisoryPipeline.Lint.History;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// Validates a set of advisory files: every file through load, schema and lint, in parallel across cores,
/// reusing cached findings for unchanged files; then the checks that span a database (unique IDs, aliases
/// claimed twice, the configuration's lint section) and, with a base reference, the history checks. Results
/// keep the order of the input, so the output is stable whatever the scheduling.
/// </summary>
public static class DatabaseValidator
{
    /// <exception cref="ConfigurationException">A configuration, the schema or the base reference cannot be used.</exception>
    public static ValidationReport Validate(IReadOnlyList<AdvisoryFile> files, ValidationOptions options)
    {
        var resolver = new DatabaseContextResolver(options);
        var contexts = new DatabaseContext[files.Count];
        for (var i = 0; i < files.Count; i++)
            contexts[i] = resolver.For(files[i].FullPath);

        // Commands that go on to render or publish need every record, so they do not use the cache.
        var cache = options.CacheFile is { } cacheFile && !options.KeepRecords
            ? ValidationCache.Open(cacheFile, CacheKey(contexts.Distinct(), options))
            : null;
        var now = options.Clock.GetUtcNow();
        var results = new CheckedAdvisory[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => results[i] = CheckOne(files[i], contexts[i], cache, options, now));
        cache?.Save();

        var databaseFindings = new List<Finding>();
        foreach (var group in results.GroupBy(r => r.Database))
        {
            var summaries = group.Select(r => r.Summary.Lint).OfType<LintSummary>().ToArray();
            databaseFindings.AddRange(group.Key.Lint.CheckDatabase(summaries));
            if (group.Key.ConfigPath is { } configPath)
                databaseFindings.AddRange(LintConfigCheck.Check(group.Key.Config, configPath));
        }
        if (options.BaseRef is { } baseRef)
            databaseFindings.AddRange(HistoryFindings(results, baseRef, options.HistoryFolders));
        return new ValidationReport(results, databaseFindings);
    }

    /// <summary>The cache key: tool build, placeholder policy, and every schema and configuration the files use.</summary>
    public static string CacheKey(IEnumerable<DatabaseContext> contexts, ValidationOptions options) =>
        ValidationCache.ToolIdentity + "|" + options.Placeholders + "|" + string.Join("|", contexts
            .Select(c => c.Schema.Fingerprint + ":" + c.ConfigFingerprint)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal));

    private static CheckedAdvisory CheckOne(
        AdvisoryFile advisory, DatabaseContext database, ValidationCache? cache, ValidationOptions options, DateTimeOffset now)
    {
        var path = advisory.DisplayPath;
        using var file = BoundedFileReader.Read(advisory.FullPath, LoadOptions.Default.MaxBytes);
        if (file.Problem is { } problem)
            return new CheckedAdvisory(path, advisory.FullPath, database, [problem with { Location = SourceLocation.WholeFile(path) }],
                AdvisorySummary.Unreadable);

        byte[]? hash = null;
        if (cache is not null)
        {
            hash = SHA256.HashData(file.Content);
            if (cache.TryGet(path, hash, now, out var entry))
                return new CheckedAdvisory(path, advisory.FullPath, database, entry.Findings, entry.Summary);
        }

        var result = AdvisoryChecker.Check(advisory, file.Content, database, options.Clock);
        cache?.Put(path, hash!, result.Findings, result.Summary);
        return options.KeepRecords ? result : result with { Advisory = null };
    }

    /// <summary>Per advisory folder: the history rules against the folder as it is at the base reference.</summary>
    private static IEnumerable<Finding> HistoryFindings(IReadOnlyList<CheckedAdvisory> results, string baseRef, IReadOnlyList<string> folders)
    {
        foreach (var folder in folders)
        {
            if (!GitBaseReader.TryReadFolder(folder, baseRef, out var snapshot, out var error))
                throw new ConfigurationException($"--base {baseRef}: {error}", []);

            var prefix = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
            var inFolder = results.Where(r => r.FullPath.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
            if (inFolder.Length == 0) continue;
            var summaries = inFolder.Select(r => r.Summary.Lint).OfType<LintSummary>().ToArray();
            foreach (var finding in inFolder[0].Database.Lint.CheckHistory(summaries, snapshot))
                yield return finding;
        }
    }
}
