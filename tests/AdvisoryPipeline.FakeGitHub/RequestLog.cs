namespace AdvisoryPipeline.FakeGitHub;

/// <summary>
/// Every request the server received, in arrival order, for assertions such as "the second run made no write
/// request" (<c>log.Since(mark).Count(r => r.IsWrite) == 0</c>) and for counting requests per publish.
/// </summary>
public sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _entries = [];
    private long _lastSequence;

    /// <summary>All completed requests, ordered by arrival.</summary>
    public IReadOnlyList<RecordedRequest> All
    {
        get
        {
            lock (_gate)
                return [.. _entries.OrderBy(e => e.Sequence)];
        }
    }

    public int Count => All.Count;

    public IReadOnlyList<RecordedRequest> Writes => [.. All.Where(e => e.IsWrite)];

    public int WriteCount => Writes.Count;

    /// <summary>Requests on which the fake itself threw (a bug in the fake, answered with an empty 500): should stay empty.</summary>
    public IReadOnlyList<RecordedRequest> ServerErrors => [.. All.Where(e => e.ServerError is not null)];

    /// <summary>A position in the log: pass it to <see cref="Since"/> to see only what came after.</summary>
    public long Mark()
    {
        lock (_gate)
            return _lastSequence;
    }

    public IReadOnlyList<RecordedRequest> Since(long mark) => [.. All.Where(e => e.Sequence > mark)];

    /// <summary>Requests with this method ("*" for any) whose path matches the glob (see <see cref="PathPattern"/>).</summary>
    public int CountOf(string method, string pathPattern)
    {
        var pattern = new PathPattern(pathPattern);
        return All.Count(e => (method == "*" || string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase)) && pattern.Matches(e.Path));
    }

    public void Clear()
    {
        lock (_gate)
            _entries.Clear();
    }

    internal long NextSequence()
    {
        lock (_gate)
            return ++_lastSequence;
    }

    internal void Add(RecordedRequest entry)
    {
        lock (_gate)
            _entries.Add(entry);
    }
}
