using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Tests.TestSupport;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.Publishing;

/// <summary>Publish requests made of sample advisories, and ledgers in memory as a target would read them back.</summary>
internal static class PublishingSupport
{
    public static readonly DateTimeOffset FirstRun = new(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset SecondRun = new(2026, 2, 2, 10, 0, 0, TimeSpan.Zero);

    public static readonly IRecordValidator AcceptAll = new RecordValidator(_ => []);

    public static PublishableAdvisory Advisory(OsvRecord record) => new(record, $"advisories/{record.Id}.yaml");

    public static PublishableAdvisory Advisory(string id, string summary = "Heap overflow in the frame decoder", string? published = null, string? withdrawn = null) =>
        Advisory(SampleAdvisories.Record(id, summary, published: published, withdrawn: withdrawn));

    /// <summary><paramref name="count"/> advisories TSSA-&lt;year&gt;-&lt;n&gt; over three years and two ecosystems.</summary>
    public static IReadOnlyList<PublishableAdvisory> Many(int count, string summary = "Heap overflow in the frame decoder") =>
        [.. Enumerable.Range(1, count).Select(i => Advisory(SampleAdvisories.Record(
            $"TSSA-{2024 + i % 3}-{i}",
            summary,
            ecosystem: i % 2 == 0 ? "PyPI" : "npm",
            published: "2025-06-01T00:00:00Z")))];

    public static PublishRequest Request(IReadOnlyList<PublishableAdvisory> advisories, DateTimeOffset now, IReadOnlyList<string>? held = null, bool dryRun = false) =>
        new(advisories, held ?? [], now, dryRun);

    /// <summary>Publishes to one target and returns its result.</summary>
    public static async Task<TargetPublishResult> PublishAsync(IPublishTarget target, IReadOnlyList<PublishableAdvisory> advisories, DateTimeOffset now,
        IReadOnlyList<string>? held = null, IRecordValidator? validator = null) =>
        (await new Publisher(validator ?? AcceptAll).PublishAsync(Request(advisories, now, held), [target])).Single();

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

    /// <summary>An <see cref="IRecordValidator"/> from a function.</summary>
    public sealed class RecordValidator(Func<ReadOnlyMemory<byte>, IReadOnlyList<string>> validate) : IRecordValidator
    {
        public IReadOnlyList<string> Validate(ReadOnlyMemory<byte> canonicalJson) => validate(canonicalJson);
    }
}
