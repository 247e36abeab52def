using System.Text;
using AdvisoryPipeline.FakeGitHub;
using AdvisoryPipeline.FakeGitHub.Git;
using AdvisoryPipeline.Tests.TestSupport;
using Octokit;

namespace AdvisoryPipeline.Tests.FakeGitHubTests;

/// <summary>The fake's object ids are git's: every one is checked against the real git command line.</summary>
public sealed class GitObjectShaTests : IDisposable
{
    private readonly TemporaryGitRepository _git = TemporaryGitRepository.Empty();

    public void Dispose() => _git.Dispose();

    public static TheoryData<string> BlobContents => new()
    {
        "",
        "hello\n",
        "{\"id\": \"PYSEC-2024-1\"}",
        "caf\u00e9 \u20ac \U0001F600\r\nno final newline",
        "nul\0inside",
    };

    [Theory]
    [MemberData(nameof(BlobContents))]
    public void Blob_ids_equal_git_hash_object(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        Assert.Equal(_git.HashBlob(bytes), new GitBlob(bytes).Sha);
    }

    [Fact]
    public void Blob_of_arbitrary_bytes_equals_git_hash_object()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)(255 - i)).ToArray();

        Assert.Equal(_git.HashBlob(bytes), new GitBlob(bytes).Sha);
    }

    [Fact]
    public void Trees_sort_directories_as_if_named_with_a_slash_and_hash_like_git_mktree()
    {
        var file = _git.HashBlob("x\n"u8.ToArray());
        var subtree = _git.MkTree([("100644", "blob", file, "inner.json")]);
        (string Mode, string Type, string Sha, string Name)[] entries =
        [
            ("040000", "tree", subtree, "foo"),
            ("100644", "blob", file, "foo.json"),
            ("100644", "blob", file, "foo-bar"),
            ("100755", "blob", file, "run.sh"),
            ("120000", "blob", file, "link"),
            ("100644", "blob", file, "\u00e9t\u00e9.md"),
            ("100644", "blob", file, "Z"),
        ];

        var tree = new GitTree(entries.Select(e => new GitTreeEntry(e.Mode.TrimStart('0'), e.Name, e.Sha)));

        Assert.Equal(_git.MkTree(entries), tree.Sha);
        // '-' (0x2d) < '.' (0x2e) < '/' (0x2f): the directory "foo" sorts after both files.
        Assert.Equal(["Z", "foo-bar", "foo.json", "foo", "link", "run.sh", "\u00e9t\u00e9.md"], tree.Entries.Select(e => e.Name));
        Assert.Equal(_git.MkTree([]), GitTree.Empty.Sha);
    }

    [Theory]
    [InlineData("Publish advisories", 1_700_000_000, "+02:00", "+0200")]
    [InlineData("Line one\n\nBody with trailing newline\n", 1_600_000_123, "-05:30", "-0530")]
    [InlineData("Unicode \u00fc\u00df", 1_000_000_000, "+00:00", "+0000")]
    public void Commit_ids_equal_git_commit_tree(string message, long unixSeconds, string offset, string gitOffset)
    {
        var tree = _git.MkTree([("100644", "blob", _git.HashBlob("a\n"u8.ToArray()), "a.txt")]);
        var root = _git.CommitTree(tree, [], "root", ("Root", "root@example.org", "1500000000 +0000"), ("Root", "root@example.org", "1500000000 +0000"));
        var other = _git.CommitTree(tree, [], "other", ("Root", "root@example.org", "1500000001 +0000"), ("Root", "root@example.org", "1500000001 +0000"));
        var when = DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToOffset(TimeSpan.Parse(offset.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture));
        var gitDate = $"{unixSeconds} {gitOffset}";

        var commit = new GitCommit(tree, [root, other],
            new GitSignature("J\u00f6rg Author", "author@example.org", when),
            new GitSignature("Committer", "committer@example.org", when.AddMinutes(5)),
            message);

        var expected = _git.CommitTree(tree, [root, other], message,
            ("J\u00f6rg Author", "author@example.org", gitDate),
            ("Committer", "committer@example.org", $"{unixSeconds + 300} {gitOffset}"));
        Assert.Equal(expected, commit.Sha);
    }

    [Fact]
    public async Task Objects_made_through_Octokit_are_real_git_objects()
    {
        await using var server = await FakeGitHubServer.StartNewAsync();
        var repository = server.CreateRepository("acme", "advisory-db");
        var github = OctokitClients.Client(server);

        var utf8 = await github.Git.Blob.Create("acme", "advisory-db", new NewBlob { Content = "{\"id\":\"X\"}\n", Encoding = EncodingType.Utf8 });
        var base64 = await github.Git.Blob.Create("acme", "advisory-db",
            new NewBlob { Content = Convert.ToBase64String([0, 1, 2, 255]), Encoding = EncodingType.Base64 });
        var newTree = new NewTree();
        newTree.Tree.Add(new NewTreeItem { Path = "advisories/PYSEC-1.json", Mode = "100644", Type = TreeType.Blob, Sha = utf8.Sha });
        newTree.Tree.Add(new NewTreeItem { Path = "advisories/bin/data", Mode = "100644", Type = TreeType.Blob, Sha = base64.Sha });
        newTree.Tree.Add(new NewTreeItem { Path = "index.json", Mode = "100644", Type = TreeType.Blob, Content = "[]\n" });
        var tree = await github.Git.Tree.Create("acme", "advisory-db", newTree);
        var when = new DateTimeOffset(2024, 5, 1, 12, 30, 15, TimeSpan.FromHours(2));
        var commit = await github.Git.Commit.Create("acme", "advisory-db",
            new NewCommit("Publish 1 advisory", tree.Sha, repository.HeadOf("main")!)
            {
                Author = new Committer("Advisory Bot", "bot@example.org", when),
                Committer = new Committer("Advisory Bot", "bot@example.org", when),
            });

        // Every object the fake holds is accepted by git (which checks the format) under the same id; this also
        // gives git the initial commit that the independent rebuild below uses as parent.
        foreach (var gitObject in repository.ReadObjects(store => store.All.ToList()))
            Assert.Equal(gitObject.Sha, _git.HashObject(gitObject.Type, gitObject.Body.ToArray()));
        Assert.Equal(_git.HashBlob("{\"id\":\"X\"}\n"u8.ToArray()), utf8.Sha);
        Assert.Equal(_git.HashBlob([0, 1, 2, 255]), base64.Sha);
        var bin = _git.MkTree([("100644", "blob", base64.Sha, "data")]);
        var advisories = _git.MkTree([("100644", "blob", utf8.Sha, "PYSEC-1.json"), ("040000", "tree", bin, "bin")]);
        var root = _git.MkTree([("040000", "tree", advisories, "advisories"), ("100644", "blob", _git.HashBlob("[]\n"u8.ToArray()), "index.json")]);
        Assert.Equal(root, tree.Sha);
        // Octokit sends dates in UTC ("2024-05-01T10:30:15Z"), so the +02:00 offset never reaches the commit.
        Assert.Contains("\"date\":\"2024-05-01T10:30:15Z\"", server.Requests.All.Single(r => r.Path.EndsWith("/git/commits", StringComparison.Ordinal)).Body);
        var date = $"{when.ToUnixTimeSeconds()} +0000";
        Assert.Equal(
            _git.CommitTree(root, [repository.HeadOf("main")!], "Publish 1 advisory", ("Advisory Bot", "bot@example.org", date), ("Advisory Bot", "bot@example.org", date)),
            commit.Sha);
    }
}
