using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>
/// A validated CVSS v3.0, v3.1 or v4.0 vector. Immutable; obtain one through <see cref="CvssParser"/> or
/// <see cref="TryParse(string?, out CvssVector?, out string?)"/>.
/// </summary>
public sealed class CvssVector
{
    internal CvssVector(CvssVersion version, string text, OrderedDictionary<string, string> metrics)
    {
        Version = version;
        Text = text;
        Metrics = new ReadOnlyDictionary<string, string>(metrics);
    }

    public CvssVersion Version { get; }

    /// <summary>Every metric the vector states, abbreviation to value, enumerated in the order of the vector.</summary>
    public IReadOnlyDictionary<string, string> Metrics { get; }

    /// <summary>The vector exactly as it was parsed, prefix included.</summary>
    public string Text { get; }

    /// <summary>
    /// What the score measures, in the CVSS v4.0 naming: <c>CVSS-B</c> (base only), <c>CVSS-BT</c> (with threat),
    /// <c>CVSS-BE</c> (with environmental) or <c>CVSS-BTE</c>. Metrics set to X (Not Defined) do not count. A v3.x
    /// score is always the Base score, hence always <c>CVSS-B</c>.
    /// </summary>
    public string Nomenclature
    {
        get
        {
            if (Version != CvssVersion.V4_0)
                return "CVSS-B";
            var threat = IsDefined("E");
            var environmental = Cvss4EffectiveMetrics.EnvironmentalMetrics.Any(IsDefined);
            return "CVSS-B" + (threat ? "T" : "") + (environmental ? "E" : "");
        }
    }

    /// <summary>Computes the score; see <see cref="CvssScore"/> for what it covers in each version.</summary>
    public CvssScore Score()
    {
        var score = Version == CvssVersion.V4_0
            ? Cvss4Calculator.Score(this)
            : Cvss3Calculator.BaseScore(this);
        return new CvssScore(Version, score, CvssRatingScale.Rate(score), Text);
    }

    /// <summary>Same as <see cref="CvssParser.TryParse(string?, out CvssVector?, out string?)"/>.</summary>
    public static bool TryParse(
        string? vector,
        [NotNullWhen(true)] out CvssVector? parsed,
        [NotNullWhen(false)] out string? error) =>
        CvssParser.TryParse(vector, out parsed, out error);

    public override string ToString() => Text;

    /// <summary>The stated value of a metric, or null when the vector leaves it out.</summary>
    internal string? ValueOf(string metric) => Metrics.GetValueOrDefault(metric);

    private bool IsDefined(string metric) => ValueOf(metric) is { } value && value != "X";
}
