using AdvisoryPipeline.Authoring;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// One advisory file after loading, schema validation and lint. <see cref="Document"/> and
/// <see cref="Record"/> are null when the result came from the cache or the file could not be read as OSV.
/// </summary>
public sealed record CheckedAdvisory(
    string Path,
    DatabaseContext Database,
    IReadOnlyList<Finding> Findings,
    AdvisorySummary Summary,
    LoadedDocument? Document = null,
    OsvRecord? Record = null)
{
    public bool HasErrors => Findings.Any(f => f.IsError);
}
