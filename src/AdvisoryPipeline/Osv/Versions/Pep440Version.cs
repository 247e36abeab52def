using System.Text;

namespace AdvisoryPipeline.Osv.Versions;

internal enum Pep440PreRelease { Alpha, Beta, ReleaseCandidate }

/// <summary>
/// A PEP 440 version. All numbers are normalised digit strings. Ordering, as the specification defines it:
/// epoch, then release (trailing zeros ignored), then pre-release (a &lt; b &lt; rc &lt; none, with a bare
/// dev release before any pre-release of the same release), post (none first), dev (none last), and the
/// local label (none first; segment by segment, numbers above letters; a longer label wins a tie).
/// </summary>
internal sealed class Pep440Version : ParsedVersion
{
    private readonly string _epoch;
    private readonly IReadOnlyList<string> _release;
    private readonly Pep440PreRelease? _preKind;
    private readonly string? _preNumber;
    private readonly string? _post;
    private readonly string? _dev;
    private readonly IReadOnlyList<string>? _local;

    public Pep440Version(
        string text, string epoch, IReadOnlyList<string> release, Pep440PreRelease? preKind, string? preNumber,
        string? post, string? dev, IReadOnlyList<string>? local) : base(text)
    {
        _epoch = epoch;
        _release = release;
        _preKind = preKind;
        _preNumber = preNumber;
        _post = post;
        _dev = dev;
        _local = local;
        Normalized = Format(_release.Count);
        EquivalenceKeyText = Format(SignificantReleaseLength());
    }

    public override string Normalized { get; }

    private string EquivalenceKeyText { get; }

    private protected override string EquivalenceKey => EquivalenceKeyText;

    private protected override int CompareWithinScheme(ParsedVersion other)
    {
        var that = (Pep440Version)other;
        var result = DigitString.Compare(_epoch, that._epoch);
        if (result != 0) return result;

        result = PaddedSequence.Compare(_release, that._release, "0", (left, right) => DigitString.Compare(left, right));
        if (result != 0) return result;

        result = PreReleaseRank().CompareTo(that.PreReleaseRank());
        if (result != 0) return result;
        if (_preKind is { } kind)
        {
            result = kind.CompareTo(that._preKind!.Value);
            if (result != 0) return result;
            result = DigitString.Compare(_preNumber, that._preNumber);
            if (result != 0) return result;
        }

        result = CompareOptionalNumber(_post, that._post, absentFirst: true);
        if (result != 0) return result;
        result = CompareOptionalNumber(_dev, that._dev, absentFirst: false);
        if (result != 0) return result;
        return CompareLocal(_local, that._local);
    }

    /// <summary>0: a dev release of the final release (1.0.dev0) sorts before its pre-releases; 1: a pre-release; 2: none.</summary>
    private int PreReleaseRank() =>
        _preKind is not null ? 1
        : _post is null && _dev is not null ? 0
        : 2;

    private static int CompareOptionalNumber(string? left, string? right, bool absentFirst)
    {
        if (left is null || right is null)
        {
            if (left is null && right is null) return 0;
            var leftAbsent = left is null ? -1 : 1;
            return absentFirst ? leftAbsent : -leftAbsent;
        }
        return DigitString.Compare(left, right);
    }

    private static int CompareLocal(IReadOnlyList<string>? left, IReadOnlyList<string>? right)
    {
        if (left is null || right is null) return (left is null ? 0 : 1) - (right is null ? 0 : 1);
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var leftNumeric = DigitString.AllDigits(left[i]);
            var rightNumeric = DigitString.AllDigits(right[i]);
            var result = leftNumeric && rightNumeric ? DigitString.Compare(left[i], right[i])
                : leftNumeric != rightNumeric ? (leftNumeric ? 1 : -1)
                : string.CompareOrdinal(left[i], right[i]);
            if (result != 0) return result;
        }
        return left.Count.CompareTo(right.Count);
    }

    private int SignificantReleaseLength()
    {
        var length = _release.Count;
        while (length > 1 && _release[length - 1] == "0") length--;
        return length;
    }

    private string Format(int releaseLength)
    {
        var builder = new StringBuilder();
        if (_epoch != "0") builder.Append(_epoch).Append('!');
        for (var i = 0; i < releaseLength; i++)
        {
            if (i > 0) builder.Append('.');
            builder.Append(_release[i]);
        }
        if (_preKind is { } kind)
            builder.Append(kind switch
            {
                Pep440PreRelease.Alpha => "a",
                Pep440PreRelease.Beta => "b",
                _ => "rc",
            }).Append(_preNumber);
        if (_post is not null) builder.Append(".post").Append(_post);
        if (_dev is not null) builder.Append(".dev").Append(_dev);
        if (_local is not null) builder.Append('+').AppendJoin('.', _local);
        return builder.ToString();
    }
}
