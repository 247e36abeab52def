using AdvisoryPipeline.Configuration;

namespace AdvisoryPipeline.Cve.Services;

/// <summary>
/// Where and how the client reaches CVE Services. The URL is the configured environment's unless
/// <c>CVE_SERVICES_URL</c> names another (a local instance, the tests' fake).
/// </summary>
public sealed class CveServicesOptions(Uri baseUrl, CveServicesCredentials credentials)
{
    public const string UrlVariable = "CVE_SERVICES_URL";
    public static readonly Uri TestUrl = new("https://cveawg-test.mitre.org/api/");
    public static readonly Uri ProductionUrl = new("https://cveawg.mitre.org/api/");

    public Uri BaseUrl { get; } = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");

    internal CveServicesCredentials Credentials { get; } = credentials;

    /// <summary>Attempts per request for failures worth retrying (5xx, 429, a dropped connection).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>A 429 asking to wait longer than this fails at once instead.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Waits between attempts; tests pass one that only records the waits.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    /// <summary>The URL of <paramref name="environment"/>, or <c>$CVE_SERVICES_URL</c> when set.</summary>
    public static Uri UrlFor(CveServicesEnvironment environment, Func<string, string?> getVariable)
    {
        if (getVariable(UrlVariable) is { Length: > 0 } url)
            return Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new Diagnostics.UsageException($"${UrlVariable} is not an absolute http(s) URL");
        return environment == CveServicesEnvironment.Production ? ProductionUrl : TestUrl;
    }
}
