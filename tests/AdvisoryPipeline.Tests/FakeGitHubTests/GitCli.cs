using System.Text;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.FakeGitHubTests;

/// <summary>
/// The real git command line in a throw-away repository, isolated from the machine's git configuration, used as
/// the reference the fake's object ids must agree with.
/// </summary>
internal sealed class GitCli : IDisposable
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    private readonly string _directory = Directory.CreateTempSubdirectory("fake-github-git-").FullName;

    public GitCli() => Run(null, NoEnvironment, "init", "--quiet");

    /// <summary><c>git hash-object -w</c> of raw bytes as a blob.</summary>
    public string HashBlob(byte[] content) => Run(content, NoEnvironment, "hash-object", "-w", "--stdin");

    /// <summary>Writes an object of the given type from its body; git checks the format before hashing it.</summary>
    public string HashObject(string type, byte[] body) => Run(body, NoEnvironment, "hash-object", "-t", type, "-w", "--stdin");

    /// <summary><c>git mktree</c> from (mode, type, sha, name) lines; git sorts and encodes the entries itself.</summary>
    public string MkTree(IEnumerable<(string Mode, string Type, string Sha, string Name)> entries) =>
        Run(Encoding.UTF8.GetBytes(string.Concat(entries.Select(e => $"{e.Mode} {e.Type} {e.Sha}\t{e.Name}\n"))), NoEnvironment, "mktree");

    /// <summary><c>git commit-tree</c> with fixed identities and dates ("&lt;unix seconds&gt; +hhmm") and the message read verbatim from stdin.</summary>
    public string CommitTree(string tree, IReadOnlyList<string> parents, string message,
        (string Name, string Email, string Date) author, (string Name, string Email, string Date) committer)
    {
        var environment = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = author.Name,
            ["GIT_AUTHOR_EMAIL"] = author.Email,
            ["GIT_AUTHOR_DATE"] = author.Date,
            ["GIT_COMMITTER_NAME"] = committer.Name,
            ["GIT_COMMITTER_EMAIL"] = committer.Email,
            ["GIT_COMMITTER_DATE"] = committer.Date,
        };
        string[] arguments = ["commit-tree", tree, .. parents.SelectMany(p => new[] { "-p", p })];
        return Run(Encoding.UTF8.GetBytes(message), environment, arguments);
    }

    public string Run(byte[]? input, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        GitProcess.Succeed(_directory, arguments, input ?? [], environment);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
