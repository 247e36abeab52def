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
        if (!EpochVersionRelease.TrySplit(text, "release", out var parts, out reason)) return false;
        if (!EpochVersionRelease.CheckCharacters(parts.Version, "._+~^", "version", out reason)
            || !EpochVersionRelease.CheckCharacters(parts.Release ?? "", "._+~^", "release", out reason))
            return false;

        version = new RpmVersion(text, parts);
        return true;
    }
}
