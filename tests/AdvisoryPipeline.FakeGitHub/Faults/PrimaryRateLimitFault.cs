using Microsoft.AspNetCore.Http;

namespace AdvisoryPipeline.FakeGitHub.Faults;

/// <summary>The primary limit exhausted; the reset time is computed when the fault fires, from the server's clock.</summary>
internal sealed record PrimaryRateLimitFault(int Status, int ResetInSeconds, int? RetryAfterSeconds) : Fault
{
    public override string Name => $"{Status} primary rate limit";

    internal override Task ApplyAsync(HttpContext context, RequestDelegate next, FakeGitHubServer server)
    {
        var reset = server.Clock.GetUtcNow().AddSeconds(ResetInSeconds).ToUnixTimeSeconds();
        var headers = new List<(string, string)>
        {
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", Invariant(reset)),
        };
        if (RetryAfterSeconds is { } retryAfter)
            headers.Add(("retry-after", Invariant(retryAfter)));
        var body = $$"""{"message":"API rate limit exceeded for user ID 1. If you reach out to GitHub Support for help, please include the request ID FAKE.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit","status":"{{Status}}"}""";
        return new RespondFault(Name, Status, body, headers).ApplyAsync(context, next, server);
    }
}
