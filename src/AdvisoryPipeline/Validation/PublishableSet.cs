




using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Validation;

/// <summary>An advisory kept out of public outputs until its embargo ends.</summary>
public sealed record HeldAdvisory(string Id, DateTimeOffset Until)
{
    /// <summary>The line commands print, e.g. <c>TSSA-2026-4 held until 2026-12-01T09:00:00Z</c>.</summary>
    public override string ToString() =>
        Until == DateTimeOffset.MaxValue
            ? $"{Id} held: its embargo_until cannot be read"
            : $"{Id} held until {OsvTimestamp.Format(Until)}";
}

/// <summary>
/// What the public outputs may show. Every stage that produces something public (pages, feeds, indexes,
/// search data, mail, OSV export, publish) takes its records from <see cref="Publishable"/> and nowhere
/// else, so that an embargo or a placeholder ID is respected in one place.
/// </summary>
/// <param name="Publishable">Records to publish, in the order given, withdrawn ones included (OSV publishes them).</param>
/// <param name="Held">Advisories under embargo at the clock's current time; they are validated but shown nowhere.</param>
/// <param name="Placeholders">IDs still of the form <c>PREFIX-0000-slug</c>, waiting for <c>advisory assign-ids</c>.</param>
public sealed record PublishableSet(
    IReadOnlyList<OsvRecord> Publishable,
    IReadOnlyList<HeldAdvisory> Held,
    IReadOnlyList<string> Placeholders)
{
    /// <summary>
    /// Splits <paramref name="advisories"/>: an advisory whose <c>embargo_until</c> is after the clock's now is held
    /// (it becomes publishable at that instant); a placeholder ID is never publishable unless
    /// <paramref name="allowPlaceholders"/> (for local previews). A held placeholder is listed in both lists.
    /// </summary>
    public static PublishableSet From(IReadOnlyList<LoadedAdvisory> advisories, TimeProvider clock, bool allowPlaceholders = false)
    {
        var now = clock.GetUtcNow();
        var publishable = new List<OsvRecord>();
        var held = new List<HeldAdvisory>();
        var placeholders = new List<string>();
        foreach (var advisory in advisories)
        {
            var isPlaceholder = AdvisoryId.IsPlaceholderText(advisory.Id);
            if (isPlaceholder) placeholders.Add(advisory.Id);
            if (advisory.Authoring.EmbargoUntil is { } until && until > now)
                held.Add(new HeldAdvisory(advisory.Id, until));
            else if (!isPlaceholder || allowPlaceholders)
                publishable.Add(advisory.Record);
        }
        return new PublishableSet(publishable, held, placeholders);
    }
}
