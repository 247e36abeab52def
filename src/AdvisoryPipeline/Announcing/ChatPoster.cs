using System.Net;
using System.Text;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Announcing;

/// <summary>
/// Sends one post to a chat service over HTTP, trying again as <see cref="RetryPolicy"/> says, and turns every failure
/// into a <see cref="ChatPostException"/> whose text holds no secret. The request is made anew for each try (same
/// method, URL, headers and body), so a retry is the same request; whether a service can tell it is the same is the
/// service's: Matrix by the transaction ID in the URL, Slack and Discord not at all (their webhooks have no
/// idempotency key), which is why only answers that say the post was not made, and failed connections, are retried.
/// </summary>
public sealed class ChatPoster(HttpClient http, RetryPolicy policy, TimeProvider clock)
{
    /// <summary>Posts, and returns the service's answer body on success.</summary>
    /// <param name="channel">The channel's name for messages, e.g. <c>slack/security-announce</c>.</param>
    public async Task<string> SendAsync(string channel, Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        var wait = policy.FirstWait;
        string? lastProblem = null;
        for (var attempt = 1; attempt <= policy.Attempts; attempt++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(policy.Timeout);
                using var message = request();
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token);
                var body = await response.Content.ReadAsStringAsync(timeout.Token);
                if (response.IsSuccessStatusCode) return body;
                var status = (int)response.StatusCode;
                lastProblem = $"{status} {response.ReasonPhrase}{Excerpt(body)}";
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    retryAfter = RetryAfter(response) ?? wait;
                    if (retryAfter > policy.LongestWait)
                        throw Failed(channel, $"it is rate-limited for {retryAfter.Value.TotalSeconds:0} s, longer than the {policy.LongestWait.TotalSeconds:0} s the tool waits ({lastProblem})");
                }
                else if (status < 500)
                {
                    throw Failed(channel, $"it refused the post: {lastProblem}" + Advice(response.StatusCode));
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                lastProblem = e is OperationCanceledException ? $"no answer within {policy.Timeout.TotalSeconds:0} s" : "the connection failed: " + e.Message;
            }
            if (attempt == policy.Attempts) break;
            await Task.Delay(retryAfter ?? wait, clock, cancellationToken);
            if (retryAfter is null) wait *= 2;
        }
        throw Failed(channel, $"no success after {policy.Attempts} tries; the last: {lastProblem}");
    }

    private ChatPostException Failed(string channel, string problem) =>
        new(Secrets.Redact($"{channel}: the post failed: {problem}"));

    /// <summary>The service's Retry-After, in seconds or as a date (then measured from the run's clock).</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } header) return null;
        if (header.Delta is { } delta) return delta;
        if (header.Date is not { } date) return null;
        var left = date - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>The start of the service's answer, on one line: Slack answers "invalid_token", Matrix "M_FORBIDDEN".</summary>
    private static string Excerpt(string body)
    {
        var line = new StringBuilder();
        foreach (var c in body.Take(200)) line.Append(char.IsControl(c) ? ' ' : c);
        var text = line.ToString().Trim();
        return text.Length == 0 ? "" : ": " + text + (body.Length > 200 ? "…" : "");
    }

    private static string Advice(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => " (check the token or webhook in the environment variable, and the account's rights)",
        HttpStatusCode.NotFound or HttpStatusCode.Gone => " (the webhook or room does not exist: check the environment variable and database.yaml)",
        _ => "",
    };
}
