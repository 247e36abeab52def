
namespace AdvisoryPipeline.Tests.TestSupport;

/// <summary>
/// A throw-away git repository holding a copy of the project's sample database (<c>advisories/</c>) and its
/// <c>schemas/</c>, committed, so that a test can run a command and ask git exactly what changed. Git runs
/// without the machine's configuration and with fixed identities and dates.
/// </summary>
internal sealed class TemporaryGitRepository : IDisposable
{
    private readonly TempFolder _folder = new("advisory-lifecycle-");

    public TemporaryGitRepository()
    {
        Git("init", "--quiet", "--initial-branch=main");
        _folder.CopyFromRepository("advisories");
        _folder.CopyFromRepository("schemas");
        CommitAll("sample database");
    }

    public string Root => _folder.Path;

    public string PathOf(string relative) => _folder.Combine(relative);

    public void Write(string relative, string text) => _folder.Write(relative, text);

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void CommitAll(string message)
    {
        Git("add", "--all");
        Git("commit", "--quiet", "--allow-empty", "-m", message);
    }

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

    public string Git(params string[] arguments) => GitProcess.Succeed(Root, arguments, environment: GitProcess.TestIdentity);

    /// <summary>Runs git and returns its exit code, for commands that are expected to fail (a conflicting merge).</summary>
    public int RunGit(string[] arguments, out string output, out string error)
    {
        var result = GitProcess.Run(Root, arguments, environment: GitProcess.TestIdentity);
        (output, error) = (result.Output, result.Error);
        return result.ExitCode;
    }

    public void Dispose() => _folder.Dispose();
}
