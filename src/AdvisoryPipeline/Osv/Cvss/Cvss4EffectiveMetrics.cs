namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>
/// The metric values a CVSS v4.0 score is computed from. A modified base metric (MAV, MVC, MSI...) replaces the
/// base value it modifies; a threat or security-requirement metric that is absent or X (Not Defined) takes its
/// worst case, E:A and CR/IR/AR:H, as the specification prescribes, so that a base-only vector scores as if
/// attacked in the most demanding environment.
/// </summary>
internal sealed class Cvss4EffectiveMetrics(CvssVector vector)
{
    /// <summary>The base metrics that describe impact; when all are None the score is 0.0.</summary>
    public static readonly string[] ImpactMetrics = ["VC", "VI", "VA", "SC", "SI", "SA"];

    public static readonly string[] EnvironmentalMetrics =
        ["CR", "IR", "AR", "MAV", "MAC", "MAT", "MPR", "MUI", "MVC", "MVI", "MVA", "MSC", "MSI", "MSA"];

    /// <summary>
    /// Effective value of a base metric (AV...SA, where SI and SA can become S through MSI/MSA:S), of E, or of
    /// CR/IR/AR.
    /// </summary>
    public string this[string metric] => metric switch
    {
        "E" => Defined("E") ?? "A",
        "CR" or "IR" or "AR" => Defined(metric) ?? "H",
        _ => Defined("M" + metric) ?? Defined(metric)
            ?? throw new InvalidOperationException($"The parser admitted a vector without {metric}."),
    };

    private string? Defined(string metric) => vector.ValueOf(metric) is { } value && value != "X" ? value : null;
}
