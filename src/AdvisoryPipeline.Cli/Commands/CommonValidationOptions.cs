using System.CommandLine;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Lint;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>A validation run as a command sees it: the report, and lines to show before the findings.</summary>
public sealed record ValidationRun(ValidationReport Report, IReadOnlyList<string> Notes);

/// <summary>
/// The options every command that validates first shares (<c>--config</c>, <c>--schema</c>, caching), and the
/// run itself: discovery of the files, configuration errors as exit code 2, the validation.
/// </summary>
public sealed class CommonValidationOptions
{
    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Database configuration to use for every file (default: database.yaml in the nearest enclosing folder, else built-in defaults)",
    };

    public Option<string?> Schema { get; } = new("--schema")
    {
        Description = "OSV JSON Schema file to validate against instead of the embedded one",
    };

    public Option<bool> NoCache { get; } = new("--no-cache")
    {
        Description = "Validate every file again instead of reusing findings of unchanged files",
    };

    public Option<string?> CacheDir { get; } = new("--cache-dir")
    {
        Description = "Where the validation cache lives (default: $XDG_CACHE_HOME/advisory-pipeline or ~/.cache/advisory-pipeline)",
    };

    public Option<bool> NoPlaceholders { get; } = new("--no-placeholders")
    {
        Description = "Refuse placeholder IDs (PREFIX-0000-...) as errors, as on the main branch after assign-ids",
    };

    public Option<string?> Base { get; } = new("--base")
    {
        Description = "Compare with the advisories at this git reference (e.g. origin/main): refuse deleted advisories, a changed published, a decreased modified",
    };

    public void AddTo(Command command)
    {
        command.Add(NoPlaceholders);
        command.Add(Base);
        command.Add(Config);
        command.Add(Schema);
        command.Add(NoCache);
        command.Add(CacheDir);
    }

    /// <param name="onChecked">Receives each file's result in order as soon as it is known (see <see cref="DatabaseValidator.Validate"/>).</param>
    /// <exception cref="UsageException">No files found, a path does not exist, or the configuration is unusable.</exception>
    public ValidationRun Run(ParseResult parse, CliEnvironment env, IReadOnlyList<string> paths, bool keepRecords = false,
        Action<CheckedAdvisory>? onChecked = null)
    {
        var inputs = paths.Count > 0 ? paths : [DatabaseFiles.AdvisoryFolder];
        var cacheDirectory = parse.GetValue(CacheDir) is { } dir
            ? Path.GetFullPath(dir, env.WorkingDirectory)
            : ValidationCache.DefaultDirectory(env.GetVariable);
        var cacheFile = parse.GetValue(NoCache) || keepRecords || cacheDirectory is null
            ? null
            : ValidationCache.FileFor(cacheDirectory, env.WorkingDirectory, inputs);
        var cacheReadAhead = cacheFile is null ? null : ValidationCache.ReadAhead(cacheFile);
        var discovered = AdvisoryFileDiscovery.Discover(inputs, env.WorkingDirectory);
        if (discovered.Problems.Count > 0)
            throw new UsageException(string.Join("; ", discovered.Problems));
        if (discovered.Files.Count == 0 && discovered.Refused.Count > 0)
            throw new FindingsException("no advisory file could be read", discovered.Refused);
        var folders = inputs.Select(p => Path.GetFullPath(p, env.WorkingDirectory)).Where(Directory.Exists).ToArray();
        // A database with no advisory yet (just made by advisory init) is valid; a folder that is no database and holds
        // no advisory is more likely a wrong path.
        if (discovered.Files.Count == 0 && parse.GetValue(Config) is null && !folders.Any(folder => DatabaseConfigLocator.FindFor(folder) is not null))
            throw new UsageException($"no advisory files ({AdvisoryFileFormats.InWords}) and no {DatabaseFiles.ConfigFile} found in {string.Join(", ", inputs)}: advisory init starts a database, advisory new writes an advisory");

        var options = new ValidationOptions
        {
            ConfigPath = parse.GetValue(Config) is { } config ? Path.GetFullPath(config, env.WorkingDirectory) : null,
            SchemaPath = parse.GetValue(Schema) is { } schema ? Path.GetFullPath(schema, env.WorkingDirectory) : null,
            CacheFile = cacheFile,
            CacheReadAhead = cacheReadAhead,
            Clock = env.Clock,
            KeepRecords = keepRecords,
            Placeholders = parse.GetValue(NoPlaceholders) ? PlaceholderIds.Refused : PlaceholderIds.ToBeAssigned,
            BaseRef = parse.GetValue(Base),
            HistoryFolders = folders,
            DatabaseFolders = folders,
        };

        var report = DatabaseValidator.Validate(discovered.Files, options, onChecked);
        if (discovered.Refused.Count > 0) report = report with { DatabaseFindings = [.. discovered.Refused, .. report.DatabaseFindings] };
        return new ValidationRun(report, [.. report.HeldAt(env.Clock.GetUtcNow()).Select(held => held.ToString())]);
    }

    /// <summary>
    /// Validates and hands over the publishable database (<see cref="PublishableDatabase.From"/>): one database at a
    /// time, the output of two configurations cannot be merged; advisories with errors stop the command (exit 1).
    /// </summary>
    /// <param name="preview">Placeholder IDs are shown too (pull-request previews); embargoed advisories never are.</param>
    /// <param name="excludeInvalid">Advisories with errors are left out (<see cref="ExcludeInvalidOption"/>) instead of stopping the command.</param>
    public PublishableDatabase LoadDatabase(ParseResult parse, CliEnvironment env, IReadOnlyList<string> paths, TimeProvider clock, bool preview,
        bool excludeInvalid = false)
    {
        var run = Run(parse, env with { Clock = clock }, paths, keepRecords: true);
        return PublishableDatabase.From(run.Report, clock.GetUtcNow(), preview, excludeInvalid);
    }
}
