using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Validation;

/// <summary>The outcome of validating a set of advisory files.</summary>
/// <param name="Advisories">One entry per file, in the order the files were given (sorted by path).</param>
/// <param name="DatabaseFindings">Findings that concern several files or the configuration, not one file alone.</param>
public sealed record ValidationReport(IReadOnlyList<CheckedAdvisory> Advisories, IReadOnlyList<Finding> DatabaseFindings)
{
    /// <summary>
    /// The advisories' findings that were handed out while validating (<see cref="DatabaseValidator.Validate"/> with a
    /// receiver) and are no longer in <see cref="Advisories"/>: counted, not kept.
    /// </summary>
    public FindingCounts Streamed { get; init; }

    /// <summary>The databases validated: those of the files, and that of each folder given, with advisories or without.</summary>
    public IReadOnlyList<DatabaseContext> Databases { get; init; } = [];

    /// <summary>The findings the report holds: every finding, except those <see cref="Streamed"/> while validating.</summary>
    public IEnumerable<Finding> AllFindings => Advisories.SelectMany(a => a.Findings).Concat(DatabaseFindings);

    public int Errors => Streamed.Errors + Held.Errors;

    public int Warnings => Streamed.Warnings + Held.Warnings;

    public bool HasErrors => Errors > 0;

    private FindingCounts Held => FindingCounts.Of(AllFindings);

    /// <summary>The advisories held at <paramref name="now"/>, as their summaries tell (no records needed).</summary>
    public IReadOnlyList<HeldAdvisory> HeldAt(DateTimeOffset now) =>
        [.. Advisories
            .Where(a => a.Summary.Id is not null && HeldAdvisory.Holds(a.Summary.EmbargoUntil, now))
            .Select(a => new HeldAdvisory(a.Summary.Id!, a.Summary.EmbargoUntil!.Value))];
}

/// <summary>How many findings are errors and how many warnings.</summary>
public readonly record struct FindingCounts(int Errors, int Warnings)
{
    public static FindingCounts Of(IEnumerable<Finding> findings)
    {
        int errors = 0, warnings = 0;
        foreach (var finding in findings)
        {
            if (finding.Level == FindingLevel.Error) errors++;
            else if (finding.Level == FindingLevel.Warning) warnings++;
        }
        return new FindingCounts(errors, warnings);
    }
}
