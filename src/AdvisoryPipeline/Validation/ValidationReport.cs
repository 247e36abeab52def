using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Validation;

/// <summary>The outcome of validating a set of advisory files.</summary>
/// <param name="Advisories">One entry per file, in the order the files were given (sorted by path).</param>
/// <param name="DatabaseFindings">Findings that concern several files or the configuration, not one file alone.</param>
public sealed record ValidationReport(IReadOnlyList<CheckedAdvisory> Advisories, IReadOnlyList<Finding> DatabaseFindings)
{
    public IEnumerable<Finding> AllFindings => Advisories.SelectMany(a => a.Findings).Concat(DatabaseFindings);

    public int Errors => AllFindings.Count(f => f.Level == FindingLevel.Error);

    public int Warnings => AllFindings.Count(f => f.Level == FindingLevel.Warning);

    public bool HasErrors => Errors > 0;

    /// <summary>The advisories held at <paramref name="now"/>, as their summaries tell (no records needed).</summary>
    public IReadOnlyList<HeldAdvisory> HeldAt(DateTimeOffset now) =>
        [.. Advisories
            .Where(a => a.Summary.Id is not null && HeldAdvisory.Holds(a.Summary.EmbargoUntil, now))
            .Select(a => new HeldAdvisory(a.Summary.Id!, a.Summary.EmbargoUntil!.Value))];
}
