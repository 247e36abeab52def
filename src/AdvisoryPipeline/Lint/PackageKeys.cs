using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// The packages a record covers, each as one string that is equal for two records exactly when they name the same
/// package: <c>PyPI:tensorflow-gpu</c> (the ecosystem's comparison rules, <see cref="PackageNames.ComparisonKey"/>,
/// without the ecosystem's <c>:suffix</c>), or <c>GIT:https://github.com/org/repo</c> for an entry that names no package
/// but a repository range.
/// </summary>
public static class PackageKeys
{
    public static IReadOnlyList<string> Of(OsvRecord record)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var affected in record.Affected ?? [])
        {
            if (affected?.Package is { Name.Length: > 0 } package)
            {
                // Its GIT ranges name the package's source repository, which other packages may share (micropython-io and
                // micropython-os are both built from micropython): the package is what the entry covers.
                // A record that fails the schema may have no ecosystem at all; it still covers its named package.
                var ecosystem = package.Ecosystem ?? "";
                keys.Add(Ecosystem.BaseName(ecosystem) + ":" + PackageNames.ComparisonKey(ecosystem, package.Name));
                continue;
            }
            foreach (var range in affected?.Ranges ?? [])
                if (range?.Type == "GIT" && range.Repo is { Length: > 0 } repo)
                    keys.Add("GIT:" + repo.TrimEnd('/').ToLowerInvariant().Replace(".git", "", StringComparison.Ordinal));
        }
        return [.. keys];
    }

    /// <summary>Whether two records cover a package in common; a record that names none is taken to cover any.</summary>
    public static bool Overlap(IReadOnlyList<string> left, IReadOnlyList<string> right) =>
        left.Count == 0 || right.Count == 0 || left.Intersect(right, StringComparer.Ordinal).Any();
}
