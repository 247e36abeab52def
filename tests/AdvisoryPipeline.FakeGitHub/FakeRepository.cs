using AdvisoryPipeline.FakeGitHub.Api;
using AdvisoryPipeline.FakeGitHub.Git;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.FakeGitHub;

/// <summary>
/// One repository of the fake: git objects, refs, branch protection, pull requests and security advisories.
/// Tests use the public members to arrange and to assert; the endpoints use the internal ones, which enforce
/// GitHub's rules and throw <see cref="GitHubApiError"/> for what GitHub would refuse. Every member takes the
/// repository's lock, so concurrent requests see consistent state.
/// </summary>
public sealed class FakeRepository
{
    private readonly Lock _gate = new();
    private readonly GitObjectStore _objects = new();
    private readonly Dictionary<string, string> _refs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _protectedBranches = new(StringComparer.Ordinal);
    private readonly List<PullRequestRecord> _pulls = [];
    private readonly List<SecurityAdvisoryRecord> _advisories = [];
    private readonly TimeProvider _clock;
    private readonly GitSignature _pusher;

    internal FakeRepository(long id, string owner, string name, string defaultBranch, TimeProvider clock, string userLogin)
    {
        Id = id;
        Owner = owner;
        Name = name;
        DefaultBranch = defaultBranch;
        _clock = clock;
        CreatedAt = clock.GetUtcNow();
        UserLogin = userLogin;
        _pusher = new GitSignature(userLogin, userLogin + "@users.noreply.github.com", CreatedAt);
    }

    public long Id { get; }

    public string Owner { get; }

    public string Name { get; }

    public string FullName => Owner + "/" + Name;

    public string DefaultBranch { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>The login of the token's user: author of commits, pulls and advisories made through the API.</summary>
    internal string UserLogin { get; }

    internal DateTimeOffset Now => _clock.GetUtcNow();

    // ---- Arrange and assert (tests) ----

    /// <summary>The commit a branch points to, or null when the branch does not exist.</summary>
    public string? HeadOf(string branch)
    {
        lock (_gate)
            return _refs.GetValueOrDefault(BranchRef(branch));
    }

    public IReadOnlyList<string> Branches
    {
        get
        {
            lock (_gate)
                return [.. _refs.Keys.Where(r => r.StartsWith("refs/heads/", StringComparison.Ordinal))
                    .Select(r => r["refs/heads/".Length..]).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>The files (path to UTF-8 text) of a commit's tree.</summary>
    public IReadOnlyDictionary<string, string> FilesAt(string commitSha)
    {
        lock (_gate)
            return _objects.Files(_objects.Get<GitCommit>(commitSha).TreeSha);
    }

    public IReadOnlyDictionary<string, string> FilesOn(string branch) =>
        FilesAt(HeadOf(branch) ?? throw new InvalidOperationException($"{FullName} has no branch '{branch}'."));

    public GitCommit CommitAt(string sha)
    {
        lock (_gate)
            return _objects.Get<GitCommit>(sha);
    }

    /// <summary>The first-parent history of a branch, newest first.</summary>
    public IReadOnlyList<GitCommit> History(string branch)
    {
        lock (_gate)
        {
            var history = new List<GitCommit>();
            for (var sha = _refs.GetValueOrDefault(BranchRef(branch)); sha is not null;)
            {
                var commit = _objects.Get<GitCommit>(sha);
                history.Add(commit);
                sha = commit.ParentShas.Count > 0 ? commit.ParentShas[0] : null;
            }
            return history;
        }
    }

    public IReadOnlyList<PullRequestRecord> PullRequests
    {
        get
        {
            lock (_gate)
                return [.. _pulls];
        }
    }

    public IReadOnlyList<PullRequestRecord> OpenPullRequests => [.. PullRequests.Where(p => p.IsOpen)];

    public IReadOnlyList<SecurityAdvisoryRecord> Advisories
    {
        get
        {
            lock (_gate)
                return [.. _advisories];
        }
    }

    /// <summary>Turns branch protection on or off: protected branches refuse ref updates and deletion through the API.</summary>
    public void ProtectBranch(string branch, bool isProtected = true)
    {
        lock (_gate)
        {
            if (isProtected)
                _protectedBranches.Add(branch);
            else
                _protectedBranches.Remove(branch);
        }
    }

    /// <summary>
    /// Pushes one commit straight to a branch (as <c>git push</c> by someone else would), bypassing protection.
    /// A null content deletes the file. A missing branch starts from the default branch.
    /// </summary>
    /// <returns>The new commit's SHA.</returns>
    public string PushCommit(string branch, IReadOnlyDictionary<string, string?> changes, string message)
    {
        lock (_gate)
        {
            var parent = _refs.GetValueOrDefault(BranchRef(branch)) ?? _refs.GetValueOrDefault(BranchRef(DefaultBranch));
            var edits = changes.Select(change => change.Value is null
                ? (TreeEdit)new RemoveTreeEntry(change.Key)
                : new SetTreeEntry(change.Key, GitTreeEntry.FileMode, _objects.Put(GitBlob.FromText(change.Value)).Sha));
            var tree = new GitTreeEditor(_objects).Apply(parent is null ? null : _objects.Get<GitCommit>(parent).TreeSha, edits);
            var signature = _pusher with { When = Now };
            var commit = _objects.Put(new GitCommit(tree.Sha, parent is null ? [] : [parent], signature, signature, message));
            _refs[BranchRef(branch)] = commit.Sha;
            return commit.Sha;
        }
    }

    // ---- Operations behind the endpoints ----

    internal T? FindObject<T>(string sha) where T : GitObject
    {
        lock (_gate)
            return _objects.Find<T>(sha);
    }

    internal GitBlob PutBlob(byte[] content)
    {
        lock (_gate)
            return _objects.Put(new GitBlob(content));
    }

    /// <summary>Runs a read over the object store under the lock (walks must not race with writers).</summary>
    internal T ReadObjects<T>(Func<GitObjectStore, T> read)
    {
        lock (_gate)
            return read(_objects);
    }

    internal GitTree CreateTree(string? baseTreeSha, IReadOnlyList<TreeEdit> edits)
    {
        lock (_gate)
        {
            if (baseTreeSha is not null && _objects.Find<GitTree>(baseTreeSha) is null)
                throw GitHubApiError.Unprocessable("base_tree is not a valid tree oid", DocumentationUrls.CreateTree);
            foreach (var set in edits.OfType<SetTreeEntry>())
            {
                var type = GitTreeEntry.ObjectTypeOf(set.Mode);
                var exists = type switch
                {
                    "tree" => _objects.Find<GitTree>(set.Sha) is not null,
                    "blob" => _objects.Find<GitBlob>(set.Sha) is not null,
                    _ => true, // a submodule's commit lives in another repository
                };
                if (!exists)
                    throw GitHubApiError.Unprocessable($"tree.sha {set.Sha} is not a valid {type}", DocumentationUrls.CreateTree);
            }
            try
            {
                return new GitTreeEditor(_objects).Apply(baseTreeSha, edits);
            }
            catch (TreeEditException e)
            {
                throw GitHubApiError.Unprocessable(e.Message, DocumentationUrls.CreateTree);
            }
        }
    }

    internal GitCommit CreateCommit(string treeSha, IReadOnlyList<string> parentShas, GitSignature? author, GitSignature? committer, string message)
    {
        lock (_gate)
        {
            if (_objects.Find<GitTree>(treeSha) is null)
                throw GitHubApiError.Unprocessable("Tree SHA does not exist", DocumentationUrls.CreateCommit);
            if (parentShas.Any(p => _objects.Find<GitCommit>(p) is null))
                throw GitHubApiError.Unprocessable("Parent SHA does not exist or is not a commit object", DocumentationUrls.CreateCommit);
            // GitHub fills a missing author with the token's user and now, and a missing committer with the author.
            var effectiveAuthor = author ?? _pusher with { When = Now };
            return _objects.Put(new GitCommit(treeSha, parentShas, effectiveAuthor, committer ?? effectiveAuthor, message));
        }
    }

    internal string? FindRef(string fullRef)
    {
        lock (_gate)
            return _refs.GetValueOrDefault(fullRef);
    }

    /// <summary>Refs whose full name starts with <paramref name="prefix"/>, ordered by name.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> RefsStartingWith(string prefix)
    {
        lock (_gate)
            return [.. _refs.Where(r => r.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(r => r.Key, StringComparer.Ordinal)];
    }

    internal void CreateRef(string fullRef, string sha)
    {
        lock (_gate)
        {
            if (!fullRef.StartsWith("refs/", StringComparison.Ordinal) || fullRef.Count(c => c == '/') < 2)
                throw GitHubApiError.Unprocessable("Reference name must start with 'refs/' and have at least two slashes.", DocumentationUrls.CreateReference);
            if (_refs.ContainsKey(fullRef))
                throw GitHubApiError.Unprocessable("Reference already exists", DocumentationUrls.CreateReference);
            if (_objects.Find<GitObject>(sha) is null)
                throw GitHubApiError.Unprocessable("Object does not exist", DocumentationUrls.CreateReference);
            _refs[fullRef] = sha;
        }
    }

    internal void UpdateRef(string fullRef, string sha, bool force)
    {
        lock (_gate)
        {
            if (!_refs.TryGetValue(fullRef, out var current))
                throw GitHubApiError.Unprocessable("Reference does not exist", DocumentationUrls.UpdateReference);
            RefuseProtected(fullRef, DocumentationUrls.UpdateReference);
            if (_objects.Find<GitObject>(sha) is null)
                throw GitHubApiError.Unprocessable("Object does not exist", DocumentationUrls.UpdateReference);
            if (!force && (_objects.Find<GitCommit>(sha) is null || !_objects.IsAncestor(current, sha)))
                throw GitHubApiError.Unprocessable("Update is not a fast forward", DocumentationUrls.UpdateReference);
            _refs[fullRef] = sha;
        }
    }

    internal void DeleteRef(string fullRef)
    {
        lock (_gate)
        {
            if (!_refs.ContainsKey(fullRef))
                throw GitHubApiError.Unprocessable("Reference does not exist", DocumentationUrls.DeleteReference);
            RefuseProtected(fullRef, DocumentationUrls.DeleteReference);
            _refs.Remove(fullRef);
        }
    }

    internal PullRequestRecord OpenPullRequest(string title, string? body, string headBranch, string baseBranch, bool draft, long id)
    {
        lock (_gate)
        {
            var headSha = _refs.GetValueOrDefault(BranchRef(headBranch));
            var baseSha = _refs.GetValueOrDefault(BranchRef(baseBranch));
            if (headSha is null)
                throw GitHubApiError.ValidationFailed(DocumentationUrls.CreatePull, new ErrorDetail("PullRequest", "head", "invalid", null));
            if (baseSha is null)
                throw GitHubApiError.ValidationFailed(DocumentationUrls.CreatePull, new ErrorDetail("PullRequest", "base", "invalid", null));
            if (_pulls.Any(p => p.IsOpen && p.HeadBranch == headBranch && p.BaseBranch == baseBranch))
                throw GitHubApiError.ValidationFailed(DocumentationUrls.CreatePull,
                    new ErrorDetail("PullRequest", null, "custom", $"A pull request already exists for {Owner}:{headBranch}."));
            if (_objects.IsAncestor(headSha, baseSha))
                throw GitHubApiError.ValidationFailed(DocumentationUrls.CreatePull,
                    new ErrorDetail("PullRequest", null, "custom", $"No commits between {baseBranch} and {headBranch}"));
            var pull = new PullRequestRecord(id, _pulls.Count + 1, title, body, headBranch, baseBranch, draft, "open", UserLogin, Now);
            _pulls.Add(pull);
            return pull;
        }
    }

    internal PullRequestRecord? FindPullRequest(int number)
    {
        lock (_gate)
            return _pulls.FirstOrDefault(p => p.Number == number);
    }

    private readonly List<string> _cveRequests = [];

    /// <summary>The GHSA IDs of the advisories a CVE was requested for, in order.</summary>
    public IReadOnlyList<string> CveRequests
    {
        get
        {
            lock (_cveRequests) return [.. _cveRequests];
        }
    }

    /// <summary>Records a CVE request; false when one was made before for that advisory.</summary>
    internal bool RequestCve(string ghsaId)
    {
        lock (_cveRequests)
        {
            if (_cveRequests.Contains(ghsaId, StringComparer.Ordinal)) return false;
            _cveRequests.Add(ghsaId);
            return true;
        }
    }

    /// <summary>Adds an advisory as if someone had made it on GitHub, or replaces the one with its GHSA ID (for import tests).</summary>
    public void Add(SecurityAdvisoryRecord advisory)
    {
        if (UpdateAdvisory(advisory.GhsaId, _ => advisory) is null) AddAdvisory(advisory);
    }

    internal void AddAdvisory(SecurityAdvisoryRecord advisory)
    {
        lock (_gate)
            _advisories.Add(advisory);
    }

    internal SecurityAdvisoryRecord? FindAdvisory(string ghsaId)
    {
        lock (_gate)
            return _advisories.FirstOrDefault(a => string.Equals(a.GhsaId, ghsaId, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Replaces an advisory with the result of <paramref name="update"/>, atomically.</summary>
    internal SecurityAdvisoryRecord? UpdateAdvisory(string ghsaId, Func<SecurityAdvisoryRecord, SecurityAdvisoryRecord> update)
    {
        lock (_gate)
        {
            var index = _advisories.FindIndex(a => string.Equals(a.GhsaId, ghsaId, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
                return null;
            return _advisories[index] = update(_advisories[index]);
        }
    }

    /// <summary>Creates the first commit, as GitHub's "initialize with a README" does.</summary>
    internal void Initialise(string readme)
    {
        PushCommit(DefaultBranch, new Dictionary<string, string?> { ["README.md"] = readme }, "Initial commit");
    }

    private void RefuseProtected(string fullRef, string documentationUrl)
    {
        if (fullRef.StartsWith("refs/heads/", StringComparison.Ordinal) && _protectedBranches.Contains(fullRef["refs/heads/".Length..]))
            throw GitHubApiError.Unprocessable(ProtectedBranchMessage(fullRef), documentationUrl);
    }

    internal static string ProtectedBranchMessage(string fullRef) => $"Protected branch update failed for {fullRef}.";

    private static string BranchRef(string branch) => "refs/heads/" + branch;
}
