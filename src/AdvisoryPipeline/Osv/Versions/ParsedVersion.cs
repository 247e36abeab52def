namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// A version as its scheme understands it. Ordering and equality follow the scheme's precedence rules,
/// so <c>1.0 == 1.0.0</c> under PEP 440 and <c>1.0.0+a == 1.0.0+b</c> under SemVer; <see cref="Text"/>
/// keeps what the author wrote.
/// </summary>
/// <remarks>
/// OSV gives two strings a meaning of their own in every range type: <c>"0"</c> (as <c>introduced</c>) is
/// "before every version" and <c>"*"</c> (as <c>limit</c>) is "after every version". Every scheme parses
/// exactly these two strings as <see cref="BeginningOfTime"/> and <see cref="EndOfTime"/> (see
/// <see cref="VersionScheme.TryParse"/>), which is the only place they are handled. A consequence worth
/// knowing: a release literally named <c>0</c> sorts before <c>0.dev0</c> or <c>0a1</c>, which no advisory
/// distinguishes in practice. Whether <c>"0"</c> may appear as something other than <c>introduced</c> is for
/// the caller to judge (<see cref="IsBeginningOfTime"/> tells it).
/// Comparing versions of two different schemes is a programming error and throws.
/// </remarks>
public abstract class ParsedVersion : IComparable<ParsedVersion>, IEquatable<ParsedVersion>
{
    private protected ParsedVersion(string text) => Text = text;

    /// <summary>OSV's <c>"0"</c>: sorts before every version of every scheme.</summary>
    public static ParsedVersion BeginningOfTime => OsvBoundaryVersion.Beginning;

    /// <summary>OSV's <c>"*"</c> limit: sorts after every version of every scheme.</summary>
    public static ParsedVersion EndOfTime => OsvBoundaryVersion.End;

    /// <summary>The text as written.</summary>
    public string Text { get; }

    /// <summary>
    /// The scheme's preferred spelling (e.g. <c>1.0rc1</c> for PEP 440's <c>1.0-RC1</c>, <c>1.2.3</c> for
    /// npm's <c>v1.2.3</c>). Differs from <see cref="Text"/> when the author used an alternative spelling.
    /// </summary>
    public abstract string Normalized { get; }

    public bool IsBeginningOfTime => Boundary < 0;

    public bool IsEndOfTime => Boundary > 0;

    /// <summary>-1 for <see cref="BeginningOfTime"/>, +1 for <see cref="EndOfTime"/>, 0 for real versions.</summary>
    private protected virtual int Boundary => 0;

    /// <summary>Equal for two versions exactly when they compare equal: the basis of the hash code.</summary>
    private protected abstract string EquivalenceKey { get; }

    /// <summary>Compares with a version of the same concrete type.</summary>
    private protected abstract int CompareWithinScheme(ParsedVersion other);

    public int CompareTo(ParsedVersion? other)
    {
        if (other is null) return 1;
        if (ReferenceEquals(this, other)) return 0;
        var byBoundary = Boundary.CompareTo(other.Boundary);
        if (byBoundary != 0 || Boundary != 0) return byBoundary;
        if (other.GetType() != GetType())
            throw new ArgumentException(
                $"Cannot order \"{Text}\" ({GetType().Name}) against \"{other.Text}\" ({other.GetType().Name}): they belong to different version schemes.",
                nameof(other));
        return Math.Sign(CompareWithinScheme(other));
    }

    public bool Equals(ParsedVersion? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (other.GetType() == GetType() && Boundary == other.Boundary
                && (Boundary != 0 || CompareWithinScheme(other) == 0)));

    public override bool Equals(object? obj) => obj is ParsedVersion version && Equals(version);

    public override int GetHashCode() => HashCode.Combine(GetType(), StringComparer.Ordinal.GetHashCode(EquivalenceKey));

    public override string ToString() => Text;

    public static bool operator ==(ParsedVersion? left, ParsedVersion? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(ParsedVersion? left, ParsedVersion? right) => !(left == right);

    public static bool operator <(ParsedVersion? left, ParsedVersion? right) => Compare(left, right) < 0;

    public static bool operator >(ParsedVersion? left, ParsedVersion? right) => Compare(left, right) > 0;

    public static bool operator <=(ParsedVersion? left, ParsedVersion? right) => Compare(left, right) <= 0;

    public static bool operator >=(ParsedVersion? left, ParsedVersion? right) => Compare(left, right) >= 0;

    private static int Compare(ParsedVersion? left, ParsedVersion? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
