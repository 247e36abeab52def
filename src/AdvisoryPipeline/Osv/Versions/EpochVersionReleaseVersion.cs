namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// A version ordered by epoch (as a number), then version, then release, the last two with a
/// scheme-specific comparison of parts (dpkg's or rpm's). A missing release compares as an empty one.
/// </summary>
internal abstract class EpochVersionReleaseVersion : ParsedVersion
{
    private readonly EpochVersionRelease _parts;

    private protected EpochVersionReleaseVersion(string text, EpochVersionRelease parts) : base(text)
    {
        _parts = parts;
        Normalized = parts.Format();
    }

    public override string Normalized { get; }

    private protected override string EquivalenceKey =>
        $"{_parts.Epoch}:{OrderKey(_parts.Version)}-{OrderKey(_parts.Release ?? "")}";

    private protected override int CompareWithinScheme(ParsedVersion other)
    {
        var that = ((EpochVersionReleaseVersion)other)._parts;
        var result = DigitString.Compare(_parts.Epoch, that.Epoch);
        if (result == 0) result = CompareParts(_parts.Version, that.Version);
        if (result == 0) result = CompareParts(_parts.Release ?? "", that.Release ?? "");
        return result;
    }

    /// <summary>The scheme's comparison of one part (version or release).</summary>
    private protected abstract int CompareParts(string left, string right);

    /// <summary>Text equal for two parts exactly when <see cref="CompareParts"/> finds them equal.</summary>
    private protected abstract string OrderKey(string part);
}
