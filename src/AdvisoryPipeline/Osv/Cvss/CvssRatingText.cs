namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>The rating names as the CVSS specifications spell them, for rendering.</summary>
public static class CvssRatingText
{
    public static string Of(CvssRating rating) => rating switch
    {
        CvssRating.None => "None",
        CvssRating.Low => "Low",
        CvssRating.Medium => "Medium",
        CvssRating.High => "High",
        CvssRating.Critical => "Critical",
        _ => throw new ArgumentOutOfRangeException(nameof(rating), rating, "Unknown CVSS rating."),
    };
}
