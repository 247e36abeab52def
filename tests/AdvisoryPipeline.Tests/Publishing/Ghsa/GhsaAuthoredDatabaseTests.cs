using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Publishing.FeedFolder;
using AdvisoryPipeline.Tests.TestSupport;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.Publishing.Ghsa;

/// <summary>Real advisories, loaded from YAML, published as drafts: every one is accepted by GitHub's validation.</summary>
public sealed class GhsaAuthoredDatabaseTests : GhsaTestBase
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_example_database_becomes_drafts_after_the_feed_and_a_second_run_writes_nothing_anywhere()
    {
        using var folder = new TempFolder("advisory-publish-tests-");
        var publisher = new Publisher(new SchemaRecordValidator(OsvSchema.Embedded("TSSA")));
        IPublishTarget[] Targets() => [new FeedFolderTarget("dir:out/osv", folder.Combine("osv")), Ghsa()];
        var advisories = ExampleDatabase.Publishable;

        var first = await publisher.PublishAsync(new PublishRequest(advisories, [], Now), Targets());
        var mark = Server.Requests.Mark();
        var second = await publisher.PublishAsync(new PublishRequest(advisories, [], Now.AddDays(1)), Targets());

        Assert.Equal([PublishOutcomeKind.Written, PublishOutcomeKind.Written], first.Select(result => result.Outcome!.Kind));
        Assert.Equal(advisories.Select(advisory => advisory.Record.Id).Order(StringComparer.Ordinal), MarkedIds());
        Assert.Equal("closed", AdvisoryOf("TSSA-2025-3").State);
        // The feed's and the drafts' plans agree on every record's timestamps: both are made at the run's time.
        Assert.Equal(first[0].Plan.Advisories.Select(entry => entry.Record!.Modified), first[1].Plan.Advisories.Select(entry => entry.Record!.Modified));
        Assert.All(second, result => Assert.Equal(PublishOutcomeKind.NothingToWrite, result.Outcome!.Kind));
        Assert.Equal(0, WritesSince(mark));
    }

    [Fact]
    public async Task The_pypa_corpus_becomes_one_pip_draft_per_record_and_a_rerun_reads_one_page_per_hundred()
    {
        var (advisories, _) = AuthoredDatabases.Pypa();
        var target = Ghsa();

        var first = await PublishAsync(target, advisories, Now);
        var mark = Server.Requests.Mark();
        var rerun = Ghsa();
        var again = await PublishAsync(rerun, advisories, Now.AddDays(1));

        Assert.Equal(PublishOutcomeKind.Written, first.Outcome!.Kind);
        Assert.Equal(advisories.Count, Repository.Advisories.Count);
        // Two lists (the ledger's, then before writing), one create per record, and one close per withdrawn record.
        Assert.Equal(advisories.Count + 2 + advisories.Count(advisory => advisory.Record.IsWithdrawn), target.RequestCount);
        Assert.Equal(advisories.Count(advisory => advisory.Record.IsWithdrawn), Repository.Advisories.Count(advisory => advisory.State == "closed"));
        Assert.All(Repository.Advisories, advisory => Assert.All(advisory.Vulnerabilities, vulnerability => Assert.Equal("pip", vulnerability.Package!.Ecosystem)));
        Assert.Equal(PublishOutcomeKind.NothingToWrite, again.Outcome!.Kind);
        Assert.Equal(((advisories.Count + 99) / 100, 0), (rerun.RequestCount, WritesSince(mark)));
    }
}
