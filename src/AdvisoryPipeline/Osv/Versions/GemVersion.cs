namespace AdvisoryPipeline.Osv.Versions;

/// <summary>One segment of a gem version: a number or a run of letters.</summary>
internal readonly record struct GemSegment(bool IsNumber, string Value)
{
    public static readonly GemSegment Zero = new(true, "0");

    /// <summary>Letters sort below numbers (<c>1.0.a &lt; 1.0.0</c>); letters compare as Ruby strings do (bytewise).</summary>
    public static int Compare(GemSegment left, GemSegment right) =>
        left.IsNumber != right.IsNumber ? (left.IsNumber ? 1 : -1)
        : left.IsNumber ? DigitString.Compare(left.Value, right.Value)
        : string.CompareOrdinal(left.Value, right.Value);
}

/// <summary>
/// A RubyGems version, ordered as <c>Gem::Version#&lt;=&gt;</c>: the canonical segments (trailing zeros
/// dropped from the numeric part and from the part starting at the first letter segment) are compared one
/// by one, the shorter list padded with 0. Any letter makes a pre-release, so <c>1.0.a &lt; 1.0</c>.
/// </summary>
internal sealed class GemVersion : ParsedVersion
{
    private readonly IReadOnlyList<GemSegment> _canonical;

    public GemVersion(string text, string trimmed, IReadOnlyList<GemSegment> segments) : base(text)
    {
        Normalized = trimmed;
        _canonical = Canonical(segments);
        Key = string.Join('|', _canonical.Select(segment => (segment.IsNumber ? "n" : "s") + segment.Value));
    }

    public override string Normalized { get; }

    private string Key { get; }

    private protected override string EquivalenceKey => Key;

    private protected override int CompareWithinScheme(ParsedVersion other) =>
        PaddedSequence.Compare(_canonical, ((GemVersion)other)._canonical, GemSegment.Zero, GemSegment.Compare);

    private static List<GemSegment> Canonical(IReadOnlyList<GemSegment> segments)
    {
        var firstLetters = segments.ToList().FindIndex(segment => !segment.IsNumber);
        if (firstLetters < 0) firstLetters = segments.Count;
        var canonical = WithoutTrailingZeros(segments.Take(firstLetters));
        canonical.AddRange(WithoutTrailingZeros(segments.Skip(firstLetters)));
        return canonical;
    }

    private static List<GemSegment> WithoutTrailingZeros(IEnumerable<GemSegment> segments)
    {
        var list = segments.ToList();
        while (list.Count > 0 && list[^1] == GemSegment.Zero) list.RemoveAt(list.Count - 1);
        return list;
    }
}
