namespace AdvisoryPipeline.Lint.History;

/// <summary>What the history rules need of one advisory as it was at the base reference.</summary>
/// <param name="Path">Its path in the repository at the base, relative to the repository root.</param>
public sealed record BaseAdvisory(string Path, string Id, string? Published, string? Modified);

/// <summary>The advisories of a database at a git reference.</summary>
/// <param name="Ref">The reference as the user gave it (<c>origin/main</c>), for messages.</param>
/// <param name="Commit">The commit it resolved to.</param>
/// <param name="Advisories">Every advisory file whose id could be read, ordered by path.</param>
/// <param name="Unreadable">Advisory files at the base that do not load as a record with an id; they are not compared.</param>
public sealed record GitBaseSnapshot(
    string Ref,
    string Commit,
    IReadOnlyList<BaseAdvisory> Advisories,
    IReadOnlyList<string> Unreadable);
