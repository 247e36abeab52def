namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// A SemVer 2.0 version ordered by §11 precedence. Build metadata is kept in <see cref="ParsedVersion.Text"/>
/// and <see cref="ParsedVersion.Normalized"/> but plays no part in ordering or equality.
/// </summary>
internal sealed class SemVerVersion(string text, SemVerParts parts) : ParsedVersion(text)
{
    public SemVerParts Parts { get; } = parts;

    public override string Normalized { get; } = parts.Format();

    private protected override string EquivalenceKey => Parts.Key(includeBuild: false);

    private protected override int CompareWithinScheme(ParsedVersion other) =>
        Parts.ComparePrecedence(((SemVerVersion)other).Parts);
}
