namespace AdvisoryPipeline.Diagnostics;

/// <summary>
/// A failure that the tool reports to its user in words, not as a bug: the kind of failure (and so the exit code)
/// is given by the subclass, and the message is for people as it is. Stages throw these; the command line maps
/// them to exit codes in one place. Any other exception that escapes is a bug of the tool.
/// </summary>
public abstract class PipelineException : Exception
{
    protected PipelineException(string message, IReadOnlyList<Finding>? findings = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Findings = findings ?? [];
    }

    /// <summary>The located problems behind the failure, printed before its message; often none.</summary>
    public IReadOnlyList<Finding> Findings { get; }
}

/// <summary>
/// The user's input cannot be used as given: an option, a path, the database configuration, a key file, a
/// secret in the environment. Nothing was done. The message says what to write instead.
/// </summary>
public class UsageException(string message, IReadOnlyList<Finding>? findings = null, Exception? innerException = null)
    : PipelineException(message, findings, innerException);

/// <summary>
/// The input has errors, reported as findings (printed already, or in <see cref="PipelineException.Findings"/>):
/// a command that produces output stops here rather than produce it from invalid advisories.
/// </summary>
public class FindingsException(string message, IReadOnlyList<Finding>? findings = null)
    : PipelineException(message, findings);

/// <summary>
/// The environment or a remote service failed (a file system error, git, an HTTP API): not the user's input.
/// The message says what was done and what was not.
/// </summary>
public class OperationFailedException(string message, Exception? innerException = null)
    : PipelineException(message, null, innerException);
