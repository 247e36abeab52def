using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace AdvisoryPipeline.FakeGitHub.Faults;

/// <summary>
/// What the server does instead of (or around) handling a request that a <see cref="FaultRule"/> selected.
/// The bodies and headers are GitHub's, so that the client library classifies them as it would in production.
/// </summary>
public abstract record Fault
{
    /// <summary>A short name for the request log.</summary>
    public abstract string Name { get; }

    internal abstract Task ApplyAsync(HttpContext context, RequestDelegate next, FakeGitHubServer server);

    /// <summary>500 with a JSON body.</summary>
    public static Fault ServerError() =>
        new RespondFault("500 server error", 500, """{"message":"Server Error"}""", []);

    /// <summary>502 with an HTML body, as the load balancer in front of the API sends it.</summary>
    public static Fault BadGateway() =>
        new RespondFault("502 bad gateway", 502,
            "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n",
            [], ContentType: "text/html; charset=utf-8");

    /// <summary>A secondary (abuse) rate limit: 403 or 429 with <c>retry-after</c> and the message clients look for.</summary>
    public static Fault SecondaryRateLimit(int status = 403, int retryAfterSeconds = 1) =>
        new RespondFault($"{status} secondary rate limit", status,
            $$"""{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID FAKE.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits","status":"{{status}}"}""",
            [("retry-after", Invariant(retryAfterSeconds))]);

    /// <summary>
    /// The secondary limit in GitHub's older wording ("abuse detection mechanism", "abuse-rate-limits"): 403
    /// with <c>retry-after</c>.
    /// </summary>
    public static Fault AbuseDetection(int retryAfterSeconds = 1) =>
        new RespondFault("403 abuse detection", 403,
            """{"message":"You have triggered an abuse detection mechanism. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#abuse-rate-limits"}""",
            [("retry-after", Invariant(retryAfterSeconds))]);

    /// <summary>
    /// The primary rate limit exhausted: 403 or 429, <c>x-ratelimit-remaining: 0</c> and <c>x-ratelimit-reset</c>
    /// <paramref name="resetInSeconds"/> from now, and optionally <c>retry-after</c>.
    /// </summary>
    public static Fault PrimaryRateLimit(int status = 403, int resetInSeconds = 60, int? retryAfterSeconds = null) =>
        new PrimaryRateLimitFault(status, resetInSeconds, retryAfterSeconds);

    /// <summary>422 as GitHub answers a ref update on a protected branch, without touching the ref.</summary>
    public static Fault ProtectedBranch(string fullRef = "refs/heads/main") =>
        new RespondFault("422 protected branch", 422,
            $$"""{"message":"{{FakeRepository.ProtectedBranchMessage(fullRef)}}","documentation_url":"https://docs.github.com/rest/git/refs#update-a-reference","status":"422"}""",
            []);

    /// <summary>
    /// Someone else pushes a real commit to the branch just before the request is handled, so a ref update that
    /// was computed from the old head becomes a genuine non-fast-forward (422 "Update is not a fast forward").
    /// The branch defaults to the one in a <c>/git/refs/heads/…</c> path, else the repository's default branch.
    /// </summary>
    public static Fault ConcurrentPush(string? branch = null) => new ConcurrentPushFault(branch);

    /// <summary>The TCP connection is aborted before the request is handled: nothing changes, no response.</summary>
    public static Fault DropConnectionBeforeHandling() => new DropConnectionFault(AfterHandling: false);

    /// <summary>
    /// The request is handled (state changes) and then the connection is aborted: the client never learns that
    /// its write succeeded.
    /// </summary>
    public static Fault DropConnectionAfterHandling() => new DropConnectionFault(AfterHandling: true);

    /// <summary>Any other canned response.</summary>
    public static Fault Respond(int status, string body, string contentType = "application/json; charset=utf-8", params (string Name, string Value)[] headers) =>
        new RespondFault($"{status} canned", status, body, headers, contentType);

    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
