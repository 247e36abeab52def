using AdvisoryPipeline.Osv.Cvss;

namespace AdvisoryPipeline.Tests.Osv.Cvss;

/// <summary>
/// The v3.0 and v3.1 Roundup functions. Over exact decimal arithmetic they agree on every base vector (see
/// <see cref="CvssReferenceScoreTests"/>); they part only on inputs within 0.000005 above a tenth, which is
/// where binary floating point leaves its residue.
/// </summary>
public sealed class Cvss3RoundupTests
{
    [Theory]
    [InlineData("4.02", 41)] // the specifications' own example: Round up (4.02) is 4.1
    [InlineData("4.00", 40)] // and Round up (4.00) is 4.0
    [InlineData("0.01", 1)]
    [InlineData("9.95", 100)]
    [InlineData("10", 100)]
    public void Both_versions_agree_away_from_a_tenth(string input, int tenths)
    {
        var value = decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(tenths, Cvss3Roundup.V30(value));
        Assert.Equal(tenths, Cvss3Roundup.V31(value));
    }

    [Theory]
    [InlineData("4.000000000000001", 41, 40)] // v3.1 Appendix A: the floating-point result for an exact 4.0
    [InlineData("4.000001", 41, 40)]
    [InlineData("4.0000049", 41, 40)]
    [InlineData("4.000005", 41, 41)] // rounds to 4.00001: a real remainder for v3.1 as well
    public void A_hair_above_a_tenth_is_rounded_up_by_v3_0_only(string input, int v30Tenths, int v31Tenths)
    {
        var value = decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(v30Tenths, Cvss3Roundup.V30(value));
        Assert.Equal(v31Tenths, Cvss3Roundup.V31(value));
    }
}
