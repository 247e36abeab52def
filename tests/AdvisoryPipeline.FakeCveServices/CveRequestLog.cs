namespace AdvisoryPipeline.FakeCveServices;

/// <summary>
/// One request as the server saw it. Header values are never recorded: the log must not become a place where the
/// API key could be found. <see cref="Status"/> is 0 when a fault dropped the connection.
/// </summary>
public sealed record CveRecordedRequest(long Sequence, string Method, string Path, string Query, string? Body, int Status, string? Fault)
{
    public bool IsWrite => Method is not ("GET" or "HEAD");

    public override string ToString() => $"#{Sequence} {Method} {Path}{Query} -> {Status}" + (Fault is null ? "" : $" [{Fault}]");
}

/// <summary>Every request, in arrival order; <see cref="Mark"/> and <see cref="Since"/> isolate one run's requests.</summary>
public sealed class CveRequestLog
{
    private readonly Lock _gate = new();
    private readonly List<CveRecordedRequest> _entries = [];
    private long _last;

    public IReadOnlyList<CveRecordedRequest> All
    {
        get
        {
            lock (_gate) return [.. _entries];
        }
    }

    public long Mark()
    {
        lock (_gate) return _last;
    }

    public IReadOnlyList<CveRecordedRequest> Since(long mark) => [.. All.Where(e => e.Sequence > mark)];

    internal long Next()
    {
        lock (_gate) return ++_last;
    }

    internal void Add(CveRecordedRequest entry)
    {
        lock (_gate) _entries.Add(entry);
    }
}
