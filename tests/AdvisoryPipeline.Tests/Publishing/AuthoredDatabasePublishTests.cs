using System.Text;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Publishing.FeedFolder;
using AdvisoryPipeline.Publishing.Git;
using AdvisoryPipeline.Publishing.Repository;
using AdvisoryPipeline.Tests.Publishing.GitHub;
using AdvisoryPipeline.Tests.TestSupport;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.Publishing;

/// <summary>The example database and the pypa corpus, loaded from YAML, published and checked with the real OSV schema.</summary>
public sealed class AuthoredDatabasePublishTests : GitHubPublishTestBase
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_example_database_reaches_all_three_targets_valid_and_a_second_run_writes_nothing_anywhere()
    {
        using var folder = new TempFolder("advisory-publish-tests-");
        using var repository = TemporaryGitRepository.ForPublishing();
        var publisher = new Publisher(new SchemaRecordValidator(OsvSchema.Embedded("TSSA")));
        IPublishTarget[] Targets() =>
        [
            new FeedFolderTarget("dir:out/osv", folder.Combine("osv")),
            new GitTarget("git:repository#osv-feed", repository.Root, "osv-feed", new RecordLayout("osv"), repository.Isolation),
            Target(),
        ];
        var advisories = ExampleDatabase.Publishable;

        var first = await publisher.PublishAsync(new PublishRequest(advisories, [], Now), Targets());
        FolderSnapshot.Age(folder.Path);
        var feed = FolderSnapshot.Take(folder.Path);
        var (gitHead, githubHead, mark) = (repository.Head("osv-feed"), Repository.HeadOf("main"), Server.Requests.Mark());
        var second = await publisher.PublishAsync(new PublishRequest(advisories, [], Now.AddDays(1)), Targets());

        Assert.Equal(12, advisories.Count);
        Assert.Equal([PublishOutcomeKind.Written, PublishOutcomeKind.Committed, PublishOutcomeKind.Committed], first.Select(result => result.Outcome!.Kind));
        Assert.All(first, result => Assert.Equal(12, result.Plan.Count(PublishAction.New)));
        var withdrawn = first[0].Plan.Advisories.Single(entry => entry.Record!.IsWithdrawn);
        Assert.Equal("TSSA-2025-3", withdrawn.Id);
        Assert.Equal(Encoding.UTF8.GetString(withdrawn.Content.Span), Repository.FilesOn("main")["osv/2025/TSSA-2025-3.json"]);
        Assert.All(second, result => Assert.Equal(PublishOutcomeKind.NothingToWrite, result.Outcome!.Kind));
        Assert.Equal(feed, FolderSnapshot.Take(folder.Path));
        Assert.Equal((gitHead, githubHead, 0), (repository.Head("osv-feed"), Repository.HeadOf("main"), WritesSince(mark)));
    }

    [Fact]
    public async Task A_refusal_by_one_target_leaves_every_target_unwritten()
    {
        using var folder = new TempFolder("advisory-publish-tests-");
        var stranger = SampleAdvisories.Record("TSSA-2020-1", modified: "2025-01-01T00:00:00Z");
        Repository.PushCommit("main", new Dictionary<string, string?> { ["osv/2020/TSSA-2020-1.json"] = Encoding.UTF8.GetString(AdvisoryPipeline.Osv.CanonicalOsvWriter.Write(stranger)) }, "A record published by hand");
        var mark = Server.Requests.Mark();

        var refused = await Assert.ThrowsAsync<PublishRefusedException>(() => new Publisher(PublishingSupport.AcceptAll)
            .PublishAsync(new PublishRequest(ExampleDatabase.Publishable, [], Now), [new FeedFolderTarget("dir:out/osv", folder.Combine("osv")), Target()]));

        Assert.Equal(("PUB004", "github:acme/advisory-db#main at " + Repository.HeadOf("main")![..7]), (refused.Findings.Single().Code, refused.Findings.Single().Location.File));
        Assert.False(Directory.Exists(folder.Combine("osv")));
        Assert.Equal(0, WritesSince(mark));
    }

    [Fact]
    public async Task Every_record_of_the_pypa_corpus_valid_as_authored_is_published_as_valid_osv()
    {
        using var folder = new TempFolder("advisory-publish-tests-");
        var (advisories, invalid) = AuthoredDatabases.Pypa();
        var target = new FeedFolderTarget("dir:pypa", folder.Combine("osv"));

        var result = await PublishingSupport.PublishAsync(target, advisories, Now, validator: new SchemaRecordValidator(OsvSchema.Embedded(null)));

        Assert.Equal(983, advisories.Count + invalid);
        Assert.InRange(invalid, 0, 20);
        Assert.Equal(advisories.Count, result.Plan.Count(PublishAction.New));
        Assert.Equal(advisories.Count, Directory.GetFiles(folder.Combine("osv", "PyPI"), "*.json").Length);
        Assert.Equal(result.Plan.Advisories.Select(entry => entry.Id), (await target.ReadLedgerAsync(CancellationToken.None)).Records.Select(record => record.Id).Order(StringComparer.Ordinal));
    }
}
