using System.Collections.Frozen;

namespace AdvisoryPipeline.Osv.Identifiers;

/// <summary>
/// The home-database prefixes registered in the OSV specification ("id" field; the schema's <c>$defs/prefix</c>),
/// and <c>x_</c> for private use. A test keeps the list equal to the official schema's.
/// </summary>
internal static class OsvPrefixes
{
    public const string Private = "x_";

    public static IReadOnlyList<string> Registered { get; } =
    [
        "ALBA", "ALEA", "ALPINE", "ALSA", "ASB-A", "AZL", "BELL", "BIT", "CGA", "CLEANSTART", "CLSA", "CURL", "CVE",
        "DEBIAN", "DHI", "DLA", "DRUPAL", "DSA", "DTSA", "ECHO", "EEF", "ELA", "FreeBSD", "GHSA", "GO", "GSD", "HSEC",
        "JLSEC", "KUBE", "LBSEC", "LSN", "MAL", "MGASA", "MINI", "OESA", "OSEC", "OSV", "openSUSE-SU", "PHSA", "PSF",
        "PUB-A", "PYSEC", "RHBA", "RHEA", "RHSA", "RLSA", "ROOT", "RSEC", "RUSTSEC", "RXSA", "SUSE-FU", "SUSE-OU",
        "SUSE-RU", "SUSE-SU", "UBUNTU", "USN", "V8",
    ];

    private static readonly FrozenSet<string> RegisteredSet = Registered.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The registered prefix that <paramref name="id"/> starts with (followed by <c>-</c>), or null. Prefixes may
    /// contain a dash themselves (<c>SUSE-SU</c>), so the id is tried at its first and second dash.
    /// </summary>
    public static string? RegisteredPrefixOf(string id)
    {
        var first = id.IndexOf('-');
        if (first <= 0) return null;
        var second = id.IndexOf('-', first + 1);
        if (second > 0 && RegisteredSet.Contains(id[..second])) return id[..second];
        return RegisteredSet.Contains(id[..first]) ? id[..first] : null;
    }

    public static bool IsPrivate(string id) => id.StartsWith(Private, StringComparison.Ordinal);

    /// <summary>Whether a database may publish <paramref name="id"/> without registering its prefix.</summary>
    public static bool IsRegisteredOrPrivate(string id) => IsPrivate(id) || RegisteredPrefixOf(id) is not null;
}
