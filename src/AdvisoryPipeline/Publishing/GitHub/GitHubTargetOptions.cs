using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Publishing.Repository;
using Octokit;
using Octokit.Internal;

namespace AdvisoryPipeline.Publishing.GitHub;

/// <summary>
/// How the GitHub target reaches GitHub. A class, not a record, so that no generated <c>ToString</c> can print the
/// token.
/// </summary>
public sealed class GitHubTargetOptions
{
    public const string DefaultTokenVariable = "GITHUB_TOKEN";
    public const string ApiUrlVariable = "GITHUB_API_URL";
    public static readonly Uri DefaultApiBaseUrl = new("https://api.github.com/");

    /// <summary>What the github: target needs its token for.</summary>
    public const string ContentsTokenUse =
        "the github: target needs a token that may write the repository's contents (and open pull requests, for a protected branch)";

    /// <param name="apiBaseUrl">The REST API root, used as given (a trailing '/' is added when missing).</param>
    /// <param name="token">The token; it never appears in any output.</param>
    public GitHubTargetOptions(Uri apiBaseUrl, string token)
    {
        ArgumentNullException.ThrowIfNull(apiBaseUrl);
        ArgumentException.ThrowIfNullOrEmpty(token);
        ApiBaseUrl = apiBaseUrl.AbsoluteUri.EndsWith('/') ? apiBaseUrl : new Uri(apiBaseUrl.AbsoluteUri + "/");
        Secrets.Remember(token);
        Token = token;
    }

    public Uri ApiBaseUrl { get; }

    internal string Token { get; }

    public GitHubRetryOptions Retry { get; init; } = new();

    /// <summary>Waits between attempts; tests pass one that only records the waits.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    /// <summary>The clock for rate-limit reset times.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public CommitIdentity Identity { get; init; } = CommitIdentity.Default;

    /// <summary>At most this many entries per create-tree request; a larger change is sent as a chain of trees.</summary>
    public int MaxTreeEntries { get; init; } = 1000;

    /// <summary>At most about this many bytes of file content per create-tree request.</summary>
    public int MaxTreeBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>
    /// A connection to <see cref="ApiBaseUrl"/> with the token. The base address is used as given: GitHubClient's own
    /// Uri constructor would append "api/v3/" for GitHub Enterprise whenever the host is not api.github.com.
    /// </summary>
    internal Connection Connect() =>
        new(new ProductHeaderValue("AdvisoryPipeline"), ApiBaseUrl, new InMemoryCredentialStore(new Credentials(Token)));

    /// <summary>
    /// The API root from <c>GITHUB_API_URL</c> (else https://api.github.com/) and the token from
    /// <paramref name="tokenVariable"/> (<c>GITHUB_TOKEN</c> unless <c>--token-env</c> names another).
    /// </summary>
    /// <exception cref="PublishFailedException">The token is not set, or the URL is not an absolute http(s) URL.</exception>
    /// <param name="getVariable">Reads environment variables.</param>
    /// <param name="tokenVariable">The variable holding the token.</param>
    /// <param name="tokenUse">What the target needs the token for, told when it is missing.</param>
    public static GitHubTargetOptions FromEnvironment(Func<string, string?> getVariable, string tokenVariable = DefaultTokenVariable, string tokenUse = ContentsTokenUse)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var token = Secrets.Read(getVariable, tokenVariable);
        if (token is null)
            throw new PublishFailedException(
                $"{tokenVariable} is not set: {tokenUse}.");
        var url = getVariable(ApiUrlVariable);
        if (string.IsNullOrEmpty(url))
            return new GitHubTargetOptions(DefaultApiBaseUrl, token);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var apiBaseUrl) || apiBaseUrl.Scheme is not ("https" or "http") || apiBaseUrl.UserInfo.Length > 0)
            throw new PublishFailedException($"{ApiUrlVariable} is not an http(s) URL without credentials.");
        return new GitHubTargetOptions(apiBaseUrl, token);
    }
}

/// <param name="MaxAttempts">Attempts per request, the first included.</param>
/// <param name="MaxTotalWait">The most the publisher waits, in all, for GitHub to recover or its rate limits to reset.</param>
/// <param name="FirstBackoff">The wait after a first server error or lost connection; doubled after each next one.</param>
/// <param name="MaxBackoff">The longest wait between two attempts after server errors.</param>
/// <param name="SecondaryRateLimitWait">The wait after a secondary rate limit that does not say how long.</param>
public sealed record GitHubRetryOptions(
    int MaxAttempts = 6,
    TimeSpan? MaxTotalWait = null,
    TimeSpan? FirstBackoff = null,
    TimeSpan? MaxBackoff = null,
    TimeSpan? SecondaryRateLimitWait = null)
{
    public TimeSpan TotalWaitLimit => MaxTotalWait ?? TimeSpan.FromMinutes(5);

    public TimeSpan Backoff(int attempt)
    {
        var first = FirstBackoff ?? TimeSpan.FromSeconds(1);
        var longest = MaxBackoff ?? TimeSpan.FromMinutes(1);
        return TimeSpan.FromTicks(Math.Min(longest.Ticks, first.Ticks << Math.Min(attempt - 1, 20)));
    }

    public TimeSpan UnspecifiedSecondaryWait => SecondaryRateLimitWait ?? TimeSpan.FromMinutes(1);
}
