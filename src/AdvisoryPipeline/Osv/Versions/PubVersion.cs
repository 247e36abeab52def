namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// A Dart package version (pub_semver): SemVer precedence, then build metadata, which pub orders
/// (<c>1.0.0 &lt; 1.0.0+1 &lt; 1.0.0+2</c>) because Flutter packages publish build-only increments.
/// </summary>
internal sealed class PubVersion(string text, SemVerParts parts) : ParsedVersion(text)
{
    public SemVerParts Parts { get; } = parts;

    public override string Normalized { get; } = parts.Format();

    private protected override string EquivalenceKey => Parts.Key(includeBuild: true);

    private protected override int CompareWithinScheme(ParsedVersion other)
    {
        var that = ((PubVersion)other).Parts;
        var result = Parts.ComparePrecedence(that);
        return result != 0 ? result : Parts.CompareBuild(that);
    }
}
