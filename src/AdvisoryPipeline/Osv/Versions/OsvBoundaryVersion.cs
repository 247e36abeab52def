namespace AdvisoryPipeline.Osv.Versions;

/// <summary>OSV's scheme-independent boundaries <c>"0"</c> and <c>"*"</c>; see <see cref="ParsedVersion"/>.</summary>
internal sealed class OsvBoundaryVersion : ParsedVersion
{
    public static readonly OsvBoundaryVersion Beginning = new("0", -1);
    public static readonly OsvBoundaryVersion End = new("*", +1);

    private readonly int _boundary;

    private OsvBoundaryVersion(string text, int boundary) : base(text) => _boundary = boundary;

    public override string Normalized => Text;

    private protected override int Boundary => _boundary;

    private protected override string EquivalenceKey => Text;

    // Two boundaries never reach this: ParsedVersion.CompareTo settles them by Boundary.
    private protected override int CompareWithinScheme(ParsedVersion other) => 0;

    public static bool TryGet(string text, out OsvBoundaryVersion? boundary)
    {
        boundary = text switch
        {
            "0" => Beginning,
            "*" => End,
            _ => null,
        };
        return boundary is not null;
    }
}
