using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Cve.Services;

/// <summary>CVE Services refused or failed a request; the message says which, why, and what to do (exit code 3).</summary>
/// <param name="Status">The HTTP status, or null when no answer came (a dropped connection).</param>
/// <param name="Code">CVE Services' error code (<c>EXCEEDED_ID_QUOTA</c>, <c>CVE_RECORD_EXISTS</c>...), when it gave one.</param>
public sealed class CveServicesException(string message, int? status, string? code, Exception? inner = null)
    : OperationFailedException(message, inner)
{
    public int? Status { get; } = status;

    public string? Code { get; } = code;
}
