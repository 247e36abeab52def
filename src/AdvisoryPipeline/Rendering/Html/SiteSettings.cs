




using AdvisoryPipeline.Configuration;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// What the site needs besides the advisories. <paramref name="SiteUrl"/> makes canonical links and the
/// feed's links absolute; without it the feed uses relative links and <c>tag:</c> IDs.
/// <paramref name="Now"/> is the moment the feed's "last 8 days" window ends: an input, so that output is
/// reproducible.
/// </summary>
public sealed record SiteSettings(string DatabaseName, Uri? SiteUrl, Uri? HomeUrl, DateTimeOffset Now)
{
    /// <summary>The settings of a database's configuration (whose checker has already required http(s) URLs).</summary>
    public static SiteSettings From(DatabaseConfig config, DateTimeOffset now) =>
        new(config.Name, AbsoluteOrNull(config.SiteUrl), AbsoluteOrNull(config.HomeUrl), now);

    private static Uri? AbsoluteOrNull(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
}
