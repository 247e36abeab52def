namespace AdvisoryPipeline.Diagnostics;

/// <summary>
/// One problem found in an input, located at the YAML line that caused it.
/// Codes are stable and grouped by stage: <c>YAML0xx</c> loading, <c>YAML1xx</c> scalar typing,
/// <c>CFG0xx</c> configuration, <c>SCH001</c> schema, <c>OSV1xx</c> lint.
/// </summary>
/// <param name="Code">Stable identifier of the rule that produced the finding.</param>
/// <param name="Level">Error, warning or info.</param>
/// <param name="Message">One line saying what is wrong.</param>
/// <param name="Location">Where it is; the YAML position of <paramref name="Pointer"/> when there is one.</param>
/// <param name="Hint">One line saying how to fix it, or null.</param>
/// <param name="Pointer">JSON pointer of the offending value inside the record, or null.</param>
public sealed record Finding(
    string Code,
    FindingLevel Level,
    string Message,
    SourceLocation Location,
    string? Hint = null,
    string? Pointer = null)
{
    public bool IsError => Level == FindingLevel.Error;
}
