using System.Globalization;
using AdvisoryPipeline.Osv.Cvss;

namespace AdvisoryPipeline.Tests.Osv.Cvss;

/// <summary>
/// Every vector of the shared reference files must score exactly as FIRST's calculators list it, formatted with
/// one decimal. One test per file reports all mismatches at once.
/// </summary>
public sealed class CvssReferenceScoreTests
{
    [Fact]
    public void Every_v3_1_base_vector_scores_as_listed()
    {
        var vectors = ReferenceVectorFile.Read("v3.1-base.txt");

        Assert.Equal(2592, vectors.Count);
        AssertScores(vectors, CvssVersion.V3_1, vector => vector);
    }

    [Fact]
    public void Every_v4_0_vector_scores_as_listed()
    {
        var vectors = ReferenceVectorFile.Read("v4.0-base.txt");

        Assert.Equal(1058, vectors.Count);
        AssertScores(vectors, CvssVersion.V4_0, vector => vector);
    }

    /// <summary>
    /// v3.0 and v3.1 differ only in Roundup, and the v3.1 Roundup only disregards excess below 0.000005 (the
    /// residue of binary floating point). Computed exactly, no base vector has such a residue, so every v3.0
    /// base score equals the v3.1 one; <see cref="Cvss3RoundupTests"/> shows where the two functions part.
    /// </summary>
    [Fact]
    public void Every_base_vector_scores_the_same_as_v3_0_as_listed_for_v3_1()
    {
        var vectors = ReferenceVectorFile.Read("v3.1-base.txt");

        AssertScores(vectors, CvssVersion.V3_0, vector => vector.Replace("CVSS:3.1/", "CVSS:3.0/", StringComparison.Ordinal));
    }

    /// <summary>Temporal and environmental metrics are accepted in v3 vectors but do not change the Base score.</summary>
    [Fact]
    public void V3_temporal_and_environmental_metrics_leave_the_base_score_unchanged()
    {
        var vectors = ReferenceVectorFile.Read("v3.1-base.txt");

        AssertScores(vectors, CvssVersion.V3_1, vector => vector + "/E:U/RL:O/RC:R/CR:L/IR:H/AR:M/MAV:P/MS:C/MC:N");
    }

    /// <summary>Supplemental metrics carry information only: the v4.0 score ignores them.</summary>
    [Fact]
    public void V4_supplemental_metrics_leave_the_score_unchanged()
    {
        var vectors = ReferenceVectorFile.Read("v4.0-base.txt");

        AssertScores(vectors, CvssVersion.V4_0, vector => vector + "/S:P/AU:Y/R:I/V:C/RE:H/U:Red");
    }

    /// <summary>
    /// Threat and security-requirement metrics left out are scored at their worst case (E:A, CR/IR/AR:H), so
    /// stating those values, or X, changes nothing.
    /// </summary>
    [Theory]
    [InlineData("/E:A/CR:H/IR:H/AR:H")]
    [InlineData("/E:X/CR:X/IR:X/AR:X")]
    public void V4_worst_case_threat_and_requirements_equal_the_base_score(string suffix)
    {
        var vectors = ReferenceVectorFile.Read("v4.0-base.txt");

        AssertScores(vectors, CvssVersion.V4_0, vector => vector + suffix);
    }

    /// <summary>
    /// A modified metric replaces the base value it modifies: moving each reference vector's AV, VC and SA to
    /// other base values and restoring the originals through MAV, MVC and MSA keeps the listed score.
    /// </summary>
    [Fact]
    public void V4_modified_metrics_override_the_base_values()
    {
        var vectors = ReferenceVectorFile.Read("v4.0-base.txt");

        AssertScores(vectors, CvssVersion.V4_0, vector =>
        {
            var original = CvssParser.Parse(vector).Metrics;
            var moved = vector
                .Replace("/AV:" + original["AV"], "/AV:" + (original["AV"] == "P" ? "N" : "P"), StringComparison.Ordinal)
                .Replace("/VC:" + original["VC"], "/VC:" + (original["VC"] == "N" ? "H" : "N"), StringComparison.Ordinal)
                .Replace("/SA:" + original["SA"], "/SA:" + (original["SA"] == "N" ? "H" : "N"), StringComparison.Ordinal);
            Assert.NotEqual(vector, moved);
            return $"{moved}/MAV:{original["AV"]}/MVC:{original["VC"]}/MSA:{original["SA"]}";
        });
    }

    private static void AssertScores(
        IReadOnlyList<ReferenceVector> vectors, CvssVersion version, Func<string, string> rewrite)
    {
        var mismatches = new List<string>();
        foreach (var reference in vectors)
        {
            var text = rewrite(reference.Vector);
            if (!CvssParser.TryParse(text, out var parsed, out var error))
            {
                mismatches.Add($"line {reference.LineNumber}: {text}: rejected: {error}");
                continue;
            }
            var score = parsed.Score();
            var actual = score.BaseScore.ToString(CultureInfo.InvariantCulture);
            if (actual != reference.ExpectedScore || score.Version != version || score.Vector != text)
                mismatches.Add($"line {reference.LineNumber}: {text}: expected {reference.ExpectedScore}, got {actual} ({score.Version})");
        }

        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} of {vectors.Count} vectors differ:\n{string.Join('\n', mismatches)}");
    }
}
