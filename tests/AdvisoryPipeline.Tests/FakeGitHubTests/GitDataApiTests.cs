using System.Text.Json.Nodes;
using AdvisoryPipeline.FakeGitHub;
using Octokit;
using Octokit.Internal;

namespace AdvisoryPipeline.Tests.FakeGitHubTests;

/// <summary>The Git Data API of the fake, driven by the real Octokit client over TCP.</summary>
public sealed class GitDataApiTests : FakeGitHubTestBase
{

    [Fact]
    public async Task Publishing_commits_nested_files_and_fast_forwards_the_branch_at_the_root_of_the_base_uri()
    {
        var main = await GitHub.Git.Reference.Get(Owner, Name, "heads/main");
        var parent = await GitHub.Git.Commit.Get(Owner, Name, main.Object.Sha);
        var newTree = new NewTree { BaseTree = parent.Tree.Sha };
        newTree.Tree.Add(new NewTreeItem { Path = "advisories/2024/PYSEC-2024-1.json", Mode = "100644", Type = TreeType.Blob, Content = "{\"id\":1}\n" });
        newTree.Tree.Add(new NewTreeItem { Path = "advisories/2024/PYSEC-2024-2.json", Mode = "100644", Type = TreeType.Blob, Content = "{\"id\":2}\n" });
        var tree = await GitHub.Git.Tree.Create(Owner, Name, newTree);
        var commit = await GitHub.Git.Commit.Create(Owner, Name, new NewCommit("Publish 2 advisories", tree.Sha, main.Object.Sha));
        var moved = await GitHub.Git.Reference.Update(Owner, Name, "heads/main", new ReferenceUpdate(commit.Sha, force: false));

        Assert.Equal(commit.Sha, moved.Object.Sha);
        Assert.Equal("refs/heads/main", moved.Ref);
        Assert.Equal(commit.Sha, Repository.HeadOf("main"));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["README.md"] = "# advisory-db\n",
                ["advisories/2024/PYSEC-2024-1.json"] = "{\"id\":1}\n",
                ["advisories/2024/PYSEC-2024-2.json"] = "{\"id\":2}\n",
            },
            Repository.FilesOn("main"));
        Assert.Equal(["Publish 2 advisories", "Initial commit"], Repository.History("main").Select(c => c.Message));
        Assert.Equal([("README.md", "100644", TreeType.Blob), ("advisories", "040000", TreeType.Tree)],
            tree.Tree.Select(i => (i.Path, i.Mode, i.Type.Value)));
        // The base address is used as given: every route sits at its root, as on api.github.com.
        Assert.Equal(
            [
                "GET /repos/acme/advisory-db/git/refs/heads/main",
                $"GET /repos/acme/advisory-db/git/commits/{main.Object.Sha}",
                "POST /repos/acme/advisory-db/git/trees",
                "POST /repos/acme/advisory-db/git/commits",
                "PATCH /repos/acme/advisory-db/git/refs/heads/main",
            ],
            Server.Requests.All.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal(3, Server.Requests.WriteCount);
    }

    [Fact]
    public async Task Objects_read_back_as_written()
    {
        var blob = await GitHub.Git.Blob.Create(Owner, Name, new NewBlob { Content = "line\n".PadRight(100, 'x'), Encoding = EncodingType.Utf8 });
        var newTree = new NewTree();
        newTree.Tree.Add(new NewTreeItem { Path = "a/b/c.json", Mode = "100644", Type = TreeType.Blob, Sha = blob.Sha });
        newTree.Tree.Add(new NewTreeItem { Path = "run.sh", Mode = "100755", Type = TreeType.Blob, Content = "#!/bin/sh\n" });
        var tree = await GitHub.Git.Tree.Create(Owner, Name, newTree);
        var author = new Committer("Ada", "ada@example.org", new DateTimeOffset(2024, 2, 3, 4, 5, 6, TimeSpan.Zero));
        var commit = await GitHub.Git.Commit.Create(Owner, Name, new NewCommit("Message\n\nBody", tree.Sha) { Author = author });

        var readBlob = await GitHub.Git.Blob.Get(Owner, Name, blob.Sha);
        var recursive = await GitHub.Git.Tree.GetRecursive(Owner, Name, tree.Sha);
        var readCommit = await GitHub.Git.Commit.Get(Owner, Name, commit.Sha);

        Assert.Equal(EncodingType.Base64, readBlob.Encoding.Value);
        Assert.Equal("line\n".PadRight(100, 'x'), System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(readBlob.Content)));
        Assert.Equal(100, readBlob.Size);
        Assert.False(recursive.Truncated);
        Assert.Equal(["a", "a/b", "a/b/c.json", "run.sh"], recursive.Tree.Select(i => i.Path));
        Assert.Equal([TreeType.Tree, TreeType.Tree, TreeType.Blob, TreeType.Blob], recursive.Tree.Select(i => i.Type.Value));
        Assert.Equal(["040000", "040000", "100644", "100755"], recursive.Tree.Select(i => i.Mode));
        Assert.Equal(10, recursive.Tree.Single(i => i.Path == "run.sh").Size);
        Assert.Equal("Message\n\nBody", readCommit.Message);
        Assert.Equal(tree.Sha, readCommit.Tree.Sha);
        Assert.Empty(readCommit.Parents);
        Assert.Equal(("Ada", "ada@example.org", author.Date), (readCommit.Author.Name, readCommit.Author.Email, readCommit.Author.Date));
        Assert.Equal(("Ada", author.Date), (readCommit.Committer.Name, readCommit.Committer.Date));
        Assert.False(readCommit.Verification.Verified);
    }

    [Fact]
    public async Task A_tree_can_be_read_by_branch_name_and_reads_make_no_writes()
    {
        var mark = Server.Requests.Mark();

        var byBranch = await GitHub.Git.Tree.Get(Owner, Name, "main");
        var repository = await GitHub.Repository.Get(Owner, Name);

        Assert.Equal(["README.md"], byBranch.Tree.Select(i => i.Path));
        Assert.Equal(("main", "acme/advisory-db", Repository.Id), (repository.DefaultBranch, repository.FullName, repository.Id));
        Assert.Equal(2, Server.Requests.Since(mark).Count);
        Assert.DoesNotContain(Server.Requests.Since(mark), r => r.IsWrite);
    }

    [Fact]
    public async Task A_non_fast_forward_update_is_refused_unless_forced()
    {
        var initial = Repository.HeadOf("main")!;
        var tree = Repository.CommitAt(initial).TreeSha;
        var ahead = await GitHub.Git.Commit.Create(Owner, Name, new NewCommit("ahead", tree, initial));
        var sibling = await GitHub.Git.Commit.Create(Owner, Name, new NewCommit("sibling", tree, initial));
        await GitHub.Git.Reference.Update(Owner, Name, "heads/main", new ReferenceUpdate(ahead.Sha));

        var refused = await Assert.ThrowsAsync<ApiValidationException>(() =>
            GitHub.Git.Reference.Update(Owner, Name, "heads/main", new ReferenceUpdate(sibling.Sha, force: false)));
        var headAfterRefusal = Repository.HeadOf("main");
        await GitHub.Git.Reference.Update(Owner, Name, "heads/main", new ReferenceUpdate(sibling.Sha, force: true));

        Assert.Equal("Update is not a fast forward", refused.Message);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(ahead.Sha, headAfterRefusal);
        Assert.Equal(sibling.Sha, Repository.HeadOf("main"));
    }

    [Fact]
    public async Task A_protected_branch_refuses_updates_even_forced_and_deletion()
    {
        var initial = Repository.HeadOf("main")!;
        var next = await GitHub.Git.Commit.Create(Owner, Name, new NewCommit("next", Repository.CommitAt(initial).TreeSha, initial));
        Repository.ProtectBranch("main");

        var update = await Assert.ThrowsAsync<ApiValidationException>(() =>
            GitHub.Git.Reference.Update(Owner, Name, "heads/main", new ReferenceUpdate(next.Sha, force: true)));
        var delete = await Assert.ThrowsAsync<ApiValidationException>(() => GitHub.Git.Reference.Delete(Owner, Name, "heads/main"));
        await GitHub.Git.Reference.Create(Owner, Name, new NewReference("refs/heads/publish", next.Sha));
        Repository.ProtectBranch("main", isProtected: false);
        await GitHub.Git.Reference.Update(Owner, Name, "heads/main", new ReferenceUpdate(next.Sha));

        Assert.Equal("Protected branch update failed for refs/heads/main.", update.Message);
        Assert.Equal("Protected branch update failed for refs/heads/main.", delete.Message);
        Assert.Equal(["main", "publish"], Repository.Branches);
        Assert.Equal(next.Sha, Repository.HeadOf("main"));
    }

    [Fact]
    public async Task References_are_created_listed_found_by_prefix_and_deleted()
    {
        var head = Repository.HeadOf("main")!;

        var created = await GitHub.Git.Reference.Create(Owner, Name, new NewReference("refs/heads/publish/2024-05", head));
        var duplicate = await Assert.ThrowsAsync<ApiValidationException>(() =>
            GitHub.Git.Reference.Create(Owner, Name, new NewReference("refs/heads/publish/2024-05", head)));
        var all = await GitHub.Git.Reference.GetAll(Owner, Name);
        var byPrefix = await GitHub.Git.Reference.GetAllForSubNamespace(Owner, Name, "heads/publish");
        // Octokit strips a leading "refs/" itself, so both spellings reach GET …/git/refs/heads/….
        var byFullName = await GitHub.Git.Reference.Get(Owner, Name, "refs/heads/publish/2024-05");
        // GET git/ref/… wants the exact name; the older git/refs/… also answers a prefix with an array.
        var exact = await Connection.Get<Reference>(new Uri($"repos/{Owner}/{Name}/git/ref/heads/publish/2024-05", UriKind.Relative), null);
        await Assert.ThrowsAsync<NotFoundException>(() =>
            Connection.Get<Reference>(new Uri($"repos/{Owner}/{Name}/git/ref/heads/publish/2024", UriKind.Relative), null));
        var prefixArray = await Connection.Get<IReadOnlyList<Reference>>(new Uri($"repos/{Owner}/{Name}/git/refs/heads/publish/2024", UriKind.Relative), null);
        await GitHub.Git.Reference.Delete(Owner, Name, "heads/publish/2024-05");
        var gone = await Assert.ThrowsAsync<NotFoundException>(() => GitHub.Git.Reference.Get(Owner, Name, "heads/publish/2024-05"));

        Assert.Equal(("refs/heads/publish/2024-05", head, TaggedType.Commit), (created.Ref, created.Object.Sha, created.Object.Type.Value));
        Assert.Equal("Reference already exists", duplicate.Message);
        Assert.Equal(["refs/heads/main", "refs/heads/publish/2024-05"], all.Select(r => r.Ref));
        Assert.Equal(["refs/heads/publish/2024-05"], byPrefix.Select(r => r.Ref));
        Assert.Equal(head, byFullName.Object.Sha);
        Assert.Equal(head, exact.Body.Object.Sha);
        Assert.Equal(["refs/heads/publish/2024-05"], prefixArray.Body.Select(r => r.Ref));
        Assert.Equal(2, Server.Requests.CountOf("GET", "/repos/acme/advisory-db/git/refs/heads/publish/2024-05"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(["main"], Repository.Branches);
    }

    [Fact]
    public async Task A_missing_branch_whose_name_prefixes_another_comes_back_null_from_Octokit()
    {
        Repository.PushCommit("publish-2024", new Dictionary<string, string?>(), "Branch with a longer name");

        // Octokit reads refs at git/refs/{ref}, where GitHub answers a non-exact name with the array of refs
        // it prefixes; Octokit turns that array into a null Reference instead of an error.
        var prefixOfAnother = await GitHub.Git.Reference.Get(Owner, Name, "heads/publish");
        var prefixOfNothing = await Assert.ThrowsAsync<NotFoundException>(() => GitHub.Git.Reference.Get(Owner, Name, "heads/nothing"));
        // git/ref/{ref} (singular) is exact, and says 404.
        var exact = await Assert.ThrowsAsync<NotFoundException>(() =>
            Connection.Get<Reference>(new Uri($"repos/{Owner}/{Name}/git/ref/heads/publish", UriKind.Relative), null));

        Assert.Null(prefixOfAnother);
        Assert.Equal("Not Found", prefixOfNothing.Message);
        Assert.Equal("Not Found", exact.Message);
    }

    [Fact]
    public async Task Deleting_a_path_works_with_an_explicit_null_sha_sent_raw()
    {
        await Publish(("advisories/a.json", "a"), ("advisories/b.json", "b"), ("old/only.json", "o"));
        var baseTree = Repository.CommitAt(Repository.HeadOf("main")!).TreeSha;
        var treesUri = new Uri($"repos/{Owner}/{Name}/git/trees", UriKind.Relative);

        // Reflection-free: the body is JSON text from System.Text.Json, which Octokit passes through untouched.
        var body = new JsonObject
        {
            ["base_tree"] = baseTree,
            ["tree"] = new JsonArray(new JsonObject { ["path"] = "advisories/a.json", ["mode"] = "100644", ["type"] = "blob", ["sha"] = null }),
        }.ToJsonString();
        var textResponse = await Connection.Post<TreeResponse>(treesUri, body, "application/vnd.github+json", "application/json", parameters: null);
        // Or Octokit's own serializer with a body type whose Sha is marked [SerializeNull].
        var typedResponse = await new ApiConnection(Connection).Post<TreeResponse>(treesUri,
            new TreeDeletion(textResponse.Body.Sha, [new TreeDeletionItem("old/only.json")]));

        Assert.Contains("\"sha\":null", Server.Requests.All[^1].Body);
        Assert.Equal(
            ["README.md", "advisories", "advisories/b.json"],
            (await GitHub.Git.Tree.GetRecursive(Owner, Name, typedResponse.Sha)).Tree.Select(i => i.Path));
    }

    [Fact]
    public async Task Octokit_NewTreeItem_with_a_null_sha_is_refused_like_on_GitHub()
    {
        await Publish(("advisories/a.json", "a"));
        var newTree = new NewTree { BaseTree = Repository.CommitAt(Repository.HeadOf("main")!).TreeSha };
        newTree.Tree.Add(new NewTreeItem { Path = "advisories/a.json", Mode = "100644", Type = TreeType.Blob, Sha = null });

        var refused = await Assert.ThrowsAsync<ApiValidationException>(() => GitHub.Git.Tree.Create(Owner, Name, newTree));

        // Octokit 14's serializer drops the null, so GitHub sees an entry with neither sha nor content.
        Assert.DoesNotContain("\"sha\"", Server.Requests.All[^1].Body);
        Assert.Equal("Must supply either tree.sha or tree.content. Request will be rejected if both are present.", refused.Message);
    }

    [Fact]
    public async Task Tree_entries_with_both_sha_and_content_or_bad_paths_are_refused()
    {
        var blob = await GitHub.Git.Blob.Create(Owner, Name, new NewBlob { Content = "x", Encoding = EncodingType.Utf8 });
        var both = new NewTree();
        both.Tree.Add(new NewTreeItem { Path = "x", Mode = "100644", Type = TreeType.Blob, Sha = blob.Sha, Content = "x" });
        var badPath = new NewTree();
        badPath.Tree.Add(new NewTreeItem { Path = "a//b", Mode = "100644", Type = TreeType.Blob, Content = "x" });
        var unknownSha = new NewTree();
        unknownSha.Tree.Add(new NewTreeItem { Path = "a", Mode = "100644", Type = TreeType.Blob, Sha = new string('0', 40) });

        var errors = new[]
        {
            await Assert.ThrowsAsync<ApiValidationException>(() => GitHub.Git.Tree.Create(Owner, Name, both)),
            await Assert.ThrowsAsync<ApiValidationException>(() => GitHub.Git.Tree.Create(Owner, Name, badPath)),
            await Assert.ThrowsAsync<ApiValidationException>(() => GitHub.Git.Tree.Create(Owner, Name, unknownSha)),
        };

        Assert.Equal(
            [
                "Must supply either tree.sha or tree.content. Request will be rejected if both are present.",
                "tree.path 'a//b' contains a malformed path component",
                $"tree.sha {new string('0', 40)} is not a valid blob",
            ],
            errors.Select(e => e.Message));
    }

    [Fact]
    public async Task A_recursive_listing_above_the_entry_limit_is_truncated()
    {
        await Publish([.. Enumerable.Range(0, 12).Select(i => ($"advisories/{i:00}.json", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        var head = Repository.HeadOf("main")!;

        var whole = await GitHub.Git.Tree.GetRecursive(Owner, Name, head);
        Server.TreeEntryLimit = 5;
        var cut = await GitHub.Git.Tree.GetRecursive(Owner, Name, head);

        Assert.False(whole.Truncated);
        Assert.Equal(14, whole.Tree.Count);
        Assert.True(cut.Truncated);
        Assert.Equal(whole.Tree.Take(5).Select(i => i.Path), cut.Tree.Select(i => i.Path));
    }

    [Fact]
    public async Task Requests_need_the_token()
    {
        var anonymous = await Assert.ThrowsAsync<AuthorizationException>(() => OctokitClients.Anonymous(Server).Repository.Get(Owner, Name));
        var wrong = await Assert.ThrowsAsync<AuthorizationException>(() => OctokitClients.Client(Server, "ghp_wrong").Repository.Get(Owner, Name));
        var bearer = new GitHubClient(new Connection(new ProductHeaderValue("advisory-tests"), Server.BaseUri,
            new InMemoryCredentialStore(new Credentials(Server.Token, AuthenticationType.Bearer))));

        Assert.Equal(("Requires authentication", System.Net.HttpStatusCode.Unauthorized), (anonymous.Message, anonymous.StatusCode));
        Assert.Equal("Bad credentials", wrong.Message);
        Assert.Equal(Name, (await bearer.Repository.Get(Owner, Name)).Name);
        Assert.Equal([401, 401, 200], Server.Requests.All.Select(r => r.Status));
    }

    [Fact]
    public async Task Unknown_repositories_and_objects_are_404()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => GitHub.Repository.Get(Owner, "missing"));
        await Assert.ThrowsAsync<NotFoundException>(() => GitHub.Git.Commit.Get(Owner, Name, new string('a', 40)));
        await Assert.ThrowsAsync<NotFoundException>(() => GitHub.Git.Tree.Get(Owner, Name, "no-such-branch"));
        var wrongPrefix = await Assert.ThrowsAsync<NotFoundException>(() =>
            Connection.Get<Reference>(new Uri("api/v3/repos/acme/advisory-db", UriKind.Relative), null));

        Assert.Equal("Not Found", wrongPrefix.Message);
    }

    private async Task Publish(params (string Path, string Content)[] files)
    {
        var head = Repository.HeadOf("main")!;
        var newTree = new NewTree { BaseTree = Repository.CommitAt(head).TreeSha };
        foreach (var (path, content) in files)
            newTree.Tree.Add(new NewTreeItem { Path = path, Mode = "100644", Type = TreeType.Blob, Content = content });
        var tree = await GitHub.Git.Tree.Create(Owner, Name, newTree);
        var commit = await GitHub.Git.Commit.Create(Owner, Name, new NewCommit("publish", tree.Sha, head));
        await GitHub.Git.Reference.Update(Owner, Name, "heads/main", new ReferenceUpdate(commit.Sha));
    }

    /// <summary>A create-tree body for Octokit's serializer, which omits null properties unless told otherwise.</summary>
    private sealed class TreeDeletion(string baseTree, IReadOnlyList<TreeDeletionItem> tree)
    {
        public string BaseTree { get; } = baseTree;

        public IReadOnlyList<TreeDeletionItem> Tree { get; } = tree;
    }

    private sealed class TreeDeletionItem(string path)
    {
        public string Path { get; } = path;

        public string Mode => "100644";

        public string Type => "blob";

        [SerializeNull]
        public string? Sha => null;
    }
}
