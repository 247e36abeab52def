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
    /// security.txt's Expires: <see cref="PolicyConfig.ExpiresAfterDays"/> after the first day of the render's month
    /// (00:00 UTC), so less than a year ahead (RFC 9116 section 2.5.5), renewed by the first render of every month, and
    /// the same for every render within a month: a second run that has nothing new to publish writes nothing.
    /// </summary>
    public DateTimeOffset ExpiresAt(DateTimeOffset now) => RenewedAt(now).AddDays(Config.ExpiresAfterDays);

    /// <summary>The moment Expires counts from: the first day of <paramref name="now"/>'s month, 00:00 UTC.</summary>
    public static DateTimeOffset RenewedAt(DateTimeOffset now) =>
        new(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
}
