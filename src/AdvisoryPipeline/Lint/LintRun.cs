using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Lint.History;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// The lint rules of one database, ready to run. Immutable and safe to share between threads: the validate
/// command may check records in parallel and cache each <see cref="RecordLint"/> by file content.
/// </summary>
public sealed class LintRun
{
    private readonly RuleLevels _levels;
    private readonly RunCaches _caches = new();

    internal LintRun(DatabaseConfig config, LintOptions options, RuleLevels levels)
    {
        Config = config;
        Options = options;
        _levels = levels;
    }

    public DatabaseConfig Config { get; }

    public LintOptions Options { get; }

    /// <summary>
    /// Runs every per-record rule on <paramref name="record"/>, which was deserialized from
    /// <paramref name="document"/>; findings are located through the document's source map.
    /// </summary>
    public RecordLint CheckRecord(LoadedDocument document, OsvRecord record)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(record);
        var context = new RecordContext(document, record, Config, _levels, Options, _caches);
        IdChecks.Check(context);
        TimestampChecks.Check(context);
        IdentifierListChecks.Check(context);
        AffectedChecks.Check(context);
        RangeChecks.Check(context);
        SeverityChecks.Check(context);
        ReferenceChecks.Check(context);
        TextChecks.Check(context);
        DetailsChecks.Check(context);
        return new RecordLint(context.SortedFindings(), context.Summarize());
    }

    /// <summary>
    /// Runs the database rules (unique ids, aliases claimed twice, unregistered prefixes) over the summaries of
    /// every advisory of the database. Findings are sorted by file, line and column.
    /// </summary>
    public IReadOnlyList<Finding> CheckDatabase(IReadOnlyList<LintSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var findings = new FindingList(_levels);
        DatabaseChecks.Check(summaries, Config, findings);
        return findings.Sorted();
    }

    /// <summary>
    /// Runs the history rules: <paramref name="current"/> (the summaries of every advisory of the database now)
    /// against the same database at a git reference, as <see cref="History.GitBaseReader.TryRead"/> read it.
    /// </summary>
    public IReadOnlyList<Finding> CheckHistory(IReadOnlyList<LintSummary> current, History.GitBaseSnapshot atBase)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(atBase);
        var findings = new FindingList(_levels);
        History.HistoryCheck.Compare(current, atBase, Config.IdPrefix, findings);
        return findings.Sorted();
    }
}
