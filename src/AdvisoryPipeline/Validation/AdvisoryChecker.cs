using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Lint;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Loading.Yaml;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// Checks one advisory file through every stage: load (YAML, typing traps), the authoring-only block, the OSV
/// schema, then lint on the typed record. Findings come back in source order.
/// </summary>
public static class AdvisoryChecker
{
    /// <summary>Checks a file whose YAML <see cref="AdvisoryYamlLoader.Parse"/> has already parsed.</summary>
    internal static CheckedAdvisory Check(AdvisoryFile file, ParsedYaml yaml, DatabaseContext database, TimeProvider clock) =>
        Check(file, AdvisoryYamlLoader.Convert(yaml), database, clock);

    /// <summary>
    /// The findings of one loaded document, as <c>validate</c> reports them for the file (not those that need the
    /// whole database): what <c>advisory fix</c> compares before and after a change.
    /// </summary>
    public static IReadOnlyList<Finding> FindingsOf(LoadedDocument document, DatabaseContext database, TimeProvider clock) =>
        Check(new AdvisoryFile(document.Path, document.Path), document, database, clock).Findings;

    internal static CheckedAdvisory Check(AdvisoryFile file, LoadedDocument document, DatabaseContext database, TimeProvider clock)
    {
        var findings = new List<Finding>(document.Findings);
        LoadedAdvisory? advisory = null;
        Lint.LintSummary? lintSummary = null;
        if (document.Record is { } json)
        {
            var schemaFindings = SchemaFindings.Check(database.Schema, json, document.Map);
            findings.AddRange(schemaFindings);
            advisory = LoadedAdvisory.From(document, out var readFindings);
            findings.AddRange(readFindings);
            if (advisory is not null)
            {
                // A missing id is the schema's to report; the policy judges the ids there are.
                if (advisory.Record.Id is { Length: > 0 } id && IdFindings.Unusable(id, document.Map.Locate("/id")) is { } unusable) findings.Add(unusable);
                var lint = database.Lint.CheckRecord(document, advisory.Record);
                findings.AddRange(lint.Findings);
                lintSummary = lint.Summary;
                WithoutRestatedSchemaErrors(findings, schemaFindings, lint.Findings);
            }
        }
        else
        {
            AuthoringBlockReader.Read(document, out var authoringFindings);
            findings.AddRange(authoringFindings);
        }

        var embargo = advisory?.Authoring.EmbargoUntil;
        var summary = new AdvisorySummary(advisory?.Id, ExpiryOf(advisory?.Record, embargo, clock), lintSummary, embargo);
        return new CheckedAdvisory(file.DisplayPath, file.FullPath, database, FindingOrder.Sort(findings), summary, advisory);
    }

    /// <summary>
    /// One finding per mistake: where a lint rule reports an error at a value, it says what is wrong in the value's own
    /// terms ("not a full commit hash"), so the schema's error at the same value ("does not match ^(0|[a-f0-9]{40}...)")
    /// only repeats it less clearly and is dropped.
    /// </summary>
    private static void WithoutRestatedSchemaErrors(List<Finding> findings, IReadOnlyList<Finding> schemaFindings, IReadOnlyList<Finding> lintFindings)
    {
        if (schemaFindings.Count == 0) return;
        var explained = lintFindings.Where(f => f.IsError && f.Pointer is not null).Select(f => f.Pointer!).ToHashSet(StringComparer.Ordinal);
        if (explained.Count == 0) return;
        var restated = schemaFindings.Where(f => f.Pointer is not null && explained.Contains(f.Pointer)).ToHashSet();
        if (restated.Count > 0) findings.RemoveAll(restated.Contains);
    }

    /// <summary>
    /// Checks compare the record's timestamps with "now + 1 day", and the embargo with now: once all of those
    /// moments have passed, the same file always gets the same findings.
    /// </summary>
    private static DateTimeOffset? ExpiryOf(OsvRecord? record, DateTimeOffset? embargo, TimeProvider clock)
    {
        if (record is null) return null;
        var now = clock.GetUtcNow();
        DateTimeOffset? earliest = null;
        void Consider(DateTimeOffset moment)
        {
            if (moment > now && (earliest is null || moment < earliest)) earliest = moment;
        }
        foreach (var text in new[] { record.Modified, record.Published, record.Withdrawn })
        {
            if (!OsvTimestamp.TryParse(text, out var value) || value <= now) continue;
            Consider(value.AddDays(-1));
            Consider(value);
        }
        if (embargo is { } until && until != DateTimeOffset.MaxValue) Consider(until);
        return earliest;
    }
}
