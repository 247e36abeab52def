using System.Runtime.ExceptionServices;
using AdvisoryPipeline.Cli.Output;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Cli;

/// <summary>
/// Process exit codes, documented in README.md and in <c>--help</c>, and the one place that turns a failure into
/// one: what a command reports in words (<see cref="PipelineException"/>) gets its kind's code; the user's mistakes
/// are never called internal errors, and a bug of ours is said to be one, in one line.
/// </summary>
public static class ExitCodes
{
    /// <summary>Everything checked is valid (warnings allowed) or the command did its job.</summary>
    public const int Success = 0;

    /// <summary>Findings at error level, or a check such as <c>fix --check</c> that wants changes.</summary>
    public const int Findings = 1;

    /// <summary>Wrong usage or configuration: bad option, missing path, no advisories found, invalid config.</summary>
    public const int Usage = 2;

    /// <summary>A fault of the tool itself or of its environment (I/O failure, remote API down).</summary>
    public const int Failure = 3;

    /// <summary>The command did its job for the valid advisories and, as <c>--exclude-invalid</c> asked, left out those with errors.</summary>
    public const int RecordsExcluded = 4;

    /// <summary>Prints the failure to the error stream (its findings first, then one line) and returns its exit code.</summary>
    public static int Report(Exception failure, CliEnvironment env)
    {
        var cause = failure is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : failure;
        switch (cause)
        {
            case PipelineException reported:
                var findings = new TextFindingWriter(env.Error);
                foreach (var finding in reported.Findings) findings.Write(finding);
                env.Error.WriteLine("advisory: " + reported.Message);
                return reported switch
                {
                    FindingsException => Findings,
                    UsageException => Usage,
                    _ => Failure,
                };
            case IOException or UnauthorizedAccessException:
                env.Error.WriteLine("advisory: " + cause.Message);
                return Failure;
            default:
                // A bug of ours: say so in one line; the trace is for whoever sets ADVISORY_DEBUG=1 to report it.
                if (env.GetVariable("ADVISORY_DEBUG") is "1") ExceptionDispatchInfo.Capture(failure).Throw();
                env.Error.WriteLine($"advisory: internal error ({cause.GetType().Name}): {cause.Message}");
                env.Error.WriteLine("Run again with ADVISORY_DEBUG=1 for details, and please report it.");
                return Failure;
        }
    }
}
