using System.Diagnostics;
using System.Globalization;
using AdvisoryPipeline.Cli;
using AdvisoryPipeline.Tests.TestSupport;
using Xunit.Abstractions;

namespace AdvisoryPipeline.Tests.Cli;

/// <summary>
/// Runs the real <c>advisory</c> process and kills it (SIGKILL) at seeded random moments while it publishes to a
/// <c>dir:</c> target, to a <c>git:</c> target whose branch is checked out, and while it renders; then runs it again
/// normally. The result must equal an uninterrupted run's, with nothing left beside the outputs and a clean worktree.
/// <c>ADVISORY_KILL_SEED</c> and <c>ADVISORY_KILLS</c> change the run.
/// </summary>
public sealed class KillTests(ITestOutputHelper output) : IDisposable
{
    private const string Now = "2026-11-22T12:00:00Z";
    private const int Advisories = 60;

    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("ADVISORY_KILL_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 7;
    private static readonly int Kills = int.TryParse(Environment.GetEnvironmentVariable("ADVISORY_KILLS"), CultureInfo.InvariantCulture, out var kills) ? kills : 20;

    private readonly TempFolder _temp = new("advisory-kill-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Publishing_to_a_folder_killed_at_any_moment_is_repaired_by_the_next_run()
    {
        var reference = Database("reference");
        var killed = Database("killed");
        Advisory(reference, "publish", "--target", "dir:out/osv", "--now", Now);
        var expected = Snapshot(Path.Combine(reference, "out"));

        Repeat(killed, ["publish", "--target", "dir:out/osv", "--now", Now], () =>
        {
            Assert.Equal(expected, Snapshot(Path.Combine(killed, "out")));
        });
    }

    [Fact]
    public void Rendering_killed_at_any_moment_is_repaired_by_the_next_run()
    {
        var reference = Database("reference");
        var killed = Database("killed");
        Advisory(reference, "render", "--now", Now, "--out", "out");
        var expected = Snapshot(Path.Combine(reference, "out"));

        Repeat(killed, ["render", "--now", Now, "--out", "out"], () =>
        {
            Assert.Equal(expected, Snapshot(Path.Combine(killed, "out")));
        });
    }

    [Fact]
    public void Publishing_to_a_checked_out_git_branch_killed_at_any_moment_leaves_a_clean_worktree_once_the_next_run_finished()
    {
        using var referenceRepository = TemporaryGitRepository.ForPublishing();
        using var killedRepository = TemporaryGitRepository.ForPublishing();
        var reference = Database("reference");
        var killed = Database("killed");
        Advisory(reference, "publish", "--target", "git:" + referenceRepository.Root, "--now", Now);
        var expected = referenceRepository.Head();
        var initial = killedRepository.Head();

        Repeat(killed, ["publish", "--target", "git:" + killedRepository.Root, "--now", Now], () =>
        {
            Assert.Equal(expected, killedRepository.Head());
            Assert.Equal("", killedRepository.Git("status", "--porcelain", "--untracked-files=all"));
            Assert.False(File.Exists(killedRepository.PathOf(".git/advisory-publish-journal")));
            Assert.False(File.Exists(killedRepository.PathOf(".git/index.lock")));
        }, reset: () =>
        {
            killedRepository.Git("reset", "--quiet", "--hard", initial);
            killedRepository.Git("clean", "-fdxq");
        });
    }

    /// <summary>Kills the command at seeded moments within its usual duration, runs it again, and checks the outcome.</summary>
    private void Repeat(string database, string[] args, Action check, Action? reset = null)
    {
        var random = new Random(Seed);
        var first = Time(() => Advisory(database, args));
        check();
        // The first run also pays for cold caches: the usual duration is that of the faster of two, so that most kills
        // land while the command still works.
        Clear(database);
        reset?.Invoke();
        var usual = Min(first, Time(() => Advisory(database, args)));
        check();
        var interrupted = 0;
        for (var i = 0; i < Kills; i++)
        {
            Clear(database);
            reset?.Invoke();
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * 0.9 * usual.TotalMilliseconds);
            if (KillAfter(database, args, delay)) interrupted++;
            var again = Start(database, args);
            again.WaitForExit();
            Assert.True(again.ExitCode == 0, $"kill {i} after {delay.TotalMilliseconds:F0} ms: the next run failed: {again.StandardError.ReadToEnd()}");
            check();
            Assert.Equal([], Leftovers(database));
        }
        output.WriteLine($"{string.Join(' ', args[..2])}: {Kills} kills (seed {Seed}, {interrupted} before the run ended) within {usual.TotalMilliseconds:F0} ms");
        Assert.True(interrupted >= Kills / 2, $"only {interrupted} of {Kills} kills landed before the run ended");
    }

    /// <summary>A database of <see cref="Advisories"/> valid advisories, big enough that a kill lands in the middle.</summary>
    private string Database(string name)
    {
        var root = _temp.Combine(name);
        var advisories = Path.Combine(root, "advisories");
        Directory.CreateDirectory(advisories);
        ExampleDatabase.CopyConfigurationTo(advisories);
        for (var i = 1; i <= Advisories; i++)
        {
            var id = $"TSSA-2026-{i}";
            File.WriteAllText(Path.Combine(advisories, id + ".yaml"), SampleAdvisories.CleanYaml(id, $"tessera-{i}"));
        }
        return root;
    }

    /// <summary>Removes the outputs of the previous round, so that each kill interrupts a first run.</summary>
    private static void Clear(string database)
    {
        var output = Path.Combine(database, "out");
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
    }

    private static IReadOnlyList<string> Leftovers(string database) =>
        Directory.Exists(Path.Combine(database, "out"))
            ? [.. Directory.EnumerateFileSystemEntries(Path.Combine(database, "out"), ".*", SearchOption.AllDirectories)
                .Where(path => path.Contains(".staging-", StringComparison.Ordinal) || path.Contains(".previous-", StringComparison.Ordinal))]
            : [];

    private static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
            StringComparer.Ordinal);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed;
    }

    private static void Advisory(string database, params string[] args)
    {
        using var process = Start(database, args);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"advisory {string.Join(' ', args)}: {process.StandardError.ReadToEnd()}{process.StandardOutput.ReadToEnd()}");
    }

    /// <returns>Whether the process was still running when it was killed.</returns>
    private static bool KillAfter(string database, string[] args, TimeSpan delay)
    {
        using var process = Start(database, args);
        if (process.WaitForExit(delay)) return false;
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return true;
    }

    private static Process Start(string database, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = database,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(AdvisoryCli).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(database, ".cache");
        foreach (var (name, value) in GitProcess.Isolation(database)) start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException("Cannot start the advisory process.");
    }
}
