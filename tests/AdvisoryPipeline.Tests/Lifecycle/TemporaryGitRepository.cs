using System.Diagnostics;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Lifecycle;

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

    public string Git(params string[] arguments) => RunGit(arguments, out var output, out var error) == 0
        ? output
        : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}{output}");

    /// <summary>Runs git and returns its exit code, for commands that are expected to fail (a conflicting merge).</summary>
    public int RunGit(string[] arguments, out string output, out string error)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["HOME"] = Root;
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Test";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.org";
        start.Environment["GIT_AUTHOR_DATE"] = start.Environment["GIT_COMMITTER_DATE"] = "1767225600 +0000";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start git.");
        var errorTask = process.StandardError.ReadToEndAsync();
        output = process.StandardOutput.ReadToEnd().TrimEnd('\n');
        process.WaitForExit();
        error = errorTask.Result;
        return process.ExitCode;
    }

    public void Dispose() => _folder.Dispose();
}
