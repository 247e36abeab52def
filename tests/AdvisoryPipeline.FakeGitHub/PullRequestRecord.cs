namespace AdvisoryPipeline.FakeGitHub;

/// <summary>A pull request as the fake stores it. The head commit is not stored: like GitHub, it follows the branch.</summary>
public sealed record PullRequestRecord(
    long Id,
    int Number,
    string Title,
    string? Body,
    string HeadBranch,
    string BaseBranch,
    bool Draft,
    string State,
    string AuthorLogin,
    DateTimeOffset CreatedAt)
{
    public bool IsOpen => State == "open";
}
