using System.Text;

namespace AdvisoryPipeline.Tests.TestSupport;

/// <summary>
/// A throw-away git repository, the one the tests use: for the lifecycle commands (a copy of the example database,
/// committed), as a publish target (one commit, and no identity of its own, so that the publisher uses its
/// fallback whatever the machine's name), or empty (the reference the fake GitHub's object IDs must agree with).
/// Git runs without the machine's configuration (<see cref="GitProcess"/>) and the tests' own commits have fixed
/// identities and dates.
/// </summary>
internal sealed class TemporaryGitRepository : IDisposable
{
    private readonly TempFolder _folder;

    private TemporaryGitRepository(string prefix)
    {
        _folder = new TempFolder(prefix);
        Root = _folder.Combine("repository");
        Directory.CreateDirectory(Root);
        Git("init", "--quiet", "--initial-branch=main");
    }

    /// <summary>The example database (<c>advisories/</c>) and its <c>schemas/</c>, committed on main.</summary>
    public static TemporaryGitRepository WithExampleDatabase()
    {
        var repository = new TemporaryGitRepository("advisory-lifecycle-");
        foreach (var folder in new[] { "advisories", "schemas" })
            CopyFolder(Path.Combine(SharedData.RepositoryRoot, folder), repository.PathOf(folder));
        repository.CommitAll("sample database");
        return repository;
    }

    /// <summary>A repository to publish into: main with one commit (README.md), and <c>user.useConfigOnly</c> set.</summary>
    public static TemporaryGitRepository ForPublishing()
    {
        var repository = new TemporaryGitRepository("advisory-publish-tests-");
        repository.Git("config", "user.useConfigOnly", "true");
        repository.Write("README.md", "# Tessera advisories\n");
        repository.CommitAll("Initial commit");
        return repository;
    }

    /// <summary>A repository without commits, for git's plumbing commands.</summary>
    public static TemporaryGitRepository Empty() => new("fake-github-git-");

    public string Root { get; }

    /// <summary>The environment the product's own git commands get in tests: no global or system configuration.</summary>
    public IReadOnlyDictionary<string, string> Isolation => GitProcess.Isolation(_folder.Path);

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Commits everything in the working tree (an empty commit when nothing changed); returns the commit.</summary>
    public string CommitAll(string message)
    {
        Git("add", "--all");
        return Commit(message);
    }

    /// <summary>Commits what is staged (an empty commit when nothing is); returns the commit.</summary>
    public string Commit(string message)
    {
        Git("commit", "--quiet", "--allow-empty", "-m", message);
        return Git("rev-parse", "HEAD");
    }

    public string Head(string branch = "main") => Git("rev-parse", "refs/heads/" + branch);

    public string Show(string revision, string path) => Git("show", $"{revision}:{path}");

    public IReadOnlyList<string> Files(string revision) => Git("ls-tree", "-r", "--name-only", revision).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> Log(string branch = "main") => Git("log", "--format=%s", branch).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary><c>git status --porcelain</c> lines (untracked files listed one by one), sorted.</summary>
    public IReadOnlyList<string> Status() =>
        Git("status", "--porcelain", "--untracked-files=all").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();

    /// <summary>The lines that <c>git diff</c> (of the working tree, or of the index with <paramref name="staged"/>) adds and removes, without headers.</summary>
    public IReadOnlyList<string> ChangedLines(bool staged = false, params string[] paths)
    {
        string[] arguments = ["diff", "--no-color", "--unified=0", "-M", .. staged ? new[] { "--cached" } : [], "--", .. paths];
        return Git(arguments).Split('\n')
            .Where(line => line.Length > 0 && line[0] is '+' or '-' && !line.StartsWith("+++", StringComparison.Ordinal) && !line.StartsWith("---", StringComparison.Ordinal))
            .ToList();
    }

    public string Git(params string[] arguments) => Run(null, GitProcess.TestIdentity, arguments);

    /// <summary>Runs git and returns its exit code, for commands that are expected to fail (a conflicting merge).</summary>
    public int RunGit(string[] arguments, out string output, out string error)
    {
        var result = GitProcess.Run(Root, arguments, environment: Environment(GitProcess.TestIdentity));
        (output, error) = (result.Output, result.Error);
        return result.ExitCode;
    }

    /// <summary>Runs git with <paramref name="input"/> on its standard input and extra variables; fails the test when git fails.</summary>
    public string Run(byte[]? input, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        GitProcess.Succeed(Root, arguments, input, Environment(environment));

    /// <summary><c>git hash-object -w</c> of raw bytes as a blob.</summary>
    public string HashBlob(byte[] content) => Run(content, GitProcess.TestIdentity, "hash-object", "-w", "--stdin");

    /// <summary>Writes an object of the given type from its body; git checks the format before hashing it.</summary>
    public string HashObject(string type, byte[] body) => Run(body, GitProcess.TestIdentity, "hash-object", "-t", type, "-w", "--stdin");

    /// <summary><c>git mktree</c> from (mode, type, sha, name) lines; git sorts and encodes the entries itself.</summary>
    public string MkTree(IEnumerable<(string Mode, string Type, string Sha, string Name)> entries) =>
        Run(Encoding.UTF8.GetBytes(string.Concat(entries.Select(e => $"{e.Mode} {e.Type} {e.Sha}\t{e.Name}\n"))), GitProcess.TestIdentity, "mktree");

    /// <summary><c>git commit-tree</c> with the given identities and dates ("&lt;unix seconds&gt; +hhmm") and the message read verbatim from stdin.</summary>
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

    public void Dispose() => _folder.Dispose();

    private Dictionary<string, string> Environment(IReadOnlyDictionary<string, string> extra) =>
        Isolation.Concat(extra).GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.Last().Value);

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
