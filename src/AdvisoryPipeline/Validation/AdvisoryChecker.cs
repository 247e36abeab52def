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
            var schema = SchemaFindings.Report(database.Schema, json, document.Map);
            var schemaFindings = schema.Findings;
            findings.AddRange(schemaFindings);
            advisory = LoadedAdvisory.From(document, out var readFindings);
            findings.AddRange(UnexplainedReadFindings(readFindings, schemaFindings));
            if (advisory is not null)
            {
                // A missing id is the schema's to report; the policy judges the ids there are.
                if (advisory.Record.Id is { Length: > 0 } id && IdFindings.Unusable(id, document.Map.Locate("/id")) is { } unusable) findings.Add(unusable);
                var lint = database.Lint.CheckRecord(document, advisory.Record);
                var lintFindings = WithoutAbsencesTheSchemaReports(lint.Findings, schema, json);
                findings.AddRange(lintFindings);
                lintSummary = lint.Summary;
                WithoutRestatedSchemaErrors(findings, schemaFindings, lintFindings);
            }
        }
        else
        {
            AuthoringBlockReader.Read(document, out var authoringFindings);
            findings.AddRange(authoringFindings);
        }

        var embargo = advisory?.Authoring.EmbargoUntil;
        var summary = new AdvisorySummary(advisory?.Id, ExpiryOf(advisory?.Record, embargo, clock), lintSummary, embargo);
        // The same finding twice at one place says nothing new: two raw HTML tags of one kind in a JSON string, whose
        // positions inside the string are not known, are both at the string's start.
        return new CheckedAdvisory(file.DisplayPath, file.FullPath, database, FindingOrder.Sort(findings.Distinct()), summary, advisory);
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
    /// One finding per mistake: a value the schema reports missing (a required property; the key a misspelt one stands
    /// for, <c>summary</c> for <c>sumary</c>) is not reported again by a lint rule that reads its absence as an empty
    /// value ("the record has no summary", <c>"" is not an absolute URL</c>); nor is a value the record does not
    /// hold inside an object the schema already rejects (an event whose only key is <c>fixd</c>).
    /// </summary>
    private static IReadOnlyList<Finding> WithoutAbsencesTheSchemaReports(IReadOnlyList<Finding> lintFindings, SchemaReport schema, System.Text.Json.JsonElement record)
    {
        if (schema.Findings.Count == 0) return lintFindings;
        var rejected = schema.Findings.Where(f => f.Pointer is not null).Select(f => f.Pointer!).ToHashSet(StringComparer.Ordinal);
        return lintFindings.Where(f => !(f.Pointer is { } pointer
                && (schema.MissingValues.Contains(pointer) || rejected.Contains(pointer) || rejected.Contains(ParentOf(pointer)))
                && !JsonSchema.JsonPointer.TryNavigate(record, pointer, out _)))
            .ToList();
    }

    /// <summary>
    /// A value of the wrong type keeps the record from being read into the model (AUTH000); where the schema reports
    /// that value (or a value inside it, or the object holding it), its finding says the same in the user's terms.
    /// </summary>
    private static IEnumerable<Finding> UnexplainedReadFindings(IReadOnlyList<Finding> readFindings, IReadOnlyList<Finding> schemaFindings) =>
        readFindings.Where(read => read.Code != AuthoringFindingCodes.UnreadableRecord || read.Pointer is not { } pointer
            || !schemaFindings.Any(f => f.Pointer is { } at && (Encloses(at, pointer) || Encloses(pointer, at))));

    private static bool Encloses(string outer, string inner) =>
        inner.StartsWith(outer, StringComparison.Ordinal) && (inner.Length == outer.Length || inner[outer.Length] == '/');

    private static string ParentOf(string pointer) => pointer[..Math.Max(0, pointer.LastIndexOf('/'))];

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
