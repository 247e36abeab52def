using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Publishing.FeedFolder;
using AdvisoryPipeline.Publishing.Ghsa;
using AdvisoryPipeline.Publishing.Git;
using AdvisoryPipeline.Publishing.GitHub;
using AdvisoryPipeline.Publishing.Repository;

namespace AdvisoryPipeline.Publishing;

/// <summary>What the targets need from the run: where relative paths start, the environment, the command-line options.</summary>
/// <param name="BaseDirectory">Relative <c>dir:</c> and <c>git:</c> paths start here (the database's root).</param>
/// <param name="GetVariable">Reads environment variables (<c>GITHUB_TOKEN</c>, <c>GITHUB_API_URL</c>).</param>
public sealed record PublishTargetContext(string BaseDirectory, Func<string, string?> GetVariable)
{
    /// <summary>The variable holding the GitHub token (<c>--token-env</c>).</summary>
    public string TokenVariable { get; init; } = GitHubTargetOptions.DefaultTokenVariable;

    /// <summary>Publish to GitHub through a pull request (<c>--pull-request</c>).</summary>
    public bool PullRequest { get; init; }

    /// <summary>Added to the environment of every git command.</summary>
    public IReadOnlyDictionary<string, string>? GitEnvironment { get; init; }
}

/// <summary>Chooses the targets of a run and makes the target each <see cref="PublishTargetSpec"/> names.</summary>
public static class PublishTargets
{
    /// <summary>
    /// The targets of a run: those <paramref name="given"/> (<c>--target</c>), else <c>publish.targets</c> of the
    /// configuration, else <see cref="PublishTargetSpec.DefaultText"/>.
    /// </summary>
    /// <exception cref="UsageException">A text is not a target; the message is the grammar's own.</exception>
    public static IReadOnlyList<PublishTargetSpec> Choose(IReadOnlyList<string> given, DatabaseConfig config)
    {
        IReadOnlyList<string> texts = given.Count > 0 ? given
            : config.Publish?.Targets is { Count: > 0 } configured ? configured
            : [PublishTargetSpec.DefaultText];
        return [.. texts.Select(text => PublishTargetSpec.TryParse(text, out var spec, out var error)
            ? spec
            : throw new UsageException($"target {text}: {error}"))];
    }

    /// <exception cref="PublishFailedException">The GitHub token or API URL is missing or wrong.</exception>
    public static IPublishTarget Create(PublishTargetSpec spec, PublishTargetContext context)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        return spec switch
        {
            FeedFolderTargetSpec folder => new FeedFolderTarget(spec.Text, Path.Combine(context.BaseDirectory, folder.Path)),
            GitTargetSpec git => new GitTarget(spec.Text, Path.Combine(context.BaseDirectory, git.RepositoryPath), git.Branch,
                new RecordLayout(git.Folder), context.GitEnvironment),
            GitHubTargetSpec github => new GitHubTarget(spec.Text, github.Owner, github.Repository, github.Branch, new RecordLayout(github.Folder),
                GitHubTargetOptions.FromEnvironment(context.GetVariable, context.TokenVariable), context.PullRequest),
            GhsaTargetSpec ghsa => new GhsaTarget(spec.Text, ghsa.Owner, ghsa.Repository,
                GitHubTargetOptions.FromEnvironment(context.GetVariable, context.TokenVariable, GhsaTarget.TokenUse)),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "Unknown kind of target."),
        };
    }
}
