namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>Maps a score to its qualitative rating (the table is identical in CVSS v3.0, v3.1 and v4.0).</summary>
public static class CvssRatingScale
{
    /// <summary>
    /// None 0.0, Low 0.1–3.9, Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0. Scores carry one decimal, so
    /// each band is bounded by the next band's lower edge.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The score is outside 0.0–10.0.</exception>
    public static CvssRating Rate(decimal score)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(score);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 10.0m);
        return score switch
        {
            0.0m => CvssRating.None,
            < 4.0m => CvssRating.Low,
            < 7.0m => CvssRating.Medium,
            < 9.0m => CvssRating.High,
            _ => CvssRating.Critical,
        };
    }
}
