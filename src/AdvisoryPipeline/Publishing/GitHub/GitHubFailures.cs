using AdvisoryPipeline.Diagnostics;
using System.Globalization;
using System.Net;
using Octokit;

namespace AdvisoryPipeline.Publishing.GitHub;

/// <summary>What to do after a failed request: wait this long, then try again.</summary>
/// <param name="Wait">How long to wait first.</param>
/// <param name="OutcomeUnknown">
/// The request may have taken effect (lost connection, server error): a write that must not happen twice is checked
/// before it is sent again.
/// </param>
/// <param name="Reason">What happened, for messages.</param>
internal sealed record RetryAdvice(TimeSpan Wait, bool OutcomeUnknown, string Reason);

/// <summary>
/// Which failures of Octokit 14 are worth another attempt, and when (see the fake server's README for what Octokit
/// makes of each answer): rate limits wait for <c>retry-after</c> or <c>x-ratelimit-reset</c>; server errors,
/// lost connections and timeouts back off exponentially. Everything else (401, 403, 404, 422…) is final.
/// </summary>
internal static class GitHubFailures
{
    public static RetryAdvice? Advise(Exception failure, int attempt, GitHubRetryOptions options, DateTimeOffset now) => failure switch
    {
        RateLimitExceededException primary =>
            new(Until(primary.Reset, now), false, $"rate limit exhausted until {primary.Reset.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}"),
        SecondaryRateLimitExceededException secondary =>
            new(RetryAfter(secondary.HttpResponse, now) ?? options.UnspecifiedSecondaryWait, false, "secondary rate limit"),
        AbuseException abuse =>
            new(abuse.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.UnspecifiedSecondaryWait, false, "secondary rate limit"),
        ApiException { StatusCode: HttpStatusCode.TooManyRequests } tooMany =>
            new(RetryAfter(tooMany.HttpResponse, now) ?? ResetOf(tooMany.HttpResponse, now) ?? options.Backoff(attempt), false, "429 Too Many Requests"),
        ApiException server when (int)server.StatusCode >= 500 =>
            new(options.Backoff(attempt), true, Describe(server)),
        HttpRequestException =>
            new(options.Backoff(attempt), true, "the connection was lost"),
        OperationCanceledException =>
            new(options.Backoff(attempt), true, "the request timed out"),
        _ => null,
    };

    /// <summary>A failure a retry does not fix, as the user reads it: what could not be done, where, and why.</summary>
    /// <param name="action">What was tried, e.g. "create the commit".</param>
    /// <param name="repository">The repository, <c>OWNER/REPO</c>.</param>
    /// <param name="failure">GitHub's answer.</param>
    public static PublishFailedException Final(string action, string repository, ApiException failure)
    {
        var why = failure switch
        {
            AuthorizationException => "GitHub refused the token (401)",
            NotFoundException => $"{repository} or what it refers to was not found, or the token cannot see it (404)",
            ForbiddenException => $"the token may not do this in {repository} ({Describe(failure)})",
            _ => Describe(failure),
        };
        return new PublishFailedException(Secrets.Redact($"Could not {action} in {repository}: {why.TrimEnd('.')}."), failure);
    }

    /// <summary>"502 Bad Gateway", or the status with GitHub's JSON message ("422 Update is not a fast forward").</summary>
    public static string Describe(ApiException failure)
    {
        var status = (int)failure.StatusCode;
        var isJson = failure.HttpResponse?.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        var message = isJson ? failure.ApiError?.Message : null;
        if (string.IsNullOrWhiteSpace(message))
            message = failure.StatusCode.ToString();
        // Masked before it is cut: a token straddling the cut would otherwise show all but its last characters.
        message = Secrets.Redact(message);
        return string.Create(CultureInfo.InvariantCulture, $"{status} {(message.Length > 200 ? message[..200] + "…" : message)}");
    }

    private static TimeSpan Until(DateTimeOffset time, DateTimeOffset now) =>
        time > now ? time - now + TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1);

    /// <summary><c>retry-after</c> as seconds or as an HTTP date.</summary>
    private static TimeSpan? RetryAfter(IResponse? response, DateTimeOffset now)
    {
        if (Header(response, "retry-after") is not { } value)
            return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? Until(date, now) : null;
    }

    /// <summary><c>x-ratelimit-reset</c>, when <c>x-ratelimit-remaining</c> says the limit is exhausted.</summary>
    private static TimeSpan? ResetOf(IResponse? response, DateTimeOffset now) =>
        Header(response, "x-ratelimit-remaining") == "0"
        && long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset)
            ? Until(DateTimeOffset.FromUnixTimeSeconds(reset), now)
            : null;

    private static string? Header(IResponse? response, string name) =>
        response?.Headers.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
