using System.Globalization;

namespace AdvisoryPipeline.Presentation;

/// <summary>Timestamps as pages and mails show them: UTC, ISO order, the same in every culture.</summary>
public static class DisplayTime
{
    /// <summary><c>2026-09-08</c></summary>
    public static string Date(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>2026-09-08T13:00:00Z</c>, or <c>2026-09-08T13:00:00.123Z</c>: a valid global date and time string of HTML,
    /// for <c>&lt;time datetime&gt;</c>. HTML allows at most three fractional digits (a record's microseconds are
    /// truncated to milliseconds) and a year of four digits or more, above 0.
    /// </summary>
    public static string Machine(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        var milliseconds = utc.Ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMillisecond;
        return utc.ToString(milliseconds == 0 ? "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'" : "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'",
            CultureInfo.InvariantCulture);
    }

    /// <summary><c>2026-09-08 13:00:00 UTC</c></summary>
    public static string Full(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy'-'MM'-'dd HH':'mm':'ss 'UTC'", CultureInfo.InvariantCulture);
}
