namespace AdvisoryPipeline.Osv.Cvss;

/// <summary>
/// Both calculators work in whole tenths of a point; this turns tenths into the decimal score with exactly one
/// decimal place, so that <c>50</c> becomes <c>5.0</c> (not <c>5</c>) and formats the way the specifications print it.
/// </summary>
internal static class CvssScoreTenths
{
    public static decimal ToScore(long tenths) => new((int)tenths, 0, 0, isNegative: false, scale: 1);
}
