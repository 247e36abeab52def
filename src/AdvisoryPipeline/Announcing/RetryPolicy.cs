namespace AdvisoryPipeline.Announcing;

/// <summary>
/// How often and how long a post is tried again: on 429 (after the service's Retry-After, if it is not longer than
/// <see cref="LongestWait"/>), on 5xx and on a connection that failed or dropped, with doubling waits in between.
/// Other answers are final.
/// </summary>
/// <param name="Attempts">Tries in all, the first included.</param>
/// <param name="FirstWait">The wait before the second try after a 5xx or a dropped connection; doubled each time.</param>
/// <param name="LongestWait">The longest Retry-After the tool waits for; a longer one fails the post.</param>
/// <param name="Timeout">How long one request may take.</param>
public sealed record RetryPolicy(int Attempts, TimeSpan FirstWait, TimeSpan LongestWait, TimeSpan Timeout)
{
    public static RetryPolicy Default { get; } = new(4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30));
}
