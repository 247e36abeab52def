




using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Publishing;

/// <summary>A publish that did not happen or did not finish; <see cref="Exception.Message"/> is for the user as is.</summary>
public abstract class PublishException : Exception
{
    protected PublishException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The publish was refused before anything was written anywhere, for the reasons in <see cref="Findings"/> (each
/// located at the advisory or target file concerned).
/// </summary>
public sealed class PublishRefusedException : PublishException
{
    public PublishRefusedException(IReadOnlyList<Finding> findings)
        : base(Summarise(findings))
    {
        Findings = findings;
    }

    public IReadOnlyList<Finding> Findings { get; }

    private static string Summarise(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0)
            throw new ArgumentException("A refusal needs at least one finding.", nameof(findings));
        var first = findings[0];
        var more = findings.Count > 1 ? $" (and {findings.Count - 1} more)" : "";
        return $"Nothing was published: {first.Location}: {first.Message}{more}";
    }
}

/// <summary>The target could not be read or written (I/O, git, GitHub); what was written, if anything, is said in the message.</summary>
public class PublishFailedException : PublishException
{
    public PublishFailedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
