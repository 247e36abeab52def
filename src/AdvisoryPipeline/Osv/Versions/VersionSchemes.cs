namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// The version scheme of each OSV ecosystem whose ordering is implemented. An ecosystem without one
/// (<see cref="ForEcosystem"/> returns null) has versions that this project cannot order: callers skip
/// ordering checks for it.
/// </summary>
public static class VersionSchemes
{
    /// <summary>SemVer 2.0.0 exactly: what OSV's <c>SEMVER</c> range type requires (no leading <c>v</c>).</summary>
    public static IVersionScheme SemVer { get; } = new SemVerScheme(SemVerDialect.Strict);

    public static IVersionScheme Pep440 => Pep440Scheme.Instance;

    public static IVersionScheme Npm { get; } = new SemVerScheme(SemVerDialect.Npm);

    public static IVersionScheme Go { get; } = new SemVerScheme(SemVerDialect.Go);

    public static IVersionScheme Swift { get; } = new SemVerScheme(SemVerDialect.Swift);

    public static IVersionScheme Pub { get; } = new SemVerScheme(SemVerDialect.Pub);

    public static IVersionScheme NuGet => NuGetScheme.Instance;

    public static IVersionScheme Maven => MavenScheme.Instance;

    public static IVersionScheme RubyGems => RubyGemsScheme.Instance;

    public static IVersionScheme Debian => DebianScheme.Instance;

    public static IVersionScheme Rpm => RpmScheme.Instance;

    /// <summary>Base ecosystem name (as the OSV schema spells it) to scheme.</summary>
    public static IReadOnlyDictionary<string, IVersionScheme> ByEcosystem { get; } = new Dictionary<string, IVersionScheme>(StringComparer.Ordinal)
    {
        ["PyPI"] = Pep440,
        ["npm"] = Npm,
        ["crates.io"] = SemVer,
        ["Go"] = Go,
        ["NuGet"] = NuGet,
        ["Maven"] = Maven,
        ["RubyGems"] = RubyGems,
        ["Hex"] = SemVer,
        ["Pub"] = Pub,
        ["SwiftURL"] = Swift,
        ["Debian"] = Debian,
        ["Ubuntu"] = Debian,
        ["AlmaLinux"] = Rpm,
        ["Azure Linux"] = Rpm,
        ["Mageia"] = Rpm,
        ["openEuler"] = Rpm,
        ["openSUSE"] = Rpm,
        ["Photon OS"] = Rpm,
        ["Red Hat"] = Rpm,
        ["Rocky Linux"] = Rpm,
        ["SUSE"] = Rpm,
    };

    /// <summary>
    /// The scheme for an ecosystem string as it appears in a record, suffix included (<c>Debian:12</c>,
    /// <c>Maven:https://maven.google.com</c>): the suffix never changes the ordering. Names are
    /// case-sensitive, as in OSV. Null when the ordering is not implemented.
    /// </summary>
    public static IVersionScheme? ForEcosystem(string ecosystem)
    {
        ArgumentNullException.ThrowIfNull(ecosystem);
        var colon = ecosystem.IndexOf(':');
        return ByEcosystem.GetValueOrDefault(colon < 0 ? ecosystem : ecosystem[..colon]);
    }
}
