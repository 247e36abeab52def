namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// Decimal numbers kept as text, so that no version component can overflow (SemVer and PEP 440 put no
/// bound on them, and date-stamped versions such as <c>20240101120000</c> are common).
/// </summary>
internal static class DigitString
{
    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    public static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    public static bool AllDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    /// <summary>Drops leading zeros; an empty or all-zero run is <c>"0"</c>.</summary>
    public static string Normalize(ReadOnlySpan<char> digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.IsEmpty ? "0" : trimmed.ToString();
    }

    /// <summary>Numeric comparison of two digit runs, leading zeros allowed.</summary>
    public static int Compare(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        left = left.TrimStart('0');
        right = right.TrimStart('0');
        return left.Length != right.Length
            ? left.Length.CompareTo(right.Length)
            : left.SequenceCompareTo(right);
    }
}
