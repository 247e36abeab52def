using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Lint;

/// <summary>What the per-record checks share: the record, its source, the run's settings, and the findings so far.</summary>
internal sealed class RecordContext
{
    private readonly FindingList _findings;

    public RecordContext(LoadedDocument document, OsvRecord record, DatabaseConfig config, RuleLevels levels, LintOptions options,
        RunCaches caches)
    {
        Caches = caches;
        Document = document;
        Record = record;
        Config = config;
        Options = options;
        var now = options.Clock.GetUtcNow();
        // Whole seconds: "now" appears in messages, which read best with timestamps written as OSV writes them.
        Now = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        _findings = new FindingList(levels);
        Published = OsvTimestamp.TryParseSet(record.Published, out var published) ? published : null;
        Modified = OsvTimestamp.TryParseSet(record.Modified, out var modified) ? modified : null;
        Withdrawn = OsvTimestamp.TryParseSet(record.Withdrawn, out var withdrawn) ? withdrawn : null;
    }

    public LoadedDocument Document { get; }

    public OsvRecord Record { get; }

    public DatabaseConfig Config { get; }

    public LintOptions Options { get; }

    public DateTimeOffset Now { get; }

    /// <summary>The record's timestamps, parsed once for every rule; null when absent or not RFC 3339 (the schema reports that).</summary>
    public DateTimeOffset? Published { get; }

    public DateTimeOffset? Modified { get; }

    public DateTimeOffset? Withdrawn { get; }

    /// <summary>Results of earlier records of the run: parsed versions, CVSS and purl verdicts.</summary>
    public RunCaches Caches { get; }

    public ParsedVersionCache Versions => Caches.Versions;

    public bool IsOn(LintRule rule) => _findings.IsOn(rule);

    /// <summary>Reports at the value at <paramref name="pointer"/> (or its nearest existing ancestor).</summary>
    public void Report(LintRule rule, string pointer, string message, string? hint = null)
    {
        if (IsOn(rule)) _findings.Add(rule, Document.Map.Locate(pointer), message, hint, pointer);
    }

    /// <summary>Reports at the key of the mapping entry at <paramref name="pointer"/>.</summary>
    public void ReportAtKey(LintRule rule, string pointer, string message, string? hint = null)
    {
        if (IsOn(rule)) _findings.Add(rule, Document.Map.LocateKey(pointer), message, hint, pointer);
    }

    /// <summary>Reports at <c>value[index..index+length]</c> inside the value at <paramref name="pointer"/>.</summary>
    public void ReportInValue(LintRule rule, string pointer, string value, int index, int length, string message, string? hint = null)
    {
        if (IsOn(rule))
            _findings.Add(rule, SourcePositions.InValue(Document, pointer, value, index, length), message, hint, pointer);
    }

    /// <summary>Reports at an offset of the source text that no pointer names (a character in a comment).</summary>
    public void ReportAtOffset(LintRule rule, int offset, string message, string? hint = null)
    {
        if (IsOn(rule)) _findings.Add(rule, SourcePositions.AtOffset(Document, offset), message, hint, null);
    }

    public SourceLocation Locate(string pointer) => Document.Map.Locate(pointer);

    public IReadOnlyList<Finding> SortedFindings() => _findings.Sorted();

    public LintSummary Summarize()
    {
        var map = Document.Map;
        var written = Record.Aliases ?? [];
        var aliases = new List<LocatedValue>(written.Count);
        for (var i = 0; i < written.Count; i++)
            if (written[i] is { } alias)
                aliases.Add(new LocatedValue(alias, map.Locate(Pointers.Item("/aliases", i))));
        return new LintSummary(
            Document.Path,
            new LocatedValue(Record.Id ?? "", map.Locate("/id")),
            Record.Published is { } published ? new LocatedValue(published, map.Locate("/published")) : null,
            Record.Modified is { } modified ? new LocatedValue(modified, map.Locate("/modified")) : null,
            Record.IsWithdrawn,
            aliases,
            PackageKeys.Of(Record));
    }
}
