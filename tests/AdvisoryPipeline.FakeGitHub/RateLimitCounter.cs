namespace AdvisoryPipeline.FakeGitHub;

/// <summary>The primary ("core") rate limit the fake reports in headers and at <c>/rate_limit</c>; it never refuses.</summary>
internal sealed class RateLimitCounter(int limit, DateTimeOffset resetAt)
{
    private int _used;

    public int Limit { get; } = limit;

    public long ResetEpochSeconds { get; } = resetAt.ToUnixTimeSeconds();

    public int Used => Volatile.Read(ref _used);

    public int Remaining => Math.Max(0, Limit - Used);

    public void Consume() => Interlocked.Increment(ref _used);
}
