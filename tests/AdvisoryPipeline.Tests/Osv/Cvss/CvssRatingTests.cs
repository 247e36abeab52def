using AdvisoryPipeline.Osv.Cvss;

namespace AdvisoryPipeline.Tests.Osv.Cvss;

public sealed class CvssRatingTests
{
    [Theory]
    [InlineData("0.0", CvssRating.None)]
    [InlineData("0.1", CvssRating.Low)]
    [InlineData("3.9", CvssRating.Low)]
    [InlineData("4.0", CvssRating.Medium)]
    [InlineData("6.9", CvssRating.Medium)]
    [InlineData("7.0", CvssRating.High)]
    [InlineData("8.9", CvssRating.High)]
    [InlineData("9.0", CvssRating.Critical)]
    [InlineData("10.0", CvssRating.Critical)]
    public void Band_edges_follow_the_specification(string score, CvssRating rating) =>
        Assert.Equal(rating, CvssRatingScale.Rate(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("-0.1")]
    [InlineData("10.1")]
    public void Scores_outside_0_to_10_are_refused(string score) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            CvssRatingScale.Rate(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(CvssRating.None, "None")]
    [InlineData(CvssRating.Low, "Low")]
    [InlineData(CvssRating.Medium, "Medium")]
    [InlineData(CvssRating.High, "High")]
    [InlineData(CvssRating.Critical, "Critical")]
    public void Ratings_are_named_as_in_the_specification(CvssRating rating, string text) =>
        Assert.Equal(text, CvssRatingText.Of(rating));

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", CvssRating.None)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N", CvssRating.None)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", CvssRating.Critical)]
    public void A_score_carries_the_rating_of_its_value(string vector, CvssRating rating)
    {
        var score = CvssParser.Parse(vector).Score();

        Assert.Equal(rating, score.Rating);
        Assert.Equal(CvssRatingScale.Rate(score.BaseScore), score.Rating);
    }
}
