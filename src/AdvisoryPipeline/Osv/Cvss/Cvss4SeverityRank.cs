using System.Collections.Frozen;

namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>
/// Position of a value within its CVSS v4.0 metric, most severe first, counted in steps of one. The reference
/// calculator counts in steps of 0.1; only differences of ranks within one metric are ever used, so whole steps
/// give the same proportions without fractional arithmetic.
/// </summary>
internal static class Cvss4SeverityRank
{
    private static readonly string[] Impact = ["H", "L", "N"];
    private static readonly string[] SubsequentImpactWithSafety = ["S", "H", "L", "N"];
    private static readonly string[] Requirement = ["H", "M", "L"];

    private static readonly FrozenDictionary<string, string[]> OrderByMetric = new Dictionary<string, string[]>
    {
        ["AV"] = ["N", "A", "L", "P"],
        ["PR"] = ["N", "L", "H"],
        ["UI"] = ["N", "P", "A"],
        ["AC"] = ["L", "H"],
        ["AT"] = ["N", "P"],
        ["VC"] = Impact,
        ["VI"] = Impact,
        ["VA"] = Impact,
        ["SC"] = Impact,
        ["SI"] = SubsequentImpactWithSafety,
        ["SA"] = SubsequentImpactWithSafety,
        ["CR"] = Requirement,
        ["IR"] = Requirement,
        ["AR"] = Requirement,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static int Of(string metric, string value)
    {
        if (!OrderByMetric.TryGetValue(metric, out var order))
            throw new ArgumentOutOfRangeException(nameof(metric), metric, "No severity order for this metric.");
        var rank = Array.IndexOf(order, value);
        return rank >= 0
            ? rank
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a value of {metric}.");
    }
}
