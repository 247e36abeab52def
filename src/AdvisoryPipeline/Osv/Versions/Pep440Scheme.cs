using System.Diagnostics.CodeAnalysis;

namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// PyPI versions as PEP 440 defines them (packaging.python.org "Version specifiers"), including every
/// alternative spelling the specification normalises: case, a leading <c>v</c>, surrounding whitespace,
/// <c>alpha/beta/c/pre/preview</c>, <c>rev/r</c>, separators <c>. - _</c> around pre/post/dev labels,
/// implicit numbers (<c>1.0a</c> = <c>1.0a0</c>), the implicit post release <c>1.0-1</c>, and
/// <c>- _</c> in local labels. Legacy (non-PEP 440) strings are rejected.
/// </summary>
internal sealed class Pep440Scheme : VersionScheme
{
    public static readonly Pep440Scheme Instance = new();

    // Longest spelling first, so that "alpha" is not read as "a" followed by garbage.
    private static readonly (string Spelling, Pep440PreRelease Kind)[] PreLabels =
    [
        ("alpha", Pep440PreRelease.Alpha), ("a", Pep440PreRelease.Alpha),
        ("beta", Pep440PreRelease.Beta), ("b", Pep440PreRelease.Beta),
        ("preview", Pep440PreRelease.ReleaseCandidate), ("pre", Pep440PreRelease.ReleaseCandidate),
        ("rc", Pep440PreRelease.ReleaseCandidate), ("c", Pep440PreRelease.ReleaseCandidate),
    ];

    private static readonly string[] PostLabels = ["post", "rev", "r"];
    private static readonly string[] DevLabels = ["dev"];

    private Pep440Scheme() { }

    public override string Name => "PEP 440";

    private protected override bool TryParseVersion(
        string text, [NotNullWhen(true)] out ParsedVersion? version, [NotNullWhen(false)] out string? reason)
    {
        version = null;
        // Parse the lower-cased text and quote the original in messages; surrounding whitespace is
        // skipped rather than cut off, so that positions count from the start of what was written.
        var original = text.AsSpan().TrimEnd();
        var lower = original.ToString().ToLowerInvariant();
        var s = lower.AsSpan();
        var pos = s.Length - s.TrimStart().Length;

        if (s[pos] == 'v') pos++;

        if (!TryReadDigits(s, ref pos, out var first))
        {
            reason = ExpectedRelease(original, pos);
            return false;
        }

        var epoch = "0";
        if (pos < s.Length && s[pos] == '!')
        {
            epoch = DigitString.Normalize(first);
            pos++;
            if (!TryReadDigits(s, ref pos, out first))
            {
                reason = ExpectedRelease(original, pos) + " after the epoch";
                return false;
            }
        }

        var release = new List<string> { DigitString.Normalize(first) };
        while (pos + 1 < s.Length && s[pos] == '.' && DigitString.IsAsciiDigit(s[pos + 1]))
        {
            pos++;
            TryReadDigits(s, ref pos, out var part);
            release.Add(DigitString.Normalize(part));
        }

        Pep440PreRelease? preKind = null;
        string? preNumber = null;
        foreach (var (spelling, kind) in PreLabels)
        {
            if (TryReadLabelled(s, ref pos, spelling, out preNumber))
            {
                preKind = kind;
                break;
            }
        }

        string? post = null;
        if (pos + 1 < s.Length && s[pos] == '-' && DigitString.IsAsciiDigit(s[pos + 1]))
        {
            // The implicit post release "1.0-1" (= 1.0.post1): only a hyphen and a number.
            pos++;
            TryReadDigits(s, ref pos, out var number);
            post = DigitString.Normalize(number);
        }
        else
        {
            foreach (var spelling in PostLabels)
                if (TryReadLabelled(s, ref pos, spelling, out post)) break;
        }

        string? dev = null;
        foreach (var spelling in DevLabels)
            if (TryReadLabelled(s, ref pos, spelling, out dev)) break;

        IReadOnlyList<string>? local = null;
        if (pos < s.Length && s[pos] == '+')
        {
            pos++;
            if (!TryReadLocal(s, original, ref pos, out local, out reason)) return false;
        }

        if (pos < s.Length)
        {
            reason = $"unexpected {QuotedText.Of(original[pos..].ToString())} at position {pos + 1}";
            return false;
        }

        version = new Pep440Version(text, epoch, release, preKind, preNumber, post, dev, local);
        reason = null;
        return true;
    }

    private static string ExpectedRelease(ReadOnlySpan<char> s, int pos) =>
        pos < s.Length
            ? $"expected a release number such as 1.0 but found {QuotedText.Of(s[pos])} at position {pos + 1}"
            : "expected a release number such as 1.0";

    private static bool TryReadDigits(ReadOnlySpan<char> s, ref int pos, out ReadOnlySpan<char> digits)
    {
        var start = pos;
        while (pos < s.Length && DigitString.IsAsciiDigit(s[pos])) pos++;
        digits = s[start..pos];
        return pos > start;
    }

    private static bool IsSeparator(char c) => c is '.' or '-' or '_';

    /// <summary>
    /// Reads <c>[sep] label [sep] [number]</c>; a missing number means 0. The separator after the label is
    /// taken even without a number, as PEP 440's grammar allows (<c>1.0a.post1</c>).
    /// </summary>
    private static bool TryReadLabelled(ReadOnlySpan<char> s, ref int pos, string label, out string? number)
    {
        number = null;
        var at = pos;
        if (at < s.Length && IsSeparator(s[at])) at++;
        if (!s[at..].StartsWith(label, StringComparison.Ordinal)) return false;
        at += label.Length;
        if (at < s.Length && IsSeparator(s[at])) at++;
        number = TryReadDigits(s, ref at, out var digits) ? DigitString.Normalize(digits) : "0";
        pos = at;
        return true;
    }

    private static bool TryReadLocal(
        ReadOnlySpan<char> s, ReadOnlySpan<char> original, ref int pos,
        [NotNullWhen(true)] out IReadOnlyList<string>? local, [NotNullWhen(false)] out string? reason)
    {
        var segments = new List<string>();
        while (true)
        {
            var start = pos;
            while (pos < s.Length && (DigitString.IsAsciiDigit(s[pos]) || s[pos] is >= 'a' and <= 'z')) pos++;
            if (pos == start)
            {
                local = null;
                reason = pos < s.Length
                    ? $"invalid character {QuotedText.Of(original[pos])} in the local version label at position {pos + 1}"
                    : "empty segment in the local version label";
                return false;
            }
            var segment = s[start..pos];
            segments.Add(DigitString.AllDigits(segment) ? DigitString.Normalize(segment) : segment.ToString());
            if (pos == s.Length || !IsSeparator(s[pos])) break;
            pos++;
        }
        local = segments;
        reason = null;
        return true;
    }
}
