using System.Text;

namespace AdvisoryPipeline.Osv.Versions;

internal enum MavenSeparator { None, Dot, Hyphen }

/// <summary>One token of a Maven version: a number (with its separator) or a qualifier.</summary>
internal readonly record struct MavenToken(MavenSeparator Separator, bool IsNumber, string Value)
{
    // Known qualifiers in their order; unknown ones come after all of them, in lexical order.
    private static readonly string[] KnownQualifiers = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
    private static readonly int ReleaseRank = Array.IndexOf(KnownQualifiers, "");

    public static MavenToken Number(MavenSeparator separator, string digits) => new(separator, true, digits);

    /// <summary>Qualifiers are always hyphen-separated: the specification makes <c>.qualifier = -qualifier</c>.</summary>
    public static MavenToken Qualifier(string value) => new(MavenSeparator.Hyphen, false, value);

    /// <summary>0 or a release qualifier: what padding stands for, and what trimming removes.</summary>
    public bool IsNull => IsNumber ? Value == "0" : QualifierRank(Value) == ReleaseRank;

    /// <summary>Text equal for two tokens exactly when they compare equal.</summary>
    public string EquivalenceKey =>
        IsNumber ? (Separator == MavenSeparator.Dot ? "." : "-") + Value
        : QualifierRank(Value) < KnownQualifiers.Length ? "#" + QualifierRank(Value)
        : "~" + Value;

    public bool StartsPart => Separator == MavenSeparator.Hyphen;

    /// <summary>
    /// Token order: a qualifier &lt; a hyphen-number &lt; a dot-number; qualifiers by
    /// <see cref="KnownQualifiers"/>; numbers of the same separator by value. <c>null</c> is padding: 0 to a
    /// number, the release qualifier to a qualifier.
    /// </summary>
    public static int Compare(MavenToken? left, MavenToken? right)
    {
        if (left is not { } l) return right is { } r0 ? -CompareWithPadding(r0) : 0;
        if (right is not { } r) return CompareWithPadding(l);
        var byKind = l.KindRank.CompareTo(r.KindRank);
        if (byKind != 0) return byKind;
        return l.IsNumber ? DigitString.Compare(l.Value, r.Value) : CompareQualifiers(l.Value, r.Value);
    }

    private static int CompareWithPadding(MavenToken token) =>
        token.IsNumber ? (token.Value == "0" ? 0 : 1) : CompareQualifiers(token.Value, "");

    private int KindRank => !IsNumber ? 0 : Separator == MavenSeparator.Hyphen ? 1 : 2;

    private static int CompareQualifiers(string left, string right)
    {
        var leftRank = QualifierRank(left);
        var rightRank = QualifierRank(right);
        if (leftRank != rightRank) return leftRank.CompareTo(rightRank);
        return leftRank == KnownQualifiers.Length ? string.CompareOrdinal(left, right) : 0;
    }

    /// <summary><c>ga</c>, <c>final</c> and <c>release</c> rank as the empty qualifier.</summary>
    private static int QualifierRank(string qualifier)
    {
        if (qualifier is "ga" or "final" or "release") return ReleaseRank;
        var index = Array.IndexOf(KnownQualifiers, qualifier);
        return index < 0 ? KnownQualifiers.Length : index;
    }
}

/// <summary>A Maven version as its trimmed token list; see <see cref="MavenScheme"/>.</summary>
internal sealed class MavenVersion : ParsedVersion
{
    private readonly IReadOnlyList<MavenToken?> _tokens;

    public MavenVersion(string text, IReadOnlyList<MavenToken> tokens) : base(text)
    {
        // Nullable, because the shorter list is padded with "no token" when comparing.
        _tokens = tokens.Select(token => (MavenToken?)token).ToList();
        var canonical = new StringBuilder();
        var key = new StringBuilder();
        foreach (var token in tokens)
        {
            if (canonical.Length > 0) canonical.Append(token.Separator == MavenSeparator.Dot ? '.' : '-');
            canonical.Append(token.Value);
            key.Append(token.EquivalenceKey).Append('|');
        }
        Normalized = canonical.ToString();
        Key = key.ToString();
    }

    /// <summary>ComparableVersion's canonical form, e.g. <c>1-alpha-1</c> for <c>1.0-a1</c>.</summary>
    public override string Normalized { get; }

    private string Key { get; }

    private protected override string EquivalenceKey => Key;

    private protected override int CompareWithinScheme(ParsedVersion other) =>
        PaddedSequence.Compare(_tokens, ((MavenVersion)other)._tokens, null, MavenToken.Compare);
}
