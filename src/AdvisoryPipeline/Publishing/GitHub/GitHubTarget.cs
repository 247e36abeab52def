using AdvisoryPipeline.Diagnostics;
using System.Text;
using AdvisoryPipeline.Publishing.Repository;
using Octokit;

namespace AdvisoryPipeline.Publishing.GitHub;

/// <summary>
/// <c>github:OWNER/REPO[/FOLDER][#BRANCH]</c>: the records in a branch of a GitHub repository (<see cref="RecordLayout"/>),
/// through the Git Data API, one commit per publish.
/// <para>Reading (4 requests, 5 without a branch name): the branch head, the commit's root tree, the folder's
/// recursive tree (a listing truncated above GitHub's 100,000 entries is completed by walking its sub-trees), and the
/// ledger file, which holds every record's timestamps and blob SHA (<see cref="LedgerFile"/>): only records whose
/// blob SHA differs from the ledger's (hand edits) are downloaded.</para>
/// <para>Writing: the change's files go inline into create-tree requests on the current root tree (a large change is
/// a chain of trees, each on the previous one), then one commit, then a fast-forward move of the branch: 4 more
/// requests, one more tree per <see cref="GitHubTargetOptions.MaxTreeEntries"/> files. A branch moved meanwhile (422
/// "not a fast forward") makes the publisher read and plan again. A protected branch, or
/// a pull request asked for, puts the commit on the branch
/// <c>advisory-publish/&lt;12 hex of the change's fingerprint&gt;</c> and opens one pull request; the fingerprint does
/// not depend on the run's time, so a later run finds that branch, plans against it, and reuses the pull request
/// without writing anything when it already holds the change.</para>
/// </summary>
public sealed class GitHubTarget : IPublishTarget
{
    public const string PullRequestBranchPrefix = "advisory-publish/";

    private readonly GitHubApi _api;
    private readonly GitHubRequestRunner _runner;
    private readonly string? _branch;
    private readonly RecordLayout _layout;
    private readonly GitHubTargetOptions _options;
    private readonly bool _pullRequest;

    /// <param name="name">The target as the user named it.</param>
    /// <param name="owner">The repository's owner.</param>
    /// <param name="repository">The repository's name.</param>
    /// <param name="branch">The branch, or null for the repository's default branch.</param>
    /// <param name="layout">Where the records go.</param>
    /// <param name="options">How to reach GitHub.</param>
    /// <param name="pullRequest">Open a pull request instead of moving the branch (also the fallback for a protected branch).</param>
    public GitHubTarget(string name, string owner, string repository, string? branch, RecordLayout layout, GitHubTargetOptions options, bool pullRequest = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _branch = branch;
        _layout = layout;
        _options = options;
        _pullRequest = pullRequest;
        _runner = new GitHubRequestRunner(options.Retry, options.Delay, options.Clock);
        _api = new GitHubApi(options.Connect(), owner, repository, _runner);
    }

    public string Name { get; }

    /// <summary>Requests sent to GitHub by this target so far, retries included.</summary>
    public int RequestCount => _runner.RequestCount;

    public async Task<Ledger> ReadLedgerAsync(CancellationToken cancellationToken)
    {
        var branch = _branch ?? await _api.DefaultBranchAsync(cancellationToken);
        if (await _api.BranchHeadAsync(branch, cancellationToken) is { } head)
            return await ReadLedgerAtAsync(branch, head, pullRequest: null, cancellationToken);
        // Only now is the repository itself read, so that a missing repository is not reported as a missing branch.
        var defaultBranch = await _api.DefaultBranchAsync(cancellationToken);
        throw new PublishFailedException($"{Name}: {_api.FullName} has no branch '{branch}' (its default branch is '{defaultBranch}').");
    }

    public async Task<ApplyResult> ApplyAsync(PublishPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Ledger.Source is not GitHubLedgerSource source)
            throw new ArgumentException($"The plan was not made from {Name}'s ledger.", nameof(plan));
        try
        {
            return await ApplyAsync(plan, source, cancellationToken);
        }
        catch (PublishFailedException failure) when (failure is not PublishedPartlyException)
        {
            // Every step before the branch moves only adds objects that nothing refers to yet.
            throw new PublishFailedException($"{failure.Message} Nothing was published: {source.State.Branch} was not moved.", failure.InnerException);
        }
    }

    private async Task<ApplyResult> ApplyAsync(PublishPlan plan, GitHubLedgerSource source, CancellationToken cancellationToken)
    {
        var change = RepositoryChange.Build(plan, _layout, source.State.Files);
        if (source.PullRequest is { } pullRequest)
            return await ApplyToPullRequestBranchAsync(plan, source, change, pullRequest, cancellationToken);
        if (change.IsEmpty)
            return ApplyResult.Done(new PublishOutcome(PublishOutcomeKind.NothingToWrite, $"{Name} is up to date"));

        var branch = source.State.Branch;
        var pullRequestBranch = PullRequestBranchPrefix + change.Fingerprint[..12];
        var request = new PullRequestContext(branch, PublishCommitMessage.Subject(plan), PublishCommitMessage.Body(plan, change),
            _pullRequest ? "--pull-request was given" : $"{branch} is protected");
        if (await _api.BranchHeadAsync(pullRequestBranch, cancellationToken) is { } pending)
        {
            return ApplyResult.Replan(await ReadLedgerAtAsync(pullRequestBranch, pending, request, cancellationToken),
                $"an earlier run put this change on {pullRequestBranch}");
        }

        var commit = await CommitAsync(source, change, PublishCommitMessage.Full(plan, change), plan.RunTime, cancellationToken);
        if (!_pullRequest)
        {
            switch (await _api.MoveBranchAsync(branch, source.State.HeadSha!, commit, cancellationToken))
            {
                case BranchMove.Moved:
                    return ApplyResult.Done(new PublishOutcome(PublishOutcomeKind.Committed,
                        $"committed {commit[..7]} to {_api.FullName}#{branch} ({change.RecordFileCount(_layout)} record files)", commit));
                case BranchMove.NotFastForward:
                    return ApplyResult.Replan(await ReadLedgerAsync(cancellationToken), $"someone pushed to {branch}");
            }
        }
        var created = await _api.CreateBranchAsync(pullRequestBranch, commit, cancellationToken);
        if (created != commit)
        {
            return ApplyResult.Replan(await ReadLedgerAtAsync(pullRequestBranch, created, request, cancellationToken),
                $"{pullRequestBranch} was created meanwhile");
        }
        return ApplyResult.Done(await OpenPullRequestAsync(pullRequestBranch, request, commit, branchIsNew: true, cancellationToken));
    }

    /// <summary>The plan was made against the pull request's branch: bring it up to date if needed, and make sure the pull request is open.</summary>
    private async Task<ApplyResult> ApplyToPullRequestBranchAsync(PublishPlan plan, GitHubLedgerSource source, RepositoryChange change,
        PullRequestContext request, CancellationToken cancellationToken)
    {
        var branch = source.State.Branch;
        var head = source.State.HeadSha!;
        if (!change.IsEmpty)
        {
            var commit = await CommitAsync(source, change, PublishCommitMessage.Full(plan, change), plan.RunTime, cancellationToken);
            switch (await _api.MoveBranchAsync(branch, head, commit, cancellationToken))
            {
                case BranchMove.NotFastForward:
                    var moved = await _api.BranchHeadAsync(branch, cancellationToken)
                        ?? throw new PublishFailedException($"{Name}: the branch {branch} was deleted while publishing; publish again.");
                    return ApplyResult.Replan(await ReadLedgerAtAsync(branch, moved, request, cancellationToken), $"someone pushed to {branch}");
                case BranchMove.Protected:
                    throw new PublishFailedException($"{Name}: the pull request branch {branch} is protected; delete it or lift the protection, then publish again.");
            }
            head = commit;
        }
        return ApplyResult.Done(await OpenPullRequestAsync(branch, request, head, branchIsNew: false, cancellationToken));
    }

    private async Task<PublishOutcome> OpenPullRequestAsync(string branch, PullRequestContext request, string commit, bool branchIsNew, CancellationToken cancellationToken)
    {
        // A branch made just now has no pull request yet: no need to look for one.
        if (!branchIsNew && await _api.OpenPullRequestAsync(branch, request.BaseBranch, cancellationToken) is { } open)
            return new PublishOutcome(PublishOutcomeKind.PullRequest, $"pull request #{open.Number} already holds this change: {open.Url}", commit, open.Url);
        var body = request.Body + $"\nOpened by AdvisoryPipeline because {request.Reason}. Merging it publishes these records; "
            + "until then, later publishes with the same change reuse this pull request.\n";
        PullRequestInfo pull;
        try
        {
            pull = await _api.CreatePullRequestAsync(request.Title, body, branch, request.BaseBranch, cancellationToken);
        }
        catch (PublishFailedException failure)
        {
            throw new PublishedPartlyException(
                $"{failure.Message} The change is on the branch {branch}, without a pull request: publish again to open it.", failure.InnerException);
        }
        return new PublishOutcome(PublishOutcomeKind.PullRequest, $"opened pull request #{pull.Number} ({request.Reason}): {pull.Url}", commit, pull.Url);
    }

    private async Task<Ledger> ReadLedgerAtAsync(string branch, string head, PullRequestContext? pullRequest, CancellationToken cancellationToken)
    {
        var root = await _api.TreeAsync(head, recursive: false, cancellationToken);
        var files = await ListFolderAsync(root, cancellationToken);
        var location = $"{Name} ({branch})";
        var records = await RepositoryLedgerReader.ReadAsync(_layout, files, _api.BlobsAsync, location, cancellationToken);
        return new Ledger(new GitHubLedgerSource(Name, new RepositoryState(branch, head, files), root.Sha, pullRequest), records);
    }

    /// <summary>The files under the folder: path to blob SHA. A missing folder has none.</summary>
    private async Task<Dictionary<string, string>> ListFolderAsync(TreeResponse root, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var tree = root;
        var names = _layout.Folder.Split('/');
        for (var i = 0; i < names.Length; i++)
        {
            if (tree.Tree.FirstOrDefault(item => item.Path == names[i] && item.Type.StringValue == "tree") is not { } folder)
                return files;
            if (i == names.Length - 1)
                await AddFilesAsync(folder.Sha, _layout.Folder + "/", files, cancellationToken);
            else
                tree = await _api.TreeAsync(folder.Sha, recursive: false, cancellationToken);
        }
        return files;
    }

    /// <summary>Adds a tree's files; a truncated recursive listing is completed tree by tree.</summary>
    private async Task AddFilesAsync(string treeSha, string prefix, Dictionary<string, string> files, CancellationToken cancellationToken)
    {
        var listing = await _api.TreeAsync(treeSha, recursive: true, cancellationToken);
        if (!listing.Truncated)
        {
            foreach (var item in listing.Tree.Where(item => item.Type.StringValue == "blob"))
                files[prefix + item.Path] = item.Sha;
            return;
        }
        foreach (var item in (await _api.TreeAsync(treeSha, recursive: false, cancellationToken)).Tree)
        {
            if (item.Type.StringValue == "blob")
                files[prefix + item.Path] = item.Sha;
            else if (item.Type.StringValue == "tree")
                await AddFilesAsync(item.Sha, prefix + item.Path + "/", files, cancellationToken);
        }
    }

    /// <summary>The change as a chain of trees on the current root tree, then one commit on the head.</summary>
    private async Task<string> CommitAsync(GitHubLedgerSource source, RepositoryChange change, string message, DateTimeOffset runTime, CancellationToken cancellationToken)
    {
        var entries = change.Deletions.Select(path => new TreeEntryChange(path, null))
            .Concat(change.Writes.Select(write => new TreeEntryChange(write.Path, Encoding.UTF8.GetString(write.Content.Span))));
        var tree = source.RootTreeSha;
        foreach (var chunk in Chunk(entries))
            tree = await _api.CreateTreeAsync(tree, chunk, cancellationToken);
        return await _api.CreateCommitAsync(message, tree, source.State.HeadSha!, _options.Identity, runTime, cancellationToken);
    }

    private IEnumerable<IReadOnlyList<TreeEntryChange>> Chunk(IEnumerable<TreeEntryChange> entries)
    {
        var chunk = new List<TreeEntryChange>();
        var bytes = 0L;
        foreach (var entry in entries)
        {
            var size = entry.Content?.Length ?? 0;
            if (chunk.Count > 0 && (chunk.Count >= _options.MaxTreeEntries || bytes + size > _options.MaxTreeBytes))
            {
                yield return chunk;
                chunk = [];
                bytes = 0;
            }
            chunk.Add(entry);
            bytes += size;
        }
        if (chunk.Count > 0)
            yield return chunk;
    }
}

/// <summary>A failure after the change reached a branch of the repository (the pull request's): the message says where.</summary>
internal sealed class PublishedPartlyException(string message, Exception? innerException) : PublishFailedException(message, innerException);

/// <summary>Why and where a change goes through a pull request.</summary>
internal sealed record PullRequestContext(string BaseBranch, string Title, string Body, string Reason);

/// <summary>The ledger's origin for a GitHub target: the branch, its root tree and files, and the pull request it is for, if any.</summary>
internal sealed record GitHubLedgerSource(string Name, RepositoryState State, string RootTreeSha, PullRequestContext? PullRequest) : LedgerSource
{
    public override string Description => PullRequest is null
        ? $"{Name} at {State.HeadSha![..7]}"
        : $"{Name} via {State.Branch} at {State.HeadSha![..7]}";
}
