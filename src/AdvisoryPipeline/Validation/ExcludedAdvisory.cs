using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// An advisory left out of what is produced because it has errors, on the team's explicit request
/// (<c>--exclude-invalid</c>): nothing is written for it, and what targets already hold of it stays as it is.
/// </summary>
/// <param name="Id">Its ID, or the name of its file without the extension when the ID cannot be read.</param>
/// <param name="SourcePath">The file, as findings name it.</param>
/// <param name="Errors">Why it was left out: every error located in its file.</param>
public sealed record ExcludedAdvisory(string Id, string SourcePath, IReadOnlyList<Finding> Errors)
{
    public override string ToString() => $"{Id} ({SourcePath}): {Errors.Count} error(s)";
}
