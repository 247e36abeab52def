using AdvisoryPipeline.FakeGitHub.Faults;

namespace AdvisoryPipeline.FakeGitHub;

/// <summary>
/// One request as the server saw it. <see cref="Status"/> is 0 when the connection was dropped by a fault;
/// <see cref="Fault"/> names the fault applied; <see cref="ServerError"/> holds an unexpected exception of the
/// fake itself (a bug to fix, never GitHub behaviour).
/// </summary>
public sealed record RecordedRequest(
    long Sequence,
    string Method,
    string Path,
    string Query,
    string? Body,
    int Status,
    bool ConnectionDropped,
    string? Fault,
    string? ServerError,
    DateTimeOffset StartedAt,
    TimeSpan Duration)
{
    public bool IsWrite => Method is not ("GET" or "HEAD" or "OPTIONS");

    public override string ToString() =>
        $"#{Sequence} {Method} {Path}{Query} -> {(ConnectionDropped ? "dropped" : Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}"
        + (Fault is null ? "" : $" [{Fault}]");
}
