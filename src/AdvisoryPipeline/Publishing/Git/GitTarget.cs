using System.Globalization;
using System.Text;
using AdvisoryPipeline.Git;
using AdvisoryPipeline.Publishing.Repository;

namespace AdvisoryPipeline.Publishing.Git;

/// <summary>
/// <c>git:PATH[#BRANCH][:FOLDER]</c>: the records in a branch of a local repository
/// (<see cref="RecordLayout"/>), published as one commit made with git's plumbing, so that neither the user's index
/// nor any working tree is touched while it is made: blobs by <c>fast-import</c>, the tree in a temporary index
/// (<c>GIT_INDEX_FILE</c>, <c>read-tree</c>, <c>update-index</c>, <c>write-tree</c>), then <c>commit-tree</c> and
/// <c>update-ref</c> with the expected old value, so that a branch moved meanwhile is never overwritten (the publish
/// is planned again). The branch is created (with no parent) when it does not exist. Commits are dated at the run's
/// time; git's configured identity is used, else a fallback.
/// </summary>
/// <remarks>
/// When the branch is checked out in a working tree, that tree must be clean under the folder (else nothing is
/// published), and it follows the branch after the branch has moved: only the folder's files and index entries are
/// brought to the new commit (<c>git restore</c>). A journal in the repository's git folder records the move first, so
/// that a run killed at any moment is finished by the next one (<see cref="RecoverAsync"/>): the branch was either
/// not moved (nothing to do) or moved (the folder is brought to it, a lock a killed git left is removed).
/// </remarks>
public sealed class GitTarget : IPublishTarget
{
    private const string ZeroSha = "0000000000000000000000000000000000000000";
    private const string EmptyTreeSha = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    private readonly GitRunner _git;
    private readonly string? _branch;
    private readonly RecordLayout _layout;
    private readonly CommitIdentity _fallbackIdentity;

    /// <param name="name">The target as the user named it.</param>
    /// <param name="repositoryPath">The repository (or any folder inside its working tree).</param>
    /// <param name="branch">The branch, or null for the one HEAD names.</param>
    /// <param name="layout">Where the records go.</param>
    /// <param name="gitEnvironment">Added to the environment of every git command (tests isolate git with it).</param>
    /// <param name="fallbackIdentity">The commit author when git has no identity configured.</param>
    public GitTarget(string name, string repositoryPath, string? branch, RecordLayout layout,
        IReadOnlyDictionary<string, string>? gitEnvironment = null, CommitIdentity? fallbackIdentity = null)
    {
        Name = name;
        _git = new GitRunner(Path.GetFullPath(repositoryPath), gitEnvironment ?? new Dictionary<string, string>());
        _branch = branch;
        _layout = layout;
        _fallbackIdentity = fallbackIdentity ?? CommitIdentity.Default;
    }

    public string Name { get; }

    public async Task<Ledger> ReadLedgerAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_git.WorkingDirectory) || (await _git.RunAsync(["rev-parse", "--git-dir"], cancellationToken: cancellationToken)).ExitCode != 0)
            throw new PublishFailedException($"{Name}: {_git.WorkingDirectory} is not a git repository.");
        await RecoverAsync(cancellationToken);
        var branch = _branch ?? await CurrentBranchAsync(cancellationToken);
        if ((await _git.RunAsync(["check-ref-format", "refs/heads/" + branch], cancellationToken: cancellationToken)).ExitCode != 0)
            throw new PublishFailedException($"{Name}: '{branch}' is not a valid branch name.");
        var head = await _git.RunAsync(["rev-parse", "--verify", "--quiet", $"refs/heads/{branch}^{{commit}}"], cancellationToken: cancellationToken);
        var headSha = head.ExitCode == 0 ? head.Text : null;
        var files = headSha is null ? new Dictionary<string, string>() : await ListFolderAsync(headSha, cancellationToken);
        var records = await RepositoryLedgerReader.ReadAsync(_layout, files, ReadBlobsAsync, Name, cancellationToken);
        return new Ledger(new GitLedgerSource(Name, new RepositoryState(branch, headSha, files)), records);
    }

    public async Task<ApplyResult> ApplyAsync(PublishPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Ledger.Source is not GitLedgerSource { State: var state })
            throw new ArgumentException($"The plan was not made from {Name}'s ledger.", nameof(plan));
        var change = RepositoryChange.Build(plan, _layout, state.Files);
        if (change.IsEmpty)
            return ApplyResult.Done(new PublishOutcome(PublishOutcomeKind.NothingToWrite, $"{Name} is up to date"));

        var commit = await CommitAsync(state, change, PublishCommitMessage.Full(plan, change), plan.RunTime, cancellationToken);
        var worktree = await WorktreeWithBranchAsync(state.Branch, cancellationToken);
        if (worktree is not null && await LocalChangesAsync(worktree, cancellationToken) is { Length: > 0 } changes)
        {
            throw new PublishFailedException(
                $"{Name}: {state.Branch} is checked out in {worktree}, which has changes under {_layout.Folder} that the publish would overwrite "
                + $"({changes}). Commit or stash the changes under {_layout.Folder}, then publish again. Nothing was published.");
        }

        var journal = new PublishJournal(state.Branch, state.HeadSha ?? ZeroSha, commit, worktree);
        await journal.WriteAsync(await JournalPathAsync(cancellationToken));
        var moved = await _git.RunAsync(["update-ref", "-m", "advisory publish", "refs/heads/" + state.Branch, commit, state.HeadSha ?? ZeroSha],
            cancellationToken: CancellationToken.None);
        if (moved.ExitCode != 0)
        {
            File.Delete(await JournalPathAsync(CancellationToken.None));
            return ApplyResult.Replan(await ReadLedgerAsync(cancellationToken), $"{state.Branch} moved while publishing ({moved.Error})");
        }
        // From here on the publish has happened; the working tree only catches up, and the next run finishes that if this one is killed.
        await FinishAsync(journal, CancellationToken.None);
        return ApplyResult.Done(new PublishOutcome(PublishOutcomeKind.Committed,
            $"committed {commit[..7]} to {state.Branch} of {_git.WorkingDirectory} ({change.RecordFileCount(_layout)} record files)", commit));
    }

    /// <summary>Finishes what a run killed after it wrote its journal left: see the remarks of <see cref="GitTarget"/>.</summary>
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var path = await JournalPathAsync(cancellationToken);
        if (PublishJournal.TryRead(path) is not { } journal)
        {
            if (File.Exists(path)) File.Delete(path);
            return;
        }
        var head = await _git.RunAsync(["rev-parse", "--verify", "--quiet", $"refs/heads/{journal.Branch}^{{commit}}"], cancellationToken: cancellationToken);
        if (head.ExitCode == 0 && head.Text == journal.Commit)
            await FinishAsync(journal, cancellationToken);
        else
            File.Delete(path);
    }

    /// <summary>Brings the folder of the working tree that has the branch checked out to the new commit, then drops the journal.</summary>
    private async Task FinishAsync(PublishJournal journal, CancellationToken cancellationToken)
    {
        if (journal.Worktree is { } worktree && Directory.Exists(worktree))
        {
            // A git killed while it held the index leaves its lock, and every later command would fail on it.
            var gitDirectory = await _git.RunCheckedAsync(["rev-parse", "--absolute-git-dir"], workingDirectory: worktree, cancellationToken: cancellationToken);
            var stale = Path.Combine(gitDirectory, "index.lock");
            if (File.Exists(stale)) File.Delete(stale);
            var from = journal.OldHead == ZeroSha ? EmptyTreeSha : journal.OldHead;
            var changed = await _git.RunCheckedAsync(["diff", "--name-only", "-z", "--no-renames", from, journal.Commit, "--", ":(top)" + _layout.Folder],
                workingDirectory: worktree, cancellationToken: cancellationToken);
            if (changed.Length > 0)
                await _git.RunCheckedAsync(["restore", "--source=" + journal.Commit, "--staged", "--worktree", "--", ":(top)" + _layout.Folder],
                    workingDirectory: worktree, cancellationToken: cancellationToken);
        }
        File.Delete(await JournalPathAsync(cancellationToken));
    }

    /// <summary>What <c>git status</c> says of the folder in the working tree: changed, staged and untracked files.</summary>
    private async Task<string> LocalChangesAsync(string worktree, CancellationToken cancellationToken)
    {
        var status = await _git.RunCheckedAsync(["status", "--porcelain", "--untracked-files=all", "--", ":(top)" + _layout.Folder],
            workingDirectory: worktree, cancellationToken: cancellationToken);
        var lines = status.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0 ? "" : string.Join(", ", lines.Take(3).Select(line => line.Trim())) + (lines.Length > 3 ? $" and {lines.Length - 3} more" : "");
    }

    private async Task<string> JournalPathAsync(CancellationToken cancellationToken) =>
        Path.Combine(await _git.RunCheckedAsync(["rev-parse", "--path-format=absolute", "--git-common-dir"], cancellationToken: cancellationToken),
            PublishJournal.FileName);

    private async Task<string> CurrentBranchAsync(CancellationToken cancellationToken)
    {
        var head = await _git.RunAsync(["symbolic-ref", "--quiet", "--short", "HEAD"], cancellationToken: cancellationToken);
        return head.ExitCode == 0
            ? head.Text
            : throw new PublishFailedException($"{Name}: HEAD is detached in {_git.WorkingDirectory}; name the branch, as in git:PATH#BRANCH.");
    }

    private async Task<Dictionary<string, string>> ListFolderAsync(string commit, CancellationToken cancellationToken)
    {
        var listing = await _git.RunAsync(["ls-tree", "-r", "-z", "--full-tree", commit, "--", _layout.Folder], cancellationToken: cancellationToken);
        if (listing.ExitCode != 0)
            throw new PublishFailedException($"{Name}: cannot list {_layout.Folder} of {commit}: {listing.Error}");
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(listing.Output).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <type> <sha>\t<path>"
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var fields = line[..tab].Split(' ');
            if (fields[1] == "blob")
                files[line[(tab + 1)..]] = fields[2];
        }
        return files;
    }

    /// <summary>Reads blobs with one <c>git cat-file --batch</c>.</summary>
    private async Task<IReadOnlyDictionary<string, byte[]>> ReadBlobsAsync(IReadOnlyList<string> shas, CancellationToken cancellationToken)
    {
        var output = (await _git.RunAsync(["cat-file", "--batch"], Encoding.ASCII.GetBytes(string.Concat(shas.Select(sha => sha + "\n"))),
            cancellationToken: cancellationToken)).Output;
        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var position = 0;
        foreach (var sha in shas)
        {
            // "<sha> blob <size>\n<content>\n", or "<sha> missing\n"
            var end = Array.IndexOf(output, (byte)'\n', position);
            var header = end < 0 ? "" : Encoding.ASCII.GetString(output, position, end - position);
            var fields = header.Split(' ');
            if (fields is not [_, "blob", var sizeText] || !int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                throw new PublishFailedException($"{Name}: git cannot read blob {sha} ({header}).");
            blobs[sha] = output[(end + 1)..(end + 1 + size)];
            position = end + 1 + size + 1;
        }
        return blobs;
    }

    private async Task<string> CommitAsync(RepositoryState state, RepositoryChange change, string message, DateTimeOffset runTime, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("advisory-publish-git-");
        try
        {
            await _git.RunCheckedAsync(["fast-import", "--quiet"], BlobStream(change.Writes), cancellationToken: cancellationToken);
            var index = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = Path.Combine(scratch.FullName, "index") };
            await _git.RunCheckedAsync(state.HeadSha is null ? ["read-tree", "--empty"] : ["read-tree", state.HeadSha], extraEnvironment: index, cancellationToken: cancellationToken);
            var entries = change.Writes.Select(write => $"100644 {write.Sha}\t{write.Path}\0")
                .Concat(change.Deletions.Select(path => $"0 {ZeroSha}\t{path}\0"));
            await _git.RunCheckedAsync(["update-index", "-z", "--index-info"], Encoding.UTF8.GetBytes(string.Concat(entries)), index, cancellationToken: cancellationToken);
            // write-tree also checks that every blob named in the index exists: a blob SHA computed wrongly stops here.
            var tree = await _git.RunCheckedAsync(["write-tree"], extraEnvironment: index, cancellationToken: cancellationToken);

            var commitEnvironment = await CommitEnvironmentAsync(runTime, cancellationToken);
            string[] arguments = state.HeadSha is null ? ["commit-tree", tree] : ["commit-tree", tree, "-p", state.HeadSha];
            return await _git.RunCheckedAsync(arguments, Encoding.UTF8.GetBytes(message), commitEnvironment, cancellationToken: cancellationToken);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The blobs as a <c>git fast-import</c> stream: one process writes them all into one pack, where
    /// <c>hash-object -w</c> would need every file on disk and write as many loose objects (10,000 of each for a
    /// first publish of a large database).
    /// </summary>
    private static byte[] BlobStream(IReadOnlyList<FileWrite> writes)
    {
        using var stream = new MemoryStream();
        foreach (var write in writes)
        {
            stream.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"blob\ndata {write.Content.Length}\n")));
            stream.Write(write.Content.Span);
            stream.WriteByte((byte)'\n');
        }
        return stream.ToArray();
    }

    private async Task<Dictionary<string, string>> CommitEnvironmentAsync(DateTimeOffset runTime, CancellationToken cancellationToken)
    {
        var date = string.Create(CultureInfo.InvariantCulture, $"@{runTime.ToUnixTimeSeconds()} +0000");
        var environment = new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = date, ["GIT_COMMITTER_DATE"] = date };
        if ((await _git.RunAsync(["var", "GIT_AUTHOR_IDENT"], cancellationToken: cancellationToken)).ExitCode != 0)
        {
            environment["GIT_AUTHOR_NAME"] = environment["GIT_COMMITTER_NAME"] = _fallbackIdentity.Name;
            environment["GIT_AUTHOR_EMAIL"] = environment["GIT_COMMITTER_EMAIL"] = _fallbackIdentity.Email;
        }
        return environment;
    }

    /// <summary>The working tree that has <paramref name="branch"/> checked out, if any.</summary>
    private async Task<string?> WorktreeWithBranchAsync(string branch, CancellationToken cancellationToken)
    {
        var list = await _git.RunCheckedAsync(["worktree", "list", "--porcelain"], cancellationToken: cancellationToken);
        string? worktree = null;
        foreach (var line in list.Split('\n'))
        {
            if (line.StartsWith("worktree ", StringComparison.Ordinal))
                worktree = line["worktree ".Length..];
            else if (line == "branch refs/heads/" + branch)
                return worktree;
        }
        return null;
    }
}

/// <summary>The ledger's origin for a git target: the branch and its files.</summary>
internal sealed record GitLedgerSource(string Name, RepositoryState State) : LedgerSource
{
    public override string Description => State.HeadSha is null ? $"{Name} (new branch)" : $"{Name} at {State.HeadSha[..7]}";
}
