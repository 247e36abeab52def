using System.Security.Cryptography;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.FileSystem;
using AdvisoryPipeline.Lint;
using AdvisoryPipeline.Lint.History;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Loading.Json;
using AdvisoryPipeline.Loading.Yaml;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// Validates a set of advisory files: every file through load, schema and lint, in parallel across cores,
/// reusing cached findings for unchanged files; then the checks that span a database (unique IDs, aliases
/// claimed twice, the configuration's lint section) and, with a base reference, the history checks. Results
/// keep the order of the input, so the output is stable whatever the scheduling.
/// </summary>
public static class DatabaseValidator
{
    /// <param name="onChecked">
    /// When given, receives each file's result, findings included, as soon as it and every file before it are checked,
    /// in the order of <paramref name="files"/> and on one thread at a time; the report then keeps only what later
    /// checks need (summaries, counts), so that memory does not grow with the findings of a large database.
    /// </param>
    /// <exception cref="ConfigurationException">A configuration, the schema or the base reference cannot be used.</exception>
    public static ValidationReport Validate(IReadOnlyList<AdvisoryFile> files, ValidationOptions options, Action<CheckedAdvisory>? onChecked = null)
    {
        var resolver = new DatabaseContextResolver(options);
        var contexts = new DatabaseContext[files.Count];
        for (var i = 0; i < files.Count; i++)
            contexts[i] = resolver.For(files[i].FullPath);
        // Read before any result is handed out: a bad reference is a usage error, not a failure after the findings.
        var snapshots = options.BaseRef is { } baseRef ? ReadBase(baseRef, options.HistoryFolders) : [];

        // Commands that go on to render or publish need every record, so they do not use the cache.
        var cacheFile = options.KeepRecords ? null : options.CacheFile;
        var now = options.Clock.GetUtcNow();
        // Stamps are compared with the file system's clock, never the run's (which tests and --now set).
        var settled = Settled(DateTimeOffset.UtcNow, options);
        var results = new InOrderResults(files.Count, onChecked);
        // Content hashes of the files already read for the cache lookup, so that a changed file is not hashed twice.
        var hashes = new byte[]?[files.Count];
        ValidationCache? cache = null;
        int[] pending;
        var contentReads = 0;
        if (cacheFile is null)
        {
            pending = [.. Enumerable.Range(0, files.Count)];
        }
        else
        {
            var key = CacheKey(contexts.Distinct(), options);
            cache = ValidationCache.Open(cacheFile, key, options.CacheReadAhead?.Result);
            pending = cache.IsEmpty
                ? [.. Enumerable.Range(0, files.Count)]
                : Uncached(files, contexts, cache, now, settled, results, hashes, out contentReads);
        }
        // Reading and parsing stay on this thread: see ParseAheadPipeline for why.
        ParseAheadPipeline<ParsedFile>.Run(pending.Length, Environment.ProcessorCount - 1,
            k => Parse(files[pending[k]], keepContent: cache is not null && hashes[pending[k]] is null),
            (k, parsed) => results.Set(pending[k], Finish(files[pending[k]], parsed, hashes[pending[k]], contexts[pending[k]], cache,
                settled, options)));
        cache?.Save();
        contentReads += pending.Length;

        var all = results.All;
        // A database whose folder holds no advisory yet is still a database: its configuration is checked too.
        var databases = contexts.Concat(options.DatabaseFolders
                .Select(folder => resolver.For(Path.Combine(folder, DatabaseFiles.ConfigFile)))
                .Where(context => context.ConfigPath is not null))
            .Distinct()
            .ToArray();
        var databaseFindings = new List<Finding>();
        foreach (var database in databases)
        {
            var summaries = all.Where(r => r.Database == database).Select(r => r.Summary.Lint).OfType<LintSummary>().ToArray();
            databaseFindings.AddRange(database.Lint.CheckDatabase(summaries));
            if (database.ConfigPath is { } configPath)
                databaseFindings.AddRange(LintConfigCheck.Check(database.Config, configPath));
            databaseFindings.AddRange(database.PolicyKey.Findings);
        }
        databaseFindings.AddRange(IdFindings.CaseCollisions(all
            .Where(r => r.Summary.Id is { Length: > 0 })
            .Select(r => (r.Summary.Id!, r.Summary.Lint?.Id.Where ?? SourceLocation.WholeFile(r.Path)))));
        foreach (var (folder, snapshot) in snapshots)
            databaseFindings.AddRange(HistoryFindings(all, folder, snapshot));
        return new ValidationReport(all, databaseFindings) { Streamed = results.Streamed, Databases = databases, ContentReads = contentReads };
    }

    /// <summary>The cache key: tool build, placeholder policy, and every schema and configuration the files use.</summary>
    public static string CacheKey(IEnumerable<DatabaseContext> contexts, ValidationOptions options) =>
        ValidationCache.ToolIdentity + "|" + options.Placeholders + "|" + string.Join("|", contexts
            .Select(c => c.Schema.Fingerprint + ":" + c.ConfigFingerprint)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal));

    /// <summary>The stamp of a file that can stand for its content in a later run, or null.</summary>
    private static Func<AdvisoryFile, FileStamp?> Settled(DateTimeOffset started, ValidationOptions options) =>
        file => file.Stamp is { } stamp && stamp.IsSettledBefore(started, options.StampSettling) ? stamp : null;

    /// <summary>
    /// Fills in the results of files whose findings are cached: those whose settled stamp is unchanged without reading
    /// them, the others by reading and hashing them on every core; returns the indexes of the rest, whose hashes stay in
    /// <paramref name="hashes"/>. Files that cannot be read are reported here too: there is nothing to parse.
    /// </summary>
    private static int[] Uncached(IReadOnlyList<AdvisoryFile> files, DatabaseContext[] contexts, ValidationCache cache,
        DateTimeOffset now, Func<AdvisoryFile, FileStamp?> settled, InOrderResults results, byte[]?[] hashes, out int contentReads)
    {
        var missed = new bool[files.Count];
        var reads = 0;
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var advisory = files[i];
            CacheEntry? entry;
            if (advisory.Stamp is not { } stamp || !cache.TryGet(advisory.DisplayPath, stamp, now, out entry))
            {
                using var file = BoundedFileReader.Read(advisory.FullPath, LoadOptions.Default.MaxBytes);
                Interlocked.Increment(ref reads);
                if (file.Problem is { } problem)
                {
                    results.Set(i, Unreadable(advisory, contexts[i], problem));
                    return;
                }
                var hash = SHA256.HashData(file.Content);
                if (!cache.TryGet(advisory.DisplayPath, hash, settled(advisory), now, out entry))
                {
                    hashes[i] = hash;
                    missed[i] = true;
                    return;
                }
            }
            results.Set(i, new CheckedAdvisory(advisory.DisplayPath, advisory.FullPath, contexts[i], entry.Findings, entry.Summary));
        });
        contentReads = reads;
        return [.. Enumerable.Range(0, files.Count).Where(i => missed[i])];
    }

    /// <summary>
    /// The part of checking a file that runs on the parse lane: reading it and running the YAML parser (or reading the JSON). The bytes
    /// are kept when the cache still needs their hash.
    /// </summary>
    private static ParsedFile Parse(AdvisoryFile advisory, bool keepContent)
    {
        var file = BoundedFileReader.Read(advisory.FullPath, LoadOptions.Default.MaxBytes);
        if (file.Problem is not null) return new ParsedFile(file, null, null);
        // JSON is read in one pass on this lane; YAML's conversion is left to the other threads.
        var json = AdvisoryFileFormats.Of(advisory.DisplayPath) == AdvisoryFileFormat.Json ? AdvisoryJsonLoader.Load(advisory.DisplayPath, file.Content) : null;
        var yaml = json is null ? AdvisoryYamlLoader.Parse(advisory.DisplayPath, file.Content) : null;
        if (keepContent) return new ParsedFile(file, yaml, json);
        file.Dispose();
        return new ParsedFile(null, yaml, json);
    }

    /// <summary>The rest of checking a file, on any thread: conversion, schema, lint, and the cache entry.</summary>
    private static CheckedAdvisory Finish(AdvisoryFile advisory, ParsedFile parsed, byte[]? knownHash, DatabaseContext database,
        ValidationCache? cache, Func<AdvisoryFile, FileStamp?> settled, ValidationOptions options)
    {
        var hash = knownHash;
        using (var file = parsed.Content)
        {
            if (file?.Problem is { } problem) return Unreadable(advisory, database, problem);
            if (cache is not null) hash ??= SHA256.HashData(file!.Content);
        }

        var result = parsed.Json is { } json
            ? AdvisoryChecker.Check(advisory, json, database, options.Clock)
            : AdvisoryChecker.Check(advisory, parsed.Yaml!, database, options.Clock);
        cache?.Put(advisory.DisplayPath, hash!, settled(advisory), result.Findings, result.Summary);
        return options.KeepRecords ? result : result with { Advisory = null };
    }

    private static CheckedAdvisory Unreadable(AdvisoryFile advisory, DatabaseContext database, Finding problem) =>
        new(advisory.DisplayPath, advisory.FullPath, database, [problem with { Location = SourceLocation.WholeFile(advisory.DisplayPath) }],
            AdvisorySummary.Unreadable);

    /// <summary>A file read and parsed: its bytes while the cache still needs them, or the reason it could not be read.</summary>
    private sealed record ParsedFile(BoundedFileReader? Content, ParsedYaml? Yaml, LoadedDocument? Json);

    /// <summary>The advisory folders as they are at the base reference.</summary>
    private static List<(string Folder, GitBaseSnapshot Snapshot)> ReadBase(string baseRef, IReadOnlyList<string> folders)
    {
        var snapshots = new List<(string, GitBaseSnapshot)>();
        foreach (var folder in folders)
        {
            if (!GitBaseReader.TryReadFolder(folder, baseRef, out var snapshot, out var error))
                throw new ConfigurationException($"--base {baseRef}: {error}", []);
            snapshots.Add((folder, snapshot));
        }
        return snapshots;
    }

    /// <summary>The history rules of one advisory folder against the folder as it is at the base reference.</summary>
    private static IEnumerable<Finding> HistoryFindings(IReadOnlyList<CheckedAdvisory> results, string folder, GitBaseSnapshot snapshot)
    {
        var prefix = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        var inFolder = results.Where(r => r.FullPath.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        if (inFolder.Length == 0) return [];
        var summaries = inFolder.Select(r => r.Summary.Lint).OfType<LintSummary>().ToArray();
        return inFolder[0].Database.Lint.CheckHistory(summaries, snapshot);
    }

    /// <summary>
    /// The results of a run by input position, filled in any order. With a receiver, each result goes to it as soon as
    /// every earlier one has gone, and only its findings-free remainder is kept.
    /// </summary>
    private sealed class InOrderResults(int count, Action<CheckedAdvisory>? receiver)
    {
        private readonly CheckedAdvisory?[] _results = new CheckedAdvisory?[count];
        private readonly Lock _gate = new();
        private int _next;
        private int _errors;
        private int _warnings;

        public void Set(int index, CheckedAdvisory result)
        {
            if (receiver is null)
            {
                _results[index] = result;
                return;
            }
            lock (_gate)
            {
                _results[index] = result;
                for (; _next < _results.Length && _results[_next] is { } ready; _next++)
                {
                    receiver(ready);
                    foreach (var finding in ready.Findings)
                    {
                        if (finding.Level == FindingLevel.Error) _errors++;
                        else if (finding.Level == FindingLevel.Warning) _warnings++;
                    }
                    _results[_next] = ready.Findings.Count == 0 ? ready : ready with { Findings = [] };
                }
            }
        }

        public CheckedAdvisory[] All => Array.ConvertAll(_results, r => r ?? throw new InvalidOperationException("a file was not checked"));

        public FindingCounts Streamed => new(_errors, _warnings);
    }
}
