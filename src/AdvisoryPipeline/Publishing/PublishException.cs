using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Publishing;

/// <summary>
/// The publish was refused before anything was written anywhere, for the reasons in
/// <see cref="PipelineException.Findings"/> (each located at the advisory or target file concerned).
/// </summary>
public sealed class PublishRefusedException(IReadOnlyList<Finding> findings) : FindingsException(Summarise(findings), findings)
{
    private static string Summarise(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0)
            throw new ArgumentException("A refusal needs at least one finding.", nameof(findings));
        return findings.Count == 1
            ? "the publish was refused: nothing was written"
            : $"the publish was refused ({findings.Count} problems): nothing was written";
    }
}

/// <summary>The target could not be read or written (I/O, git, GitHub); what was written, if anything, is said in the message.</summary>
public class PublishFailedException(string message, Exception? innerException = null) : OperationFailedException(message, innerException);
