using System.CommandLine;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>
/// <c>--now TIMESTAMP</c>: the run's single moment (publish timestamps, embargo ends, the feed's window). Fixing it
/// makes a run reproducible, in tests and when re-running a release.
/// </summary>
public sealed class ClockOption
{
    public Option<string?> Option { get; } = new("--now")
    {
        Description = "The moment the run acts at, as an RFC 3339 UTC timestamp (default: the current time)",
        HelpName = "TIMESTAMP",
    };

    public TimeProvider Resolve(ParseResult parse, CliEnvironment env)
    {
        if (parse.GetValue(Option) is not { } text) return env.Clock;
        if (!OsvTimestamp.TryParse(text, out var now))
            throw new UsageException($"--now {text}: not an RFC 3339 UTC timestamp such as 2026-01-31T12:00:00Z");
        return new FixedTimeProvider(now);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
