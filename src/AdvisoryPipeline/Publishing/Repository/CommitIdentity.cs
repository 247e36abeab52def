namespace AdvisoryPipeline.Publishing.Repository;

/// <summary>The author and committer of publish commits.</summary>
public sealed record CommitIdentity(string Name, string Email)
{
    public static CommitIdentity Default { get; } = new("AdvisoryPipeline", "advisory-pipeline@users.noreply.github.com");
}
