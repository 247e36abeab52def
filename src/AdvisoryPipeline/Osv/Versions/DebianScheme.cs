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
        if (!EpochVersionRelease.TrySplit(text.AsSpan().Trim(), "revision", out var parts, out reason)) return false;
        if (!DigitString.IsAsciiDigit(parts.Version[0]))
        {
            reason = "the upstream version must start with a digit";
            return false;
        }
        if (!EpochVersionRelease.CheckCharacters(parts.Version, ".+~-:", "upstream version", out reason)
            || !EpochVersionRelease.CheckCharacters(parts.Release ?? "", ".+~", "revision", out reason))
            return false;

        version = new DebianVersion(text, parts);
        return true;
    }
}
