namespace AdvisoryPipeline.Osv;

/// <summary>
/// One span of affected versions (or commits) of a range: from <see cref="Introduced"/> (null: from the
/// beginning) up to before <see cref="Fixed"/>, up to and including <see cref="LastAffected"/>, up to before
/// <see cref="Limit"/>, or open-ended when all three are null.
/// </summary>
public sealed record VersionInterval(string? Introduced, string? Fixed, string? LastAffected, string? Limit)
{
    public bool FromBeginning => Introduced is null;

    public bool IsOpenEnded => Fixed is null && LastAffected is null && Limit is null;

    /// <summary>
    /// The interval in the comparison syntax that GitHub advisories and most scanners use:
    /// <c>&gt;= 1.0, &lt; 1.2.3</c>, <c>&lt; 2.0.1</c>, <c>&lt;= 0.9.4</c>, <c>&gt;= 2.0</c>, or <c>all versions</c>.
    /// </summary>
    public string ToComparisonText()
    {
        var upper = Fixed is not null ? "< " + Fixed
            : LastAffected is not null ? "<= " + LastAffected
            : Limit is not null ? "< " + Limit
            : null;
        return (Introduced, upper) switch
        {
            (null, null) => "all versions",
            (null, _) => upper,
            (_, null) => ">= " + Introduced,
            _ => $">= {Introduced}, {upper}",
        };
    }
}
