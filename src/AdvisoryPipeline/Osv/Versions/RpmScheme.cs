using System.Diagnostics.CodeAnalysis;

namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// RPM versions as <c>[epoch:]version[-release]</c> (the EVR that Red Hat, SUSE, AlmaLinux, Rocky Linux,
/// openEuler, Mageia, Azure Linux and Photon OS advisories use). Version and release hold letters, digits
/// and <c>. _ + ~ ^</c>; the release starts after the last hyphen.
/// </summary>
internal sealed class RpmScheme : VersionScheme
{
    public static readonly RpmScheme Instance = new();

    private RpmScheme() { }

    public override string Name => "RPM";

    private protected override bool TryParseVersion(
        string text, [NotNullWhen(true)] out ParsedVersion? version, [NotNullWhen(false)] out string? reason)
    {
        version = null;
        var s = text.AsSpan();
        if (s.IsEmpty)
        {
            reason = "the version is empty";
            return false;
        }

        var epoch = "0";
        var colon = s.IndexOf(':');
        if (colon >= 0)
        {
            if (!DigitString.AllDigits(s[..colon]))
            {
                reason = $"the epoch {QuotedText.Of(s[..colon].ToString())} is not a number";
                return false;
            }
            epoch = DigitString.Normalize(s[..colon]);
            s = s[(colon + 1)..];
        }

        var hyphen = s.LastIndexOf('-');
        var versionPart = hyphen < 0 ? s : s[..hyphen];
        var release = hyphen < 0 ? [] : s[(hyphen + 1)..];
        if (versionPart.IsEmpty)
        {
            reason = "the version part is empty";
            return false;
        }
        if (hyphen >= 0 && release.IsEmpty)
        {
            reason = "the release after the last hyphen is empty";
            return false;
        }
        if (!CheckCharacters(versionPart, "version", out reason) || !CheckCharacters(release, "release", out reason))
            return false;

        version = new RpmVersion(text, epoch, versionPart.ToString(), hyphen < 0 ? null : release.ToString());
        return true;
    }

    private static bool CheckCharacters(ReadOnlySpan<char> part, string name, [NotNullWhen(false)] out string? reason)
    {
        foreach (var c in part)
        {
            if (!DigitString.IsAsciiDigit(c) && !DigitString.IsAsciiLetter(c) && c is not ('.' or '_' or '+' or '~' or '^'))
            {
                reason = $"invalid character {QuotedText.Of(c)} in the {name}";
                return false;
            }
        }
        reason = null;
        return true;
    }
}
