using AdvisoryPipeline.Diagnostics;
using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Publishing.Repository;
using Octokit;

namespace AdvisoryPipeline.Publishing.GitHub;

/// <summary>How moving a branch ended.</summary>
internal enum BranchMove
{
    Moved,

    /// <summary>422 "Update is not a fast forward": the branch moved since it was read.</summary>
    NotFastForward,

    /// <summary>422 on a protected branch (or one a ruleset protects).</summary>
    Protected,
}

/// <summary>An open pull request.</summary>
internal sealed record PullRequestInfo(int Number, string Url);

/// <summary>A file of a create-tree request: new content, or a deletion (<c>"sha": null</c>).</summary>
internal sealed record TreeEntryChange(string Path, string? Content)
{
    public bool IsDeletion => Content is null;
}

/// <summary>
/// The GitHub REST calls the publisher makes, through Octokit's <see cref="IConnection"/> and client, each sent by
/// the <see cref="GitHubRequestRunner"/>. Failures a retry does not fix become <see cref="PublishFailedException"/>s
/// whose messages never contain the token. Create-tree and create-commit bodies are written with
/// <see cref="Utf8JsonWriter"/>: a deletion needs an explicit <c>"sha": null</c>, which Octokit 14's serializer
/// drops from its own <see cref="NewTreeItem"/>, and Octokit passes a string body through untouched.
/// </summary>
internal sealed class GitHubApi
{
    private const string Accepts = "application/vnd.github+json";
    private const string JsonContentType = "application/json";
    private const int ParallelBlobReads = 4;

    private static readonly string[] SignatureRoles = ["author", "committer"];

    private readonly IConnection _connection;
    private readonly GitHubClient _client;
    private readonly GitHubRequestRunner _runner;
    private readonly string _repositoryPath;

    public GitHubApi(IConnection connection, string owner, string repository, GitHubRequestRunner runner)
    {
        _connection = connection;
        _client = new GitHubClient(connection);
        _runner = runner;
        Owner = owner;
        Repository = repository;
        _repositoryPath = $"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(repository)}";
    }

    public string Owner { get; }

    public string Repository { get; }

    public string FullName => $"{Owner}/{Repository}";

    public Task<string> DefaultBranchAsync(CancellationToken cancellationToken) =>
        SendAsync("read the repository", async () => (await _client.Repository.Get(Owner, Repository)).DefaultBranch, cancellationToken);

    /// <summary>The commit a branch points to, or null when there is no such branch (exact name, not a prefix).</summary>
    public Task<string?> BranchHeadAsync(string branch, CancellationToken cancellationToken) =>
        SendAsync($"read the branch {branch}", async () =>
        {
            try
            {
                var reference = await _connection.Get<Reference>(Relative($"git/ref/heads/{EscapeBranch(branch)}"), null, Accepts, cancellationToken);
                return reference.Body.Object.Sha;
            }
            catch (NotFoundException)
            {
                return null;
            }
        }, cancellationToken);

    /// <summary>A tree (or a commit's tree), with its sub-trees when <paramref name="recursive"/>.</summary>
    public Task<TreeResponse> TreeAsync(string sha, bool recursive, CancellationToken cancellationToken) =>
        SendAsync($"read the tree {sha}", async () =>
        {
            var parameters = recursive ? new Dictionary<string, string> { ["recursive"] = "1" } : null;
            return (await _connection.Get<TreeResponse>(Relative($"git/trees/{sha}"), parameters, Accepts, cancellationToken)).Body;
        }, cancellationToken);

    /// <summary>Reads blobs, a few at a time.</summary>
    public async Task<IReadOnlyDictionary<string, byte[]>> BlobsAsync(IReadOnlyList<string> shas, CancellationToken cancellationToken)
    {
        var blobs = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(shas, new ParallelOptions { MaxDegreeOfParallelism = ParallelBlobReads, CancellationToken = cancellationToken },
            async (sha, token) => blobs[sha] = await BlobAsync(sha, token));
        return blobs;
    }

    private Task<byte[]> BlobAsync(string sha, CancellationToken cancellationToken) =>
        SendAsync($"read the blob {sha}", async () =>
        {
            var blob = (await _connection.Get<Blob>(Relative($"git/blobs/{sha}"), null, Accepts, cancellationToken)).Body;
            return blob.Encoding.StringValue == "base64"
                ? Convert.FromBase64String(blob.Content.Replace("\n", "", StringComparison.Ordinal))
                : Encoding.UTF8.GetBytes(blob.Content);
        }, cancellationToken);

    /// <summary>Creates a tree from a base tree and changed files; repeating it is harmless (content-addressed).</summary>
    public Task<string> CreateTreeAsync(string baseTree, IReadOnlyList<TreeEntryChange> entries, CancellationToken cancellationToken)
    {
        var body = JsonBody(writer =>
        {
            writer.WriteString("base_tree", baseTree);
            writer.WriteStartArray("tree");
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("path", entry.Path);
                writer.WriteString("mode", "100644");
                writer.WriteString("type", "blob");
                if (entry.IsDeletion)
                    writer.WriteNull("sha");
                else
                    writer.WriteString("content", entry.Content);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        });
        return SendAsync($"create a tree of {entries.Count} files", async () =>
            (await _connection.Post<TreeResponse>(Relative("git/trees"), body, Accepts, JsonContentType, (IDictionary<string, string>?)null, cancellationToken)).Body.Sha,
            cancellationToken);
    }

    /// <summary>Creates a commit with explicit author, committer and date, so that repeating it gives the same commit.</summary>
    public Task<string> CreateCommitAsync(string message, string tree, string parent, CommitIdentity identity, DateTimeOffset date, CancellationToken cancellationToken)
    {
        var body = JsonBody(writer =>
        {
            writer.WriteString("message", message);
            writer.WriteString("tree", tree);
            writer.WriteStartArray("parents");
            writer.WriteStringValue(parent);
            writer.WriteEndArray();
            foreach (var role in SignatureRoles)
            {
                writer.WriteStartObject(role);
                writer.WriteString("name", identity.Name);
                writer.WriteString("email", identity.Email);
                writer.WriteString("date", date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }
        });
        return SendAsync("create the commit", async () =>
            (await _connection.Post<Commit>(Relative("git/commits"), body, Accepts, JsonContentType, (IDictionary<string, string>?)null, cancellationToken)).Body.Sha,
            cancellationToken);
    }

    /// <summary>Moves a branch from <paramref name="expected"/> to <paramref name="commit"/>, fast-forward only.</summary>
    public Task<BranchMove> MoveBranchAsync(string branch, string expected, string commit, CancellationToken cancellationToken) =>
        SendAsync($"move the branch {branch}", async () =>
        {
            try
            {
                await _client.Git.Reference.Update(Owner, Repository, "heads/" + branch, new ReferenceUpdate(commit, force: false));
                return BranchMove.Moved;
            }
            catch (ApiValidationException refused) when (IsNotFastForward(refused))
            {
                return BranchMove.NotFastForward;
            }
            catch (ApiValidationException refused) when (IsProtected(refused))
            {
                return BranchMove.Protected;
            }
        }, cancellationToken, check: async () => await BranchHeadAsync(branch, cancellationToken) switch
        {
            var head when head == commit => WriteCheck<BranchMove>.Completed(BranchMove.Moved),
            var head when head == expected => WriteCheck<BranchMove>.NotDone,
            _ => WriteCheck<BranchMove>.Completed(BranchMove.NotFastForward),
        });

    /// <summary>Creates a branch at <paramref name="commit"/>.</summary>
    /// <returns>The branch's commit: <paramref name="commit"/>, or another one when the branch already existed.</returns>
    public Task<string> CreateBranchAsync(string branch, string commit, CancellationToken cancellationToken) =>
        SendAsync($"create the branch {branch}", async () =>
        {
            try
            {
                await _client.Git.Reference.Create(Owner, Repository, new NewReference("refs/heads/" + branch, commit));
                return commit;
            }
            catch (ApiValidationException exists) when (exists.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase))
            {
                return await BranchHeadAsync(branch, cancellationToken) ?? throw Failure($"create the branch {branch}", exists);
            }
        }, cancellationToken, check: async () => await BranchHeadAsync(branch, cancellationToken) is { } head
            ? WriteCheck<string>.Completed(head)
            : WriteCheck<string>.NotDone);

    public Task<PullRequestInfo?> OpenPullRequestAsync(string head, string baseBranch, CancellationToken cancellationToken) =>
        SendAsync($"look for a pull request from {head}", async () =>
        {
            var request = new PullRequestRequest { State = ItemStateFilter.Open, Head = $"{Owner}:{head}", Base = baseBranch };
            var pulls = await _client.PullRequest.GetAllForRepository(Owner, Repository, request, new ApiOptions { PageCount = 1, PageSize = 1, StartPage = 1 });
            return pulls.Count == 0 ? null : new PullRequestInfo(pulls[0].Number, pulls[0].HtmlUrl);
        }, cancellationToken);

    public Task<PullRequestInfo> CreatePullRequestAsync(string title, string body, string head, string baseBranch, CancellationToken cancellationToken) =>
        SendAsync($"open a pull request from {head}", async () =>
        {
            try
            {
                var pull = await _client.PullRequest.Create(Owner, Repository, new NewPullRequest(title, head, baseBranch) { Body = body });
                return new PullRequestInfo(pull.Number, pull.HtmlUrl);
            }
            catch (ApiValidationException exists) when (exists.ApiError?.Errors?.Any(error => error.Message?.Contains("already exists", StringComparison.OrdinalIgnoreCase) == true) == true)
            {
                return await OpenPullRequestAsync(head, baseBranch, cancellationToken) ?? throw Failure($"open a pull request from {head}", exists);
            }
        }, cancellationToken, check: async () => await OpenPullRequestAsync(head, baseBranch, cancellationToken) is { } open
            ? WriteCheck<PullRequestInfo>.Completed(open)
            : WriteCheck<PullRequestInfo>.NotDone);

    private Task<T> SendAsync<T>(string action, Func<Task<T>> send, CancellationToken cancellationToken, Func<Task<WriteCheck<T>>>? check = null) =>
        _runner.SendToAsync(FullName, action, send, check, cancellationToken);

    private PublishFailedException Failure(string action, ApiException failure) =>
        GitHubFailures.Final(action, FullName, failure);

    private static bool IsNotFastForward(ApiValidationException refused) =>
        refused.Message.Contains("fast forward", StringComparison.OrdinalIgnoreCase);

    private static bool IsProtected(ApiValidationException refused) =>
        refused.Message.Contains("protected", StringComparison.OrdinalIgnoreCase)
        || refused.Message.Contains("rule violation", StringComparison.OrdinalIgnoreCase);

    private Uri Relative(string path) => new($"{_repositoryPath}/{path}", UriKind.Relative);

    private static string EscapeBranch(string branch) => string.Join('/', branch.Split('/').Select(Uri.EscapeDataString));

    private static string JsonBody(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
