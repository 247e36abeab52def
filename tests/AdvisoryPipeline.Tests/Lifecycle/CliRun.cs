using AdvisoryPipeline.Cli;

namespace AdvisoryPipeline.Tests.Lifecycle;

/// <summary>What one in-process run of the <c>advisory</c> command line gave.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 23, 10, 15, 30, TimeSpan.Zero);

    public static CliRun In(string workingDirectory, params string[] args) => In(workingDirectory, DefaultNow, args);

    public static CliRun In(string workingDirectory, DateTimeOffset now, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var env = new CliEnvironment(output, error, workingDirectory, _ => null, new FixedClock(now));
        var exitCode = AdvisoryCli.Run(args, env);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public IReadOnlyList<string> OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A clock that says what the test wants; <see cref="Now"/> can be moved.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
