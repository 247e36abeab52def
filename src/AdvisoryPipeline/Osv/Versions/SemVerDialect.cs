namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// What an ecosystem accepts around a SemVer 2.0 core. Each flag is a deliberate, documented departure
/// from the strict grammar that OSV's <c>SEMVER</c> range type requires.
/// </summary>
/// <param name="Name">Scheme name for messages.</param>
/// <param name="TrimWhitespace">Surrounding whitespace is ignored (npm).</param>
/// <param name="EqualsPrefix">One leading <c>=</c> is ignored (npm).</param>
/// <param name="VPrefix">One leading <c>v</c> is ignored (npm, Go module tags, Swift tags).</param>
/// <param name="LeadingZeros">Numbers may have leading zeros (Pub, whose grammar predates that rule).</param>
/// <param name="BuildIsOrdered">Build metadata takes part in ordering after everything else (Pub).</param>
internal sealed record SemVerDialect(
    string Name,
    bool TrimWhitespace = false,
    bool EqualsPrefix = false,
    bool VPrefix = false,
    bool LeadingZeros = false,
    bool BuildIsOrdered = false)
{
    /// <summary>SemVer 2.0.0 exactly, as OSV's SEMVER ranges, crates.io and Hex use it.</summary>
    public static readonly SemVerDialect Strict = new("SemVer 2.0");

    /// <summary>
    /// node-semver in its default (not "loose") mode, which npm uses: surrounding whitespace, one <c>=</c>
    /// and one <c>v</c> are accepted and dropped. Loose mode (leading zeros, <c>1.2.3beta</c>) is not
    /// accepted: the registry has refused such versions since 2015.
    /// </summary>
    public static readonly SemVerDialect Npm = new("npm SemVer", TrimWhitespace: true, EqualsPrefix: true, VPrefix: true);

    /// <summary>
    /// Go module versions. The Go toolchain requires <c>v1.2.3</c>, but OSV Go records (the Go vulnerability
    /// database) write <c>1.2.3</c>: both are accepted and normalised without the <c>v</c>. Shorthands such
    /// as <c>v1.2</c> are not module versions and are rejected. Pseudo-versions
    /// (<c>0.0.0-20200101000000-abcdef123456</c>) and <c>+incompatible</c> are ordinary SemVer.
    /// </summary>
    public static readonly SemVerDialect Go = new("Go module", VPrefix: true);

    /// <summary>Swift package versions are SemVer 2.0 git tags, which are often written with a <c>v</c>.</summary>
    public static readonly SemVerDialect Swift = new("Swift SemVer", VPrefix: true);

    /// <summary>
    /// Dart's pub_semver, which follows SemVer 2.0.0-rc.1: leading zeros are allowed and build metadata is
    /// ordered (<c>1.0.0-pre &lt; 1.0.0-pre+build &lt; 1.0.0 &lt; 1.0.0+build</c>).
    /// </summary>
    public static readonly SemVerDialect Pub = new("Pub", LeadingZeros: true, BuildIsOrdered: true);
}
