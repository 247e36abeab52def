using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Cvss;

namespace AdvisoryPipeline.Presentation;

/// <summary>
/// A severity as people read it: the score and rating computed from a CVSS vector, or the raw value for
/// types that carry no vector we score (CVSS_V2, Ubuntu). An unparsable vector shows as-is, unscored.
/// </summary>
public sealed record SeverityView(string Type, string Vector, decimal? Score, CvssRating? Rating)
{
    /// <summary>"Critical", "High", …, or the Ubuntu priority, or null when nothing can be said.</summary>
    public string? RatingText => Rating is { } r ? CvssRatingText.Of(r)
        : Type == "Ubuntu" && Vector.Length > 0 ? char.ToUpperInvariant(Vector[0]) + Vector[1..]
        : null;

    /// <summary>"9.8" with one decimal, as CVSS prints scores; null when unscored.</summary>
    public string? ScoreText => Score?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"High 7.5", "High", "7.5", or null: the rating and score as a badge or a table cell shows them.</summary>
    public string? RatingAndScore => (RatingText, ScoreText) switch
    {
        (null, null) => null,
        (null, var score) => score,
        (var rating, null) => rating,
        var (rating, score) => $"{rating} {score}",
    };

    /// <summary>"CVSS v3.1", "CVSS v4.0", or the OSV type name.</summary>
    public string TypeLabel { get; init; } = Type;

    public static SeverityView From(OsvSeverity severity)
    {
        if (severity.Type is "CVSS_V3" or "CVSS_V4"
            && CvssParser.TryParseOsvSeverity(severity.Type, severity.Score, out var vector, out _)
            && vector is not null)
        {
            var score = vector.Score();
            return new SeverityView(severity.Type, severity.Score, score.BaseScore, score.Rating)
            {
                TypeLabel = score.Version switch
                {
                    CvssVersion.V3_0 => "CVSS v3.0",
                    CvssVersion.V3_1 => "CVSS v3.1",
                    _ => "CVSS v4.0",
                },
            };
        }
        return new SeverityView(severity.Type, severity.Score, null, null)
        {
            TypeLabel = severity.Type switch
            {
                "CVSS_V2" => "CVSS v2",
                "CVSS_V3" => "CVSS v3",
                "CVSS_V4" => "CVSS v4.0",
                _ => severity.Type,
            },
        };
    }

    /// <summary>The most severe of several (highest score, scored before unscored), for badges and sorting.</summary>
    public static SeverityView? Highest(IEnumerable<SeverityView> severities) =>
        severities.OrderByDescending(s => s.Score ?? -1m).ThenBy(s => s.Type, StringComparer.Ordinal).FirstOrDefault();
}
