using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Lint;

/// <summary>The findings of the per-record rules on one file, in source order, and its summary for the database rules.</summary>
public sealed record RecordLint(IReadOnlyList<Finding> Findings, LintSummary Summary);
