namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>
/// The two definitions of the CVSS v3 "Roundup" function, both returning whole tenths of a point.
/// </summary>
internal static class Cvss3Roundup
{
    /// <summary>
    /// v3.0 (Base equations): the smallest number, to one decimal place, that is equal to or higher than the input. A value a
    /// hair above a tenth (4.000001) therefore goes to the next tenth (4.1).
    /// </summary>
    public static int V30(decimal value) => (int)decimal.Ceiling(value * 10);

    /// <summary>
    /// v3.1 Appendix A: the input is first rounded to five decimal places, and only a remainder beyond that counts.
    /// FIRST introduced this so that calculators agree despite binary floating-point noise (4.000000000000001 is
    /// 4.0, not 4.1); it also means an exact value up to 0.000005 above a tenth stays on that tenth.
    /// </summary>
    public static int V31(decimal value)
    {
        var hundredThousandths = (long)decimal.Round(value * 100_000, MidpointRounding.AwayFromZero);
        var tenths = hundredThousandths / 10_000;
        return (int)(hundredThousandths % 10_000 == 0 ? tenths : tenths + 1);
    }
}
