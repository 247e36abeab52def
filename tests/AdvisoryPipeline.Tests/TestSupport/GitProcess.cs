using System.Diagnostics;

namespace AdvisoryPipeline.Tests.TestSupport;

/// <summary>What one git command printed and how it ended.</summary>
public sealed record GitResult(int ExitCode, string Output, string Error);

/// <summary>
/// Runs the real git command line for tests, isolated from the machine's configuration (no system or global
/// config, HOME in the repository) so that a developer's settings cannot change an outcome.
/// </summary>
public static class GitProcess
{
    /// <summary>Identity and dates for the tests' own commits, fixed so that commit IDs are reproducible.</summary>
    public static IReadOnlyDictionary<string, string> TestIdentity { get; } = new Dictionary<string, string>
    {
        ["GIT_AUTHOR_NAME"] = "Test",
        ["GIT_AUTHOR_EMAIL"] = "test@example.org",
        ["GIT_COMMITTER_NAME"] = "Test",
        ["GIT_COMMITTER_EMAIL"] = "test@example.org",
        ["GIT_AUTHOR_DATE"] = "1767225600 +0000",
        ["GIT_COMMITTER_DATE"] = "1767225600 +0000",
    };

    /// <summary>The environment that cuts git off from the machine's configuration.</summary>
    public static IReadOnlyDictionary<string, string> Isolation(string home) => new Dictionary<string, string>
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["HOME"] = home,
    };

    public static GitResult Run(string directory, IReadOnlyList<string> arguments, byte[]? input = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in Isolation(directory).Concat(environment ?? new Dictionary<string, string>()))
            start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start git.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            try
            {
                process.StandardInput.BaseStream.Write(input);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // git exited before reading its input; its exit code and message say why.
            }
        }
        process.WaitForExit();
        return new GitResult(process.ExitCode, output.Result.TrimEnd('\n'), error.Result);
    }

    /// <summary>Runs git and returns its output; a failure fails the test with git's message.</summary>
    public static string Succeed(string directory, IReadOnlyList<string> arguments, byte[]? input = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = Run(directory, arguments, input, environment);
        return result.ExitCode == 0
            ? result.Output
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Error}{result.Output}");
    }
}
