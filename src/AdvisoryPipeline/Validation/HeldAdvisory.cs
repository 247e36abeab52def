using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Validation;

/// <summary>An advisory kept out of every public output until its embargo ends.</summary>
public sealed record HeldAdvisory(string Id, DateTimeOffset Until)
{
    /// <summary>
    /// The embargo rule, in one place: an advisory whose <c>embargo_until</c> is after <paramref name="now"/> is held;
    /// from that instant on it is publishable. An embargo that could not be read holds it forever (see
    /// <see cref="Loading.AuthoringBlock"/>).
    /// </summary>
    public static bool Holds(DateTimeOffset? embargoUntil, DateTimeOffset now) => embargoUntil is { } until && until > now;

    /// <summary>The line commands print, e.g. <c>TSSA-2026-4 held until 2026-12-01T09:00:00Z</c>.</summary>
    public override string ToString() =>
        Until == DateTimeOffset.MaxValue
            ? $"{Id} held: its embargo_until cannot be read"
            : $"{Id} held until {OsvTimestamp.Format(Until)}";
}
