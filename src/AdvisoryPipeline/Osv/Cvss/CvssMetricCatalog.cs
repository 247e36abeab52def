using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>The metrics of one CVSS major version, in the order of its specification's vector table.</summary>
internal sealed class CvssMetricCatalog
{
    private readonly FrozenDictionary<string, int> _positionByName;

    private CvssMetricCatalog(bool requiresSpecificationOrder, CvssMetricDefinition[] metrics)
    {
        RequiresSpecificationOrder = requiresSpecificationOrder;
        Metrics = metrics;
        _positionByName = metrics.Select((metric, position) => KeyValuePair.Create(metric.Name, position))
            .ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyList<CvssMetricDefinition> Metrics { get; }

    /// <summary>
    /// CVSS v3.x allows metrics in any order (v3.1 section 6, Vector String: the table order is only
    /// preferred); FIRST's v4.0 vector grammar and reference calculator accept them only in table order.
    /// </summary>
    public bool RequiresSpecificationOrder { get; }

    public bool TryFind(string name, [MaybeNullWhen(false)] out CvssMetricDefinition metric, out int position)
    {
        if (_positionByName.TryGetValue(name, out position))
        {
            metric = Metrics[position];
            return true;
        }
        metric = null;
        return false;
    }

    /// <summary>CVSS v3.0 and v3.1 share one metric set (v3.1 changed formulas and rounding, not the vector).</summary>
    public static CvssMetricCatalog V3 { get; } = WithModifiedMetrics(
        requiresSpecificationOrder: false,
        baseMetrics:
        [
            CvssMetricDefinition.Mandatory("AV", "N", "A", "L", "P"),
            CvssMetricDefinition.Mandatory("AC", "L", "H"),
            CvssMetricDefinition.Mandatory("PR", "N", "L", "H"),
            CvssMetricDefinition.Mandatory("UI", "N", "R"),
            CvssMetricDefinition.Mandatory("S", "U", "C"),
            CvssMetricDefinition.Mandatory("C", "H", "L", "N"),
            CvssMetricDefinition.Mandatory("I", "H", "L", "N"),
            CvssMetricDefinition.Mandatory("A", "H", "L", "N"),
        ],
        temporalAndRequirementMetrics:
        [
            CvssMetricDefinition.Optional("E", "X", "H", "F", "P", "U"),
            CvssMetricDefinition.Optional("RL", "X", "U", "W", "T", "O"),
            CvssMetricDefinition.Optional("RC", "X", "C", "R", "U"),
            .. SecurityRequirements,
        ],
        supplementalMetrics: []);

    /// <summary>
    /// Base, threat, environmental and supplemental metrics of CVSS v4.0 (specification section 7, Vector String).
    /// </summary>
    public static CvssMetricCatalog V4 { get; } = WithModifiedMetrics(
        requiresSpecificationOrder: true,
        baseMetrics:
        [
            CvssMetricDefinition.Mandatory("AV", "N", "A", "L", "P"),
            CvssMetricDefinition.Mandatory("AC", "L", "H"),
            CvssMetricDefinition.Mandatory("AT", "N", "P"),
            CvssMetricDefinition.Mandatory("PR", "N", "L", "H"),
            CvssMetricDefinition.Mandatory("UI", "N", "P", "A"),
            CvssMetricDefinition.Mandatory("VC", "H", "L", "N"),
            CvssMetricDefinition.Mandatory("VI", "H", "L", "N"),
            CvssMetricDefinition.Mandatory("VA", "H", "L", "N"),
            CvssMetricDefinition.Mandatory("SC", "H", "L", "N"),
            CvssMetricDefinition.Mandatory("SI", "H", "L", "N"),
            CvssMetricDefinition.Mandatory("SA", "H", "L", "N"),
        ],
        temporalAndRequirementMetrics:
        [
            CvssMetricDefinition.Optional("E", "X", "A", "P", "U"),
            .. SecurityRequirements,
        ],
        supplementalMetrics:
        [
            CvssMetricDefinition.Optional("S", "X", "N", "P"),
            CvssMetricDefinition.Optional("AU", "X", "N", "Y"),
            CvssMetricDefinition.Optional("R", "X", "A", "U", "I"),
            CvssMetricDefinition.Optional("V", "X", "D", "C"),
            CvssMetricDefinition.Optional("RE", "X", "L", "M", "H"),
            CvssMetricDefinition.Optional("U", "X", "Clear", "Green", "Amber", "Red"),
        ]);

    private static CvssMetricDefinition[] SecurityRequirements =>
    [
        CvssMetricDefinition.Optional("CR", "X", "H", "M", "L"),
        CvssMetricDefinition.Optional("IR", "X", "H", "M", "L"),
        CvssMetricDefinition.Optional("AR", "X", "H", "M", "L"),
    ];

    /// <summary>
    /// Both versions follow the temporal/threat metrics and security requirements with one modified metric per
    /// base metric, in base order, taking the base values plus X. v4.0 adds S (Safety) to MSI and MSA only.
    /// </summary>
    private static CvssMetricCatalog WithModifiedMetrics(
        bool requiresSpecificationOrder,
        CvssMetricDefinition[] baseMetrics,
        CvssMetricDefinition[] temporalAndRequirementMetrics,
        CvssMetricDefinition[] supplementalMetrics)
    {
        var modified = baseMetrics.Select(metric => CvssMetricDefinition.Optional(
            "M" + metric.Name,
            [.. ValuesOnlyModifiedMetricsHave(metric.Name), .. metric.Values]));
        return new CvssMetricCatalog(
            requiresSpecificationOrder,
            [.. baseMetrics, .. temporalAndRequirementMetrics, .. modified, .. supplementalMetrics]);
    }

    private static string[] ValuesOnlyModifiedMetricsHave(string baseMetric) =>
        baseMetric is "SI" or "SA" ? ["X", "S"] : ["X"];
}
