using AdvisoryPipeline.Git;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Git;

public sealed class GitRunnerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>What git passes to the commands it runs: an alias starting with '!' runs a shell command under git.</summary>
    private static string[] EnvironmentSeenByGit(string output) => output.Split('\n');

    [Fact]
    public async Task Every_command_runs_in_english_and_never_waits_for_a_password_whatever_the_caller_adds()
    {
        var runner = new GitRunner(_folder.Path, new Dictionary<string, string> { ["GIT_CONFIG_NOSYSTEM"] = "1" });

        var asynchronous = await runner.RunCheckedAsync(["-c", "alias.show-env=!env", "show-env"]);
        Assert.True(runner.TryRun(["-c", "alias.show-env=!env", "show-env"], out var synchronous, out var error), error);

        foreach (var environment in new[] { asynchronous, System.Text.Encoding.UTF8.GetString(synchronous) })
        {
            Assert.Contains("LC_ALL=C", EnvironmentSeenByGit(environment));
            Assert.Contains("GIT_TERMINAL_PROMPT=0", EnvironmentSeenByGit(environment));
            Assert.Contains("GIT_CONFIG_NOSYSTEM=1", EnvironmentSeenByGit(environment));
        }
    }

    [Fact]
    public async Task A_failed_command_is_reported_with_gits_own_message()
    {
        var runner = new GitRunner(_folder.Path);

        var failure = await Assert.ThrowsAsync<GitException>(() => runner.RunCheckedAsync(["rev-parse", "--verify", "no-such-ref"]));

        Assert.Contains("git rev-parse --verify no-such-ref failed in " + _folder.Path, failure.Message, StringComparison.Ordinal);
        Assert.Contains("not a git repository", failure.Message, StringComparison.Ordinal);
    }
}
