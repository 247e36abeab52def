using System.Globalization;

namespace AdvisoryPipeline.Osv.Identifiers;

/// <summary>
/// The parts lint reads from any advisory id, leniently (the strict form of this database's own ids is
/// <see cref="Lifecycle.AdvisoryId"/>): <c>PREFIX-YYYY-N</c>, the form most databases use, or as the placeholder
/// <c>PREFIX-0000-name</c> that a pull request carries until the id is assigned.
/// </summary>
/// <param name="Prefix">The database prefix: the configured one, else a registered one, else the text before the first dash.</param>
/// <param name="Year">The four-digit year after the prefix, or null when the id has no such part.</param>
/// <param name="IsPlaceholder">The year is <c>0000</c> and a non-empty name follows.</param>
internal readonly record struct IdParts(string Prefix, int? Year, bool IsPlaceholder)
{
    private const string PlaceholderYear = "0000";

    public static IdParts Read(string id, string? configuredPrefix)
    {
        var prefix = configuredPrefix is not null && id.StartsWith(configuredPrefix + "-", StringComparison.Ordinal)
            ? configuredPrefix
            : OsvPrefixes.RegisteredPrefixOf(id) ?? (id.IndexOf('-') is var dash and > 0 ? id[..dash] : id);
        if (prefix.Length >= id.Length) return new IdParts(prefix, null, false);

        var rest = id.AsSpan(prefix.Length + 1);
        if (rest.Length < 6 || rest[4] != '-' || rest[..4].ContainsAnyExceptInRange('0', '9'))
            return new IdParts(prefix, null, false);
        if (rest[..4].SequenceEqual(PlaceholderYear)) return new IdParts(prefix, null, true);
        return new IdParts(prefix, int.Parse(rest[..4], NumberStyles.None, CultureInfo.InvariantCulture), false);
    }
}
