using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Publishing.Ghsa;

/// <summary>
/// Affected versions in the syntax of GitHub's <c>vulnerable_version_range</c>: comparisons joined by ", " that
/// must all hold (<c>&gt;= 1.0, &lt; 1.2.3</c>, <c>&lt;= 0.9.4</c>, <c>= 2.0.1</c>). One range per entry: the
/// syntax has no "or", so each interval of an OSV range becomes its own entry.
/// </summary>
internal static class GhsaVersionRange
{
    /// <summary>Every version: what GitHub's Advisory Database writes for an OSV range introduced at 0 and never fixed.</summary>
    public const string AllVersions = ">= 0";

    public static string Of(VersionInterval interval) =>
        interval.FromBeginning && interval.IsOpenEnded ? AllVersions : interval.ToComparisonText();

    /// <summary>One version listed in an OSV <c>versions</c> array.</summary>
    public static string Exactly(string version) => "= " + version;
}
