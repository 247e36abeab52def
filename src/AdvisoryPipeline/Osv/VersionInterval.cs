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
    public string ToComparisonText() => ToComparisonText(static version => version);

    /// <summary>
    /// The same text with every version passed through <paramref name="formatVersion"/>, so that a renderer
    /// can escape versions for its format or link commits without re-deriving the operators.
    /// </summary>
    public string ToComparisonText(Func<string, string> formatVersion)
    {
        var upper = Fixed is not null ? "< " + formatVersion(Fixed)
            : LastAffected is not null ? "<= " + formatVersion(LastAffected)
            : Limit is not null ? "< " + formatVersion(Limit)
            : null;
        return (Introduced, upper) switch
        {
            (null, null) => "all versions",
            (null, _) => upper,
            (_, null) => ">= " + formatVersion(Introduced),
            _ => $">= {formatVersion(Introduced)}, {upper}",
        };
    }
}
