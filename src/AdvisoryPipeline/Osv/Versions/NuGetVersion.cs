using System.Text;

namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// A NuGet version, ordered as NuGet's default <c>VersionComparer</c>: the four numbers, then release
/// labels as in SemVer but compared case-insensitively (<c>1.0.0-BETA == 1.0.0-beta</c>); build metadata is
/// ignored. <see cref="Normalized"/> is NuGet's normalised form: no leading zeros, the fourth number only
/// when it is not zero, no metadata.
/// </summary>
internal sealed class NuGetVersion : ParsedVersion
{
    private readonly int[] _numbers;
    private readonly string[] _labels;

    public NuGetVersion(string text, int[] numbers, string[] labels) : base(text)
    {
        _numbers = numbers;
        _labels = labels;
        var builder = new StringBuilder().AppendJoin('.', numbers.Take(numbers[3] == 0 ? 3 : 4));
        if (labels.Length > 0) builder.Append('-').AppendJoin('.', labels);
        Normalized = builder.ToString();
        Key = $"{string.Join('.', numbers)}-{labels.Length}:{SemVerIdentifiers.Key(labels, ignoreCase: true)}";
    }

    public override string Normalized { get; }

    private string Key { get; }

    private protected override string EquivalenceKey => Key;

    private protected override int CompareWithinScheme(ParsedVersion other)
    {
        var that = (NuGetVersion)other;
        for (var i = 0; i < 4; i++)
        {
            var result = _numbers[i].CompareTo(that._numbers[i]);
            if (result != 0) return result;
        }
        if (_labels.Length == 0 || that._labels.Length == 0)
            return (that._labels.Length == 0 ? 0 : 1) - (_labels.Length == 0 ? 0 : 1);
        return SemVerIdentifiers.Compare(_labels, that._labels, StringComparison.OrdinalIgnoreCase);
    }
}
