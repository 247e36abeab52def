using System.Diagnostics.CodeAnalysis;

namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// Debian package versions (<c>[epoch:]upstream[-revision]</c>), as Debian Policy §5.6.12 and dpkg define
/// them; Ubuntu uses the same. The upstream part starts with a digit and may hold letters, digits and
/// <c>. + ~ - :</c>; the revision (after the last hyphen) letters, digits and <c>. + ~</c>.
/// </summary>
internal sealed class DebianScheme : VersionScheme
{
    public static readonly DebianScheme Instance = new();

    private DebianScheme() { }

    public override string Name => "Debian";

    private protected override bool TryParseVersion(
        string text, [NotNullWhen(true)] out ParsedVersion? version, [NotNullWhen(false)] out string? reason)
    {
        version = null;
        var s = text.AsSpan().Trim();
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
            if (s.IsEmpty)
            {
                reason = "nothing after the epoch's colon";
                return false;
            }
        }

        var hyphen = s.LastIndexOf('-');
        var upstream = hyphen < 0 ? s : s[..hyphen];
        var revision = hyphen < 0 ? [] : s[(hyphen + 1)..];
        if (hyphen >= 0 && revision.IsEmpty)
        {
            reason = "the revision after the last hyphen is empty";
            return false;
        }
        if (upstream.IsEmpty || !DigitString.IsAsciiDigit(upstream[0]))
        {
            reason = "the upstream version must start with a digit";
            return false;
        }
        if (!CheckCharacters(upstream, ".+~-:", "upstream version", out reason)
            || !CheckCharacters(revision, ".+~", "revision", out reason))
            return false;

        version = new DebianVersion(text, epoch, upstream.ToString(), revision.ToString());
        return true;
    }

    private static bool CheckCharacters(ReadOnlySpan<char> part, string punctuation, string name, [NotNullWhen(false)] out string? reason)
    {
        foreach (var c in part)
        {
            if (!DigitString.IsAsciiDigit(c) && !DigitString.IsAsciiLetter(c) && !punctuation.Contains(c))
            {
                reason = $"invalid character {QuotedText.Of(c)} in the {name}";
                return false;
            }
        }
        reason = null;
        return true;
    }
}
