using System.Diagnostics.CodeAnalysis;

namespace AdvisoryPipeline.Osv.Versions;

/// <summary>SemVer 2.0.0 (https://semver.org) and its ecosystem dialects (<see cref="SemVerDialect"/>).</summary>
internal sealed class SemVerScheme(SemVerDialect dialect) : VersionScheme
{
    public SemVerDialect Dialect { get; } = dialect;

    public override string Name => Dialect.Name;

    private protected override bool TryParseVersion(
        string text, [NotNullWhen(true)] out ParsedVersion? version, [NotNullWhen(false)] out string? reason)
    {
        version = null;
        var s = Dialect.TrimWhitespace ? text.AsSpan().Trim() : text.AsSpan();
        if (Dialect.EqualsPrefix && s[0] == '=') s = s[1..];
        if (Dialect.VPrefix && !s.IsEmpty && s[0] == 'v') s = s[1..];
        else if (!s.IsEmpty && s[0] is 'v' or 'V')
        {
            reason = $"a leading {QuotedText.Of(s[0])} is not part of a {Name} version";
            return false;
        }

        var end = s.IndexOfAny('-', '+');
        var core = end < 0 ? s : s[..end];
        if (!TryParseCore(core, out var numbers, out reason)) return false;

        string[] prerelease = [];
        string[] build = [];
        var rest = end < 0 ? [] : s[end..];
        if (!rest.IsEmpty && rest[0] == '-')
        {
            var plus = rest.IndexOf('+');
            var part = plus < 0 ? rest[1..] : rest[1..plus];
            if (!SemVerIdentifiers.TryParse(part, "pre-release", Dialect.LeadingZeros, out prerelease, out reason)) return false;
            rest = plus < 0 ? [] : rest[plus..];
        }
        if (!rest.IsEmpty)
        {
            if (!SemVerIdentifiers.TryParse(rest[1..], "build", allowLeadingZeros: true, out build, out reason)) return false;
        }

        var parts = new SemVerParts(numbers[0], numbers[1], numbers[2], prerelease, build);
        version = Dialect.BuildIsOrdered ? new PubVersion(text, parts) : new SemVerVersion(text, parts);
        return true;
    }

    private bool TryParseCore(ReadOnlySpan<char> core, out string[] numbers, [NotNullWhen(false)] out string? reason)
    {
        string[] names = ["major", "minor", "patch"];
        numbers = new string[3];
        var index = 0;
        foreach (var range in core.Split('.'))
        {
            var part = core[range];
            if (index == 3)
            {
                reason = "more than three numbers (SemVer is MAJOR.MINOR.PATCH)";
                return false;
            }
            if (part.IsEmpty)
            {
                reason = $"empty {names[index]} version";
                return false;
            }
            if (!DigitString.AllDigits(part))
            {
                var bad = part[part.IndexOfAnyExceptInRange('0', '9')];
                reason = $"invalid character {QuotedText.Of(bad)} in the {names[index]} version";
                return false;
            }
            if (!Dialect.LeadingZeros && part.Length > 1 && part[0] == '0')
            {
                reason = $"the {names[index]} version {QuotedText.Of(part.ToString())} has a leading zero";
                return false;
            }
            numbers[index++] = DigitString.Normalize(part);
        }
        if (index < 3)
        {
            reason = $"missing {names[index]} version (SemVer is MAJOR.MINOR.PATCH)";
            return false;
        }
        reason = null;
        return true;
    }
}
