namespace AdvisoryPipeline.Lint.History;

/// <summary>What the history rules need of one advisory as it was at the base reference.</summary>
/// <param name="Path">Its path in the repository at the base, relative to the repository root.</param>
public sealed record BaseAdvisory(string Path, string Id, string? Published, string? Modified);

/// <summary>
/// The advisories of a database at a git reference whose files have changed since, in the work tree: modified or
/// deleted. Advisories with unchanged files are left out, since they cannot break a history rule.
/// </summary>
/// <param name="Ref">The reference as the user gave it (<c>origin/main</c>), for messages.</param>
/// <param name="Commit">The commit it resolved to.</param>
/// <param name="Advisories">The changed advisory files whose id could be read at the reference, ordered by path.</param>
/// <param name="Unreadable">Changed advisory files that do not load as a record with an id at the reference; they are not compared.</param>
public sealed record GitBaseSnapshot(
    string Ref,
    string Commit,
    IReadOnlyList<BaseAdvisory> Advisories,
    IReadOnlyList<string> Unreadable);
