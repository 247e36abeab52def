using System.Diagnostics.CodeAnalysis;

namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// Dot-separated identifiers as SemVer 2.0 defines them for pre-release and build parts, shared by every
/// SemVer-like scheme (SemVer, npm, Go, NuGet, Pub).
/// </summary>
internal static class SemVerIdentifiers
{
    public static bool IsIdentifierChar(char c) => DigitString.IsAsciiDigit(c) || DigitString.IsAsciiLetter(c) || c == '-';

    /// <summary>
    /// Splits and validates <paramref name="text"/>: identifiers are non-empty <c>[0-9A-Za-z-]</c>; numeric
    /// ones may not have leading zeros unless <paramref name="allowLeadingZeros"/>. <paramref name="part"/>
    /// names the part in the reason ("pre-release", "build").
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<char> text, string part, bool allowLeadingZeros, out string[] identifiers,
        [NotNullWhen(false)] out string? reason)
    {
        var list = new List<string>();
        foreach (var range in text.Split('.'))
        {
            var identifier = text[range];
            if (identifier.IsEmpty)
            {
                identifiers = [];
                reason = $"empty {part} identifier";
                return false;
            }
            foreach (var c in identifier)
            {
                if (!IsIdentifierChar(c))
                {
                    identifiers = [];
                    reason = $"invalid character {QuotedText.Of(c)} in {part} identifier {QuotedText.Of(identifier.ToString())}";
                    return false;
                }
            }
            if (!allowLeadingZeros && identifier.Length > 1 && identifier[0] == '0' && DigitString.AllDigits(identifier))
            {
                identifiers = [];
                reason = $"numeric {part} identifier {QuotedText.Of(identifier.ToString())} has a leading zero";
                return false;
            }
            list.Add(identifier.ToString());
        }
        identifiers = [.. list];
        reason = null;
        return true;
    }

    /// <summary>
    /// SemVer 2.0 §11.4: numeric identifiers compare as numbers and below alphanumeric ones, alphanumeric
    /// ones compare with <paramref name="textComparison"/>, and a longer list wins when all shared
    /// identifiers are equal.
    /// </summary>
    public static int Compare(IReadOnlyList<string> left, IReadOnlyList<string> right, StringComparison textComparison)
    {
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var leftNumeric = DigitString.AllDigits(left[i]);
            var rightNumeric = DigitString.AllDigits(right[i]);
            var result = leftNumeric && rightNumeric ? DigitString.Compare(left[i], right[i])
                : leftNumeric != rightNumeric ? (leftNumeric ? -1 : 1)
                : string.Compare(left[i], right[i], textComparison);
            if (result != 0) return result;
        }
        return left.Count.CompareTo(right.Count);
    }

    /// <summary>The identifiers in the form that compares equal exactly when they do (numbers without leading zeros).</summary>
    public static string Key(IReadOnlyList<string> identifiers, bool ignoreCase) =>
        string.Join('.', identifiers.Select(identifier =>
            DigitString.AllDigits(identifier) ? DigitString.Normalize(identifier)
            : ignoreCase ? identifier.ToLowerInvariant()
            : identifier));
}
