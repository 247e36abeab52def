using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// The ID policy, as validation enforces it (<see cref="AdvisoryId.UsabilityProblem"/>): not lint rules, so no
/// configuration can turn them off, because every output names files and folders after the IDs.
/// </summary>
/// <remarks>
/// <code>
/// ID001  error  an ID that the outputs cannot carry (characters, length)
/// ID002  error  two IDs that differ only in letter case (one folder on a case-insensitive file system)
/// </code>
/// </remarks>
public static class IdFindings
{
    public const string UnusableCode = "ID001";
    public const string CaseCollisionCode = "ID002";

    public static Finding? Unusable(string id, SourceLocation where) =>
        AdvisoryId.UsabilityProblem(id) is { } problem
            ? new Finding(UnusableCode, FindingLevel.Error, $"the id {Excerpt.Of(id)} cannot be published: {problem}", where,
                "IDs name files, folders and URLs: write PREFIX-YYYY-N, e.g. TSSA-2026-4", "/id")
            : null;

    /// <summary>One finding per advisory whose ID another one's equals but for letter case.</summary>
    public static IEnumerable<Finding> CaseCollisions(IEnumerable<(string Id, SourceLocation Where)> ids)
    {
        foreach (var group in ids.GroupBy(id => id.Id, StringComparer.OrdinalIgnoreCase))
        {
            var spellings = group.Select(id => id.Id).Distinct(StringComparer.Ordinal).ToArray();
            if (spellings.Length < 2) continue;
            foreach (var (id, where) in group)
                yield return new Finding(CaseCollisionCode, FindingLevel.Error,
                    $"the id {id} differs from {string.Join(", ", spellings.Where(other => other != id).Take(3))} only in letter case",
                    where, "IDs name folders of the site, which may be served from a case-insensitive file system: give each advisory its own id", "/id");
        }
    }
}
