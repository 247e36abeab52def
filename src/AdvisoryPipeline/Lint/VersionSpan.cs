using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// One stretch of affected versions of a range, as the OSV evaluation reads its events: from
/// <see cref="Lower"/> (inclusive) to <see cref="Upper"/> (exclusive, or inclusive for <c>last_affected</c>),
/// or without end when <see cref="Upper"/> is null.
/// </summary>
internal readonly record struct VersionSpan(ParsedVersion Lower, ParsedVersion? Upper, bool UpperInclusive)
{
    public bool Contains(ParsedVersion version)
    {
        if (version < Lower) return false;
        if (Upper is null) return true;
        var byUpper = version.CompareTo(Upper);
        return byUpper < 0 || (byUpper == 0 && UpperInclusive);
    }

    /// <summary>The lowest version both spans contain, or null when they are disjoint.</summary>
    public ParsedVersion? FirstCommonVersion(VersionSpan other)
    {
        var lower = Lower >= other.Lower ? Lower : other.Lower;
        return Contains(lower) && other.Contains(lower) ? lower : null;
    }
}
