using System.Diagnostics.CodeAnalysis;

namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// RubyGems versions as <c>Gem::Version</c> accepts them: a number, then <c>.</c>-separated alphanumeric
/// parts, then optionally <c>-</c> and dot-separated <c>[0-9A-Za-z-]</c> parts (which RubyGems reads as
/// <c>.pre.</c>); surrounding whitespace is ignored. RubyGems turns an empty string into <c>0</c>; here it is
/// an error, since an empty version in an advisory is a mistake.
/// </summary>
internal sealed class RubyGemsScheme : VersionScheme
{
    public static readonly RubyGemsScheme Instance = new();

    private RubyGemsScheme() { }

    public override string Name => "RubyGems";

    private protected override bool TryParseVersion(
        string text, [NotNullWhen(true)] out ParsedVersion? version, [NotNullWhen(false)] out string? reason)
    {
        version = null;
        var s = text.AsSpan().Trim();
        if (!DigitString.IsAsciiDigit(s[0]))
        {
            reason = $"it must start with a number, not {QuotedText.Of(s[0])}";
            return false;
        }

        var hyphen = s.IndexOf('-');
        var release = hyphen < 0 ? s : s[..hyphen];
        if (!CheckParts(release, allowHyphen: false, out reason)) return false;
        if (hyphen >= 0 && !CheckParts(s[(hyphen + 1)..], allowHyphen: true, out reason)) return false;

        // Gem::Version reads "1.0-beta" as "1.0.pre.beta"; its segments are the digit and letter runs.
        var rubyForm = s.ToString().Replace("-", ".pre.", StringComparison.Ordinal);
        version = new GemVersion(text, s.ToString(), Segments(rubyForm));
        reason = null;
        return true;
    }

    private static bool CheckParts(ReadOnlySpan<char> text, bool allowHyphen, [NotNullWhen(false)] out string? reason)
    {
        foreach (var range in text.Split('.'))
        {
            var part = text[range];
            if (part.IsEmpty)
            {
                reason = "empty segment";
                return false;
            }
            foreach (var c in part)
            {
                if (!DigitString.IsAsciiDigit(c) && !DigitString.IsAsciiLetter(c) && !(allowHyphen && c == '-'))
                {
                    reason = $"invalid character {QuotedText.Of(c)}";
                    return false;
                }
            }
        }
        reason = null;
        return true;
    }

    private static List<GemSegment> Segments(string rubyForm)
    {
        var segments = new List<GemSegment>();
        var i = 0;
        while (i < rubyForm.Length)
        {
            var c = rubyForm[i];
            var isNumber = DigitString.IsAsciiDigit(c);
            if (!isNumber && !DigitString.IsAsciiLetter(c))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < rubyForm.Length && (isNumber ? DigitString.IsAsciiDigit(rubyForm[i]) : DigitString.IsAsciiLetter(rubyForm[i]))) i++;
            var run = rubyForm.AsSpan(start, i - start);
            segments.Add(new GemSegment(isNumber, isNumber ? DigitString.Normalize(run) : run.ToString()));
        }
        return segments;
    }
}
