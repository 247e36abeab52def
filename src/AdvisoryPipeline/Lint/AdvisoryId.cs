using System.Globalization;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// An advisory id read as <c>PREFIX-YYYY-N</c>, the form most databases use, or as the placeholder
/// <c>PREFIX-0000-name</c> that a pull request carries until the id is assigned.
/// </summary>
/// <param name="Prefix">The database prefix: the configured one, else a registered one, else the text before the first dash.</param>
/// <param name="Year">The four-digit year after the prefix, or null when the id has no such part.</param>
/// <param name="IsPlaceholder">The year is <c>0000</c> and a non-empty name follows.</param>
internal readonly record struct AdvisoryId(string Prefix, int? Year, bool IsPlaceholder)
{
    private const string PlaceholderYear = "0000";

    public static AdvisoryId Read(string id, string? configuredPrefix)
    {
        var prefix = configuredPrefix is not null && id.StartsWith(configuredPrefix + "-", StringComparison.Ordinal)
            ? configuredPrefix
            : OsvPrefixes.RegisteredPrefixOf(id) ?? (id.IndexOf('-') is var dash and > 0 ? id[..dash] : id);
        if (prefix.Length >= id.Length) return new AdvisoryId(prefix, null, false);

        var rest = id.AsSpan(prefix.Length + 1);
        if (rest.Length < 6 || rest[4] != '-' || rest[..4].ContainsAnyExceptInRange('0', '9'))
            return new AdvisoryId(prefix, null, false);
        if (rest[..4].SequenceEqual(PlaceholderYear)) return new AdvisoryId(prefix, null, true);
        return new AdvisoryId(prefix, int.Parse(rest[..4], NumberStyles.None, CultureInfo.InvariantCulture), false);
    }
}
