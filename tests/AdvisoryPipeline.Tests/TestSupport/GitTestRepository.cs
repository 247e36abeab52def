
namespace AdvisoryPipeline.Tests.TestSupport;

/// <summary>
/// A real git repository in a temporary folder, isolated from the machine's configuration. Identity comes from
/// the environment for the test's own commits only: the repository sets <c>user.useConfigOnly</c>, so the publisher
/// finds no identity and uses its fallback, whatever the machine's name.
/// </summary>
internal sealed class GitTestRepository : IDisposable
{
    private readonly TempFolder _folder = new("advisory-publish-tests-");

    public GitTestRepository()
    {
        Path = _folder.Combine("repository");
        Directory.CreateDirectory(Path);
        Git("init", "--quiet", "--initial-branch=main");
        Git("config", "user.useConfigOnly", "true");
        WriteFile("README.md", "# Tessera advisories\n");
        Git("add", "README.md");
        Commit("Initial commit");
    }

    public string Path { get; }

    /// <summary>The environment the publisher's git commands get: no global or system configuration.</summary>
    public IReadOnlyDictionary<string, string> Isolation => GitProcess.Isolation(_folder.Path);

    public string Head(string branch = "main") => Git("rev-parse", "refs/heads/" + branch);

    public string Show(string revision, string path) => Git("show", $"{revision}:{path}");

    public IReadOnlyList<string> Files(string revision) => Git("ls-tree", "-r", "--name-only", revision).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> Log(string branch = "main") => Git("log", "--format=%s", branch).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public void WriteFile(string path, string content)
    {
        var full = System.IO.Path.Combine(Path, path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public string Commit(string message)
    {
        Git(["commit", "--quiet", "--allow-empty", "-m", message], Identity);
        return Git("rev-parse", "HEAD");
    }

    public string Git(params string[] arguments) => Git(arguments, new Dictionary<string, string>());

    private static readonly Dictionary<string, string> Identity = new()
    {
        ["GIT_AUTHOR_NAME"] = "Test Author",
        ["GIT_AUTHOR_EMAIL"] = "author@example.org",
        ["GIT_COMMITTER_NAME"] = "Test Author",
        ["GIT_COMMITTER_EMAIL"] = "author@example.org",
    };

    private string Git(string[] arguments, IReadOnlyDictionary<string, string> environment) =>
        GitProcess.Succeed(Path, arguments, environment: Isolation.Concat(environment).ToDictionary());

    public void Dispose() => _folder.Dispose();
}
