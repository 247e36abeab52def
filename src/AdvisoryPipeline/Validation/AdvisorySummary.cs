using AdvisoryPipeline.Lint;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// The little that later checks need to know about an advisory without loading it again: kept in the
/// validation cache next to the file's findings.
/// </summary>
/// <param name="Id">The record's <c>id</c>, or null when it has none that could be read.</param>
/// <param name="ResultsExpireAt">
/// The first moment at which the same file could get different findings, because a check compares one of its
/// timestamps with the clock ("more than a day in the future", embargo end); null when that can never happen.
/// </param>
/// <param name="Lint">What the database-wide and history lint rules need; null when the record could not be read.</param>
/// <param name="EmbargoUntil">The end of the advisory's embargo (<c>pipeline.embargo_until</c>), if it has one.</param>
public sealed record AdvisorySummary(
    string? Id,
    DateTimeOffset? ResultsExpireAt,
    LintSummary? Lint = null,
    DateTimeOffset? EmbargoUntil = null)
{
    public static AdvisorySummary Unreadable { get; } = new(null, null);
}
