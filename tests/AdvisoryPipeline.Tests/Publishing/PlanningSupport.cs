




using AdvisoryPipeline.Publishing;

namespace AdvisoryPipeline.Tests.Publishing;

/// <summary>Ledgers in memory, as a target would read them back after applying a plan.</summary>
internal static class PlanningSupport
{
    public static Ledger EmptyLedger { get; } = new(new MemoryLedgerSource(), []);

    /// <summary>The ledger of a target that applied <paramref name="plan"/> (held records it already had stay).</summary>
    public static Ledger LedgerAfter(PublishPlan plan) => new(new MemoryLedgerSource(), plan.Advisories
        .Where(entry => entry.IsPublished)
        .Select(entry => entry.Action == PublishAction.Held
            ? plan.Ledger.Find(entry.Id)!
            : PublishedRecordReader.TryRead(entry.Content.Span, entry.Id, out _)!));

    public static PublishPlan Plan(IReadOnlyList<PublishableAdvisory> advisories, Ledger ledger, DateTimeOffset now, params string[] held) =>
        PublishPlanner.Plan(advisories, held, ledger, now);

    private sealed record MemoryLedgerSource : LedgerSource
    {
        public override string Description => "memory:target";
    }
}
