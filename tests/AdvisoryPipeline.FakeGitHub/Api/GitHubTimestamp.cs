using System.Globalization;

namespace AdvisoryPipeline.FakeGitHub.Api;

/// <summary>GitHub writes timestamps in UTC, to the second, with a literal Z.</summary>
internal static class GitHubTimestamp
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;
}
