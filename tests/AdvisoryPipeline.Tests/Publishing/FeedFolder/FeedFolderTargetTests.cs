using System.Text;
using AdvisoryPipeline.FileSystem;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Publishing.FeedFolder;
using AdvisoryPipeline.Tests.TestSupport;
using AdvisoryPipeline.Validation;
using static AdvisoryPipeline.Tests.Publishing.PublishingSupport;
using static AdvisoryPipeline.Tests.TestSupport.SampleAdvisories;

namespace AdvisoryPipeline.Tests.Publishing.FeedFolder;

public sealed class FeedFolderTargetTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Root => _folder.Combine("out", "osv");

    private FeedFolderTarget Target(Action<string>? beforeWrite = null) => new("dir:out/osv", Root) { BeforeWrite = beforeWrite };

    private static IReadOnlyList<PublishableAdvisory> Database() =>
    [
        .. Many(4),
        Advisory(Record("TSSA-2026-1") with
        {
            Affected = [new OsvAffected { Ranges = [new OsvRange { Type = "GIT", Repo = "https://github.com/tessera-project/tessera", Events = [new OsvEvent { Introduced = "0" }] }] }],
        }),
    ];

    [Fact]
    public async Task The_first_publish_writes_the_feed_in_osv_dev_layout_and_the_feed_is_read_back_as_the_ledger()
    {
        var result = await PublishAsync(Target(), Database(), FirstRun);

        Assert.Equal(PublishOutcomeKind.Written, result.Outcome!.Kind);
        Assert.Equal(
            [
                "GIT/TSSA-2026-1.json", "GIT/all.zip", "GIT/modified_id.csv",
                "PyPI/TSSA-2025-4.json", "PyPI/TSSA-2026-2.json", "PyPI/all.zip", "PyPI/modified_id.csv",
                "all.zip", "ecosystems.txt", "index.json", "modified_id.csv",
                "npm/TSSA-2024-3.json", "npm/TSSA-2025-1.json", "npm/all.zip", "npm/modified_id.csv",
            ],
            FolderSnapshot.Take(Root).Files.Select(file => file.Path));
        Assert.Equal("GIT\nPyPI\nnpm\n", File.ReadAllText(Path.Combine(Root, "ecosystems.txt")));
        foreach (var entry in result.Plan.Advisories)
            Assert.Equal(entry.Content.ToArray(), File.ReadAllBytes(Directory.GetFiles(Root, entry.Id + ".json", SearchOption.AllDirectories).Single()));

        var ledger = await Target().ReadLedgerAsync(CancellationToken.None);

        Assert.Equal(5, ledger.Records.Count);
        Assert.All(ledger.Records, record => Assert.Equal("2026-02-01T10:00:00Z", record.Modified));
    }

    [Fact]
    public async Task A_second_run_with_nothing_changed_touches_no_file()
    {
        await PublishAsync(Target(), Database(), FirstRun);
        FolderSnapshot.Age(Root);
        var before = FolderSnapshot.Take(Root);

        var result = await PublishAsync(Target(), Database(), SecondRun);

        Assert.Equal(PublishOutcomeKind.NothingToWrite, result.Outcome!.Kind);
        Assert.Equal(before, FolderSnapshot.Take(Root));
    }

    [Fact]
    public async Task A_change_rewrites_what_depends_on_it_and_unchanged_records_keep_their_bytes_and_times()
    {
        await PublishAsync(Target(), Database(), FirstRun);
        FolderSnapshot.Age(Root);
        var before = FolderSnapshot.Take(Root);
        var edited = Database().Select(advisory => advisory.Record.Id == "TSSA-2025-4"
            ? Advisory(advisory.Record with { Summary = "Heap overflow in the frame encoder" })
            : advisory).ToList();

        var result = await PublishAsync(Target(), edited, SecondRun);
        var after = FolderSnapshot.Take(Root);

        Assert.Equal(PublishOutcomeKind.Written, result.Outcome!.Kind);
        var changed = after.Files.Where(file => file != before.Files.Single(old => old.Path == file.Path)).Select(file => file.Path);
        Assert.Equal(
            ["PyPI/TSSA-2025-4.json", "PyPI/all.zip", "PyPI/modified_id.csv", "all.zip", "index.json", "modified_id.csv"],
            changed);
        Assert.StartsWith("2026-02-02T10:00:00Z,PyPI/TSSA-2025-4\n", File.ReadAllText(Path.Combine(Root, "modified_id.csv")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PyPI/all.zip")]
    [InlineData("npm/TSSA-2025-1.json")]
    [InlineData(FolderReplacement.SwapStep)]
    public async Task A_run_that_fails_half_way_leaves_the_previous_feed_byte_for_byte(string failAt)
    {
        await PublishAsync(Target(), Database(), FirstRun);
        var before = FolderSnapshot.Take(Root);
        var changed = Database().Select(advisory => Advisory(advisory.Record with { Summary = "Changed everywhere" })).ToList();

        var failed = await Assert.ThrowsAsync<PublishFailedException>(() => PublishAsync(
            Target(path => { if (path == failAt) throw new IOException("disk full (injected)"); }), changed, SecondRun));

        Assert.Contains("disk full (injected)", failed.Message, StringComparison.Ordinal);
        Assert.EndsWith("The previous feed is unchanged.", failed.Message, StringComparison.Ordinal);
        Assert.Equal(before, FolderSnapshot.Take(Root));
        Assert.Equal(["osv"], Directory.GetFileSystemEntries(_folder.Combine("out")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_run_killed_between_the_two_renames_is_recovered_by_the_next_read()
    {
        await PublishAsync(Target(), Database(), FirstRun);
        var before = FolderSnapshot.Take(Root);
        Directory.Move(Root, _folder.Combine("out", ".osv.previous-0123"));
        Directory.CreateDirectory(_folder.Combine("out", ".osv.staging-4567", "PyPI"));

        var ledger = await Target().ReadLedgerAsync(CancellationToken.None);

        Assert.Equal(5, ledger.Records.Count);
        Assert.Equal(before, FolderSnapshot.Take(Root));
        Assert.Equal(["osv"], Directory.GetFileSystemEntries(_folder.Combine("out")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Files_the_feed_does_not_own_are_carried_over_untouched()
    {
        await PublishAsync(Target(), Database(), FirstRun);
        File.WriteAllText(Path.Combine(Root, "README.md"), "Tessera's OSV feed\n");
        Directory.CreateDirectory(Path.Combine(Root, "notes", "deep"));
        File.WriteAllText(Path.Combine(Root, "notes", "deep", "todo.txt"), "nothing\n");
        FolderSnapshot.Age(Root);
        var before = FolderSnapshot.Take(Root);

        await PublishAsync(Target(), [.. Database(), Advisory("TSSA-2026-5")], SecondRun);
        var after = FolderSnapshot.Take(Root);

        Assert.Equal(before["README.md"], after["README.md"]);
        Assert.Equal(before["notes/deep/todo.txt"], after["notes/deep/todo.txt"]);
        Assert.True(File.Exists(Path.Combine(Root, "PyPI", "TSSA-2026-5.json")));
    }

    [Fact]
    public async Task A_held_record_already_in_the_feed_stays_and_a_withdrawn_one_is_published_withdrawn()
    {
        await PublishAsync(Target(), Database(), FirstRun);
        var heldBytes = File.ReadAllBytes(Path.Combine(Root, "npm", "TSSA-2024-3.json"));
        var next = Database()
            .Where(advisory => advisory.Record.Id != "TSSA-2024-3")
            .Select(advisory => advisory.Record.Id == "TSSA-2025-1" ? Advisory(advisory.Record with { Withdrawn = "2026-02-02T09:00:00Z" }) : advisory)
            .ToList();

        var result = await PublishAsync(Target(), next, SecondRun, held: ["TSSA-2024-3"]);

        Assert.Equal(PublishAction.Withdrawn, result.Plan.Advisories.Single(entry => entry.Id == "TSSA-2025-1").Action);
        Assert.Equal(heldBytes, File.ReadAllBytes(Path.Combine(Root, "npm", "TSSA-2024-3.json")));
        Assert.Contains("\"withdrawn\": \"2026-02-02T09:00:00Z\"", File.ReadAllText(Path.Combine(Root, "npm", "TSSA-2025-1.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_record_or_a_dry_run_writes_nothing()
    {
        var validator = new PublishingSupport.RecordValidator(json =>
            Encoding.UTF8.GetString(json.Span).Contains("TSSA-2025-4", StringComparison.Ordinal) ? ["/affected/0/package: 'purl' is not a valid purl"] : []);

        var refused = await Assert.ThrowsAsync<PublishRefusedException>(() => PublishAsync(Target(), Database(), FirstRun, validator: validator));
        var dryRun = (await new Publisher(AcceptAll).PublishAsync(Request(Database(), FirstRun, dryRun: true), [Target()])).Single();

        var finding = Assert.Single(refused.Findings);
        Assert.Equal(("PUB010", "advisories/TSSA-2025-4.yaml"), (finding.Code, finding.Location.File));
        Assert.Equal("the published JSON of TSSA-2025-4 would not be valid OSV: /affected/0/package: 'purl' is not a valid purl", finding.Message);
        Assert.Null(dryRun.Outcome);
        Assert.Equal(5, dryRun.Plan.Count(PublishAction.New));
        Assert.False(Directory.Exists(_folder.Combine("out")));
    }

    [Fact]
    public async Task A_file_in_the_feed_that_is_not_a_record_refuses_the_publish()
    {
        await PublishAsync(Target(), Database(), FirstRun);
        File.WriteAllText(Path.Combine(Root, "PyPI", "TSSA-2025-4.json"), """{"id": "TSSA-2025-40", "modified": "2026-02-01T10:00:00Z"}""");

        var refused = await Assert.ThrowsAsync<PublishRefusedException>(() => PublishAsync(Target(), Database(), SecondRun));

        var finding = Assert.Single(refused.Findings);
        Assert.Equal("PUB020", finding.Code);
        Assert.EndsWith(Path.Combine("PyPI", "TSSA-2025-4.json"), finding.Location.File, StringComparison.Ordinal);
        Assert.Contains("its id is 'TSSA-2025-40', not TSSA-2025-4", finding.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
