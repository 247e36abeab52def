using AdvisoryPipeline.Osv.Cvss;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>The badge and filter categories: the CVSS ratings, and "unscored" when no rating is known.</summary>
public enum SeverityLevel { Critical, High, Medium, Low, None, Unscored }

public static class SeverityLevels
{
    /// <summary>In the order the filter offers them.</summary>
    public static IReadOnlyList<SeverityLevel> All { get; } = Enum.GetValues<SeverityLevel>();

    public static SeverityLevel Of(SeverityView? severity) => severity switch
    {
        { Rating: { } rating } => rating switch
        {
            CvssRating.Critical => SeverityLevel.Critical,
            CvssRating.High => SeverityLevel.High,
            CvssRating.Medium => SeverityLevel.Medium,
            CvssRating.Low => SeverityLevel.Low,
            _ => SeverityLevel.None,
        },
        // Ubuntu priorities share the names of the CVSS ratings (and add "negligible", "untriaged").
        { Type: "Ubuntu" } => severity.Vector.ToLowerInvariant() switch
        {
            "critical" => SeverityLevel.Critical,
            "high" => SeverityLevel.High,
            "medium" => SeverityLevel.Medium,
            "low" or "negligible" => SeverityLevel.Low,
            _ => SeverityLevel.Unscored,
        },
        _ => SeverityLevel.Unscored,
    };

    /// <summary>The value used in filters, CSS classes and the search index: "critical" … "unscored".</summary>
    public static string Key(this SeverityLevel level) => level.ToString().ToLowerInvariant();

    public static string Label(this SeverityLevel level) => level switch
    {
        SeverityLevel.Unscored => "Unscored",
        _ => level.ToString(),
    };
}
