using System.Globalization;

namespace AdvisoryPipeline.Osv;

/// <summary>RFC 3339 timestamps as OSV uses them: UTC, with a trailing <c>Z</c>.</summary>
public static class OsvTimestamp
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null) return false;
        // More than 7 fractional digits is valid RFC 3339 but beyond DateTimeOffset's precision: truncate.
        var dot = text.IndexOf('.');
        if (dot > 0 && text.EndsWith('Z') && text.Length - dot - 2 > 7)
            text = string.Concat(text.AsSpan(0, dot + 8), "Z");
        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>
    /// Whether <paramref name="text"/> is the zero time, <c>0001-01-01T00:00:00Z</c>: Go's zero <c>time.Time</c>, which the
    /// Go vulnerability database keeps in its records for a date that publishing sets. It is read as no date at all.
    /// </summary>
    public static bool IsZero(string? text) => TryParse(text, out var value) && value == DateTimeOffset.MinValue;

    /// <summary>Parses a timestamp that gives a date: false for null, unparsable text and the zero time (<see cref="IsZero"/>).</summary>
    public static bool TryParseSet(string? text, out DateTimeOffset value) =>
        TryParse(text, out value) && value != DateTimeOffset.MinValue;

    /// <summary>Seconds precision unless the value has a fraction; always UTC with <c>Z</c>.</summary>
    public static string Format(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? "yyyy-MM-dd'T'HH:mm:ss'Z'"
            : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>The timestamp the tool writes for "now" into an advisory: UTC, whole seconds, as OSV records carry them.</summary>
    public static string FormatWholeSeconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return Format(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond)));
    }

    /// <summary>
    /// Any RFC 3339 date-time with seconds and a zone, <c>Z</c> or <c>±hh:mm</c>, optionally with a fraction: what
    /// an author may write where the tool reads a moment but OSV does not prescribe UTC (<c>embargo_until</c>).
    /// </summary>
    public static bool TryParseWithZone(string text, out DateTimeOffset value)
    {
        if (TryParse(text, out value)) return true;
        return DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
