using AdvisoryPipeline.Cli;

namespace AdvisoryPipeline.Tests.TestSupport;

/// <summary>What one in-process run of the <c>advisory</c> command line produced.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Runs <c>advisory</c> in-process, as a user would from <see cref="WorkingDirectory"/>, with its own
/// environment variables (the validation cache goes to a private folder) and a fixed clock.
/// </summary>
public sealed class CliRunner(string workingDirectory)
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public string WorkingDirectory { get; } = workingDirectory;

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal)
    {
        ["XDG_CACHE_HOME"] = Path.Combine(workingDirectory, ".cache"),
    };

    public TimeProvider Clock { get; set; } = new FixedClock(DefaultNow);

    public CliResult Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = AdvisoryCli.Run(args, Environment(output, error));
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public CliEnvironment Environment(TextWriter? output = null, TextWriter? error = null) =>
        new(output ?? TextWriter.Null, error ?? TextWriter.Null, WorkingDirectory, name => Variables.GetValueOrDefault(name), Clock);
}

/// <summary>A clock that always says the same time.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
