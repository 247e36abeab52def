namespace AdvisoryPipeline.JsonSchema.Formats;

/// <summary>RFC 3339 dates, times and durations (ASCII digits only; leap seconds only at 23:59:60 UTC).</summary>
internal static class DateTimeFormats
{
    /// <summary>full-date "T" full-time, case-insensitive T and Z.</summary>
    public static bool IsDateTime(string s)
    {
        var t = s.IndexOfAny(['T', 't']);
        return t == 10 && IsDate(s[..t]) && IsTime(s[(t + 1)..]);
    }

    /// <summary>YYYY-MM-DD with a day that exists in that month.</summary>
    public static bool IsDate(string s) => TryParseDate(s, out _, out _, out _);

    /// <summary>HH:MM:SS[.frac](Z|±HH:MM).</summary>
    public static bool IsTime(string s)
    {
        if (s.Length < 9 || !TryDigits(s, 0, 2, out var hour) || s[2] != ':' || !TryDigits(s, 3, 2, out var minute)
            || s[5] != ':' || !TryDigits(s, 6, 2, out var second))
            return false;
        var i = 8;
        if (s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == start) return false;
        }
        if (i >= s.Length) return false;
        int offsetMinutes;
        if (s[i] is 'Z' or 'z')
        {
            if (i + 1 != s.Length) return false;
            offsetMinutes = 0;
        }
        else
        {
            if (s[i] is not ('+' or '-') || s.Length != i + 6 || !TryDigits(s, i + 1, 2, out var offsetHour) || s[i + 3] != ':'
                || !TryDigits(s, i + 4, 2, out var offsetMinute) || offsetHour > 23 || offsetMinute > 59)
                return false;
            offsetMinutes = (s[i] == '-' ? -1 : 1) * (offsetHour * 60 + offsetMinute);
        }
        if (hour > 23 || minute > 59 || second > 60) return false;
        if (second < 60) return true;
        // A leap second is the last second of a UTC day.
        var utcMinutes = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440;
        return utcMinutes == 23 * 60 + 59;
    }

    /// <summary>ISO 8601 duration as RFC 3339 appendix A restricts it (weeks alone, no fractions).</summary>
    public static bool IsDuration(string s)
    {
        if (s.Length < 2 || s[0] != 'P') return false;
        var i = 1;
        if (TryUnit(s, ref i, 'W')) return i == s.Length;
        var dateUnits = ReadUnits(s, ref i, "YMD");
        if (i == s.Length) return dateUnits;
        if (s[i] != 'T') return false;
        i++;
        return ReadUnits(s, ref i, "HMS") && i == s.Length;
    }

    /// <summary>Reads number-unit pairs whose units appear in order and contiguously within <paramref name="units"/>.</summary>
    private static bool ReadUnits(string s, ref int i, string units)
    {
        var next = 0;
        var previous = -1;
        var any = false;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == s.Length) return false;
            var unit = units.IndexOf(s[i], next);
            if (unit < 0 || (previous >= 0 && unit != previous + 1)) { i = start; return false; }
            previous = unit;
            next = unit + 1;
            i++;
            any = true;
        }
        return any;
    }

    private static bool TryUnit(string s, ref int i, char unit)
    {
        var j = i;
        while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
        if (j == i || j >= s.Length || s[j] != unit) return false;
        i = j + 1;
        return true;
    }

    private static bool TryParseDate(string s, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (s.Length != 10 || !TryDigits(s, 0, 4, out year) || s[4] != '-' || !TryDigits(s, 5, 2, out month) || s[7] != '-'
            || !TryDigits(s, 8, 2, out day))
            return false;
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(year, 1), month);
    }

    private static bool TryDigits(string s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length) return false;
        for (var k = start; k < start + count; k++)
        {
            if (!char.IsAsciiDigit(s[k])) return false;
            value = value * 10 + (s[k] - '0');
        }
        return true;
    }
}
