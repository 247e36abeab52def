using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// One advisory file after loading, schema validation and lint. <see cref="Advisory"/> is kept only when the
/// run asked for records (to render or publish them), and only when the file could be read as OSV.
/// </summary>
public sealed record CheckedAdvisory(
    string Path,
    string FullPath,
    DatabaseContext Database,
    IReadOnlyList<Finding> Findings,
    AdvisorySummary Summary,
    LoadedAdvisory? Advisory = null)
{
    public bool HasErrors => Findings.Any(f => f.IsError);
}
