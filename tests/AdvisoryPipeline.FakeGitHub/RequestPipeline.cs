using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using AdvisoryPipeline.FakeGitHub.Api;
using AdvisoryPipeline.FakeGitHub.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AdvisoryPipeline.FakeGitHub;

/// <summary>
/// What happens to every request before an endpoint sees it, outermost first: recording and GitHub's common
/// headers, authentication, fault injection, and turning <see cref="GitHubApiError"/> into GitHub's error body.
/// Faults sit inside authentication (a request without a token never consumes a fault) and outside the error
/// writer (so a dropped-after-handling connection also swallows an error response).
/// </summary>
internal sealed class RequestPipeline(FakeGitHubServer server)
{
    public void Use(WebApplication app)
    {
        app.Use(RecordAsync);
        app.Use(AuthenticateAsync);
        app.Use((context, next) => server.Faults.ApplyAsync(context, next, server));
        app.Use(WriteApiErrorsAsync);
    }

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var sequence = server.Requests.NextSequence();
        var startedAt = server.Clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        var body = await ReadBodyTextAsync(context);
        server.RateLimit.Consume();
        AddCommonHeaders(context.Response.Headers, sequence);
        string? serverError = null;
        try
        {
            await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            serverError = e.ToString();
            throw;
        }
        finally
        {
            var dropped = context.Items.ContainsKey(DropConnectionFault.DroppedMarker);
            server.Requests.Add(new RecordedRequest(
                sequence,
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                body,
                dropped ? 0 : serverError is null ? context.Response.StatusCode : 500,
                dropped,
                context.Items.TryGetValue(FaultInjector.AppliedFaultKey, out var fault) ? fault as string : null,
                serverError,
                startedAt,
                watch.Elapsed));
        }
    }

    private void AddCommonHeaders(IHeaderDictionary headers, long sequence)
    {
        headers["x-github-request-id"] = string.Create(CultureInfo.InvariantCulture, $"FAKE:{sequence:X8}");
        headers["x-github-api-version-selected"] = "2022-11-28";
        headers["x-github-media-type"] = "github.v3; format=json";
        headers["x-oauth-scopes"] = "repo";
        headers["x-accepted-oauth-scopes"] = "";
        headers["x-ratelimit-limit"] = Invariant(server.RateLimit.Limit);
        headers["x-ratelimit-remaining"] = Invariant(server.RateLimit.Remaining);
        headers["x-ratelimit-used"] = Invariant(server.RateLimit.Used);
        headers["x-ratelimit-reset"] = Invariant(server.RateLimit.ResetEpochSeconds);
        headers["x-ratelimit-resource"] = "core";
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
            return WriteErrorAsync(context, new GitHubApiError(401, "Requires authentication", DocumentationUrls.Root));
        if (!AuthenticationHeaderValue.TryParse(header, out var parsed)
            || !(string.Equals(parsed.Scheme, "token", StringComparison.OrdinalIgnoreCase) || string.Equals(parsed.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
            || parsed.Parameter != server.Token)
            return WriteErrorAsync(context, new GitHubApiError(401, "Bad credentials", DocumentationUrls.Root));
        return next(context);
    }

    private static async Task WriteApiErrorsAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (GitHubApiError error) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, error);
        }
    }

    private static Task WriteErrorAsync(HttpContext context, GitHubApiError error) =>
        context.WriteJsonAsync(error.Status,
            new ErrorBody(error.Message, error.DocumentationUrl, error.Status.ToString(CultureInfo.InvariantCulture), error.Errors),
            FakeGitHubJsonContext.Default.ErrorBody);

    /// <summary>Keeps the body for the log and rewinds it for the endpoint.</summary>
    private static async Task<string?> ReadBodyTextAsync(HttpContext context)
    {
        if (context.Request.ContentLength is 0 || (context.Request.ContentLength is null && !context.Request.Headers.TransferEncoding.Any()))
            return null;
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        return text;
    }
}
