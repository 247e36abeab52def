using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.OpenPgp;

namespace AdvisoryPipeline.Presentation;

/// <summary>
/// What the policy outputs (site page, SECURITY.md, security.txt) take from the configuration: the <c>policy:</c>
/// block, the key it names as read and checked by the validation, and the longest pre-notification embargo, which
/// the page tells reporters about.
/// </summary>
/// <param name="Key">The team's public key; null when the policy names none.</param>
/// <param name="PrenotifyDays">The longest embargo of the configured pre-notification lists, or null when there are none.</param>
public sealed record PolicySettings(PolicyConfig Config, OpenPgpCertificate? Key, int? PrenotifyDays)
{
    /// <summary>
    /// security.txt's Expires: midnight UTC of the render's day plus <see cref="PolicyConfig.ExpiresAfterDays"/>. Whole
    /// days, so that renders on the same day write the same file and a second run changes nothing.
    /// </summary>
    public DateTimeOffset ExpiresAt(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(Config.ExpiresAfterDays);
}
