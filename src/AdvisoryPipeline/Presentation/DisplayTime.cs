using System.Globalization;

namespace AdvisoryPipeline.Presentation;

/// <summary>Timestamps as pages and mails show them: UTC, ISO order, the same in every culture.</summary>
public static class DisplayTime
{
    /// <summary><c>2026-09-08</c></summary>
    public static string Date(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary><c>2026-09-08 13:00:00 UTC</c></summary>
    public static string Full(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy'-'MM'-'dd HH':'mm':'ss 'UTC'", CultureInfo.InvariantCulture);
}
