namespace AdvisoryPipeline.Publishing.Repository;

/// <summary>A branch of a repository target as read for a ledger: its head and the files of the record folder.</summary>
/// <param name="Branch">The branch.</param>
/// <param name="HeadSha">Its commit, or null when the branch does not exist yet.</param>
/// <param name="Files">Every file under the record folder: repository path to git blob SHA-1.</param>
public sealed record RepositoryState(string Branch, string? HeadSha, IReadOnlyDictionary<string, string> Files);
