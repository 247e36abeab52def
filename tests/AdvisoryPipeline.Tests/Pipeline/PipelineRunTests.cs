using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Pipeline;
using AdvisoryPipeline.Publishing.FeedFolder;
using AdvisoryPipeline.Tests.TestSupport;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.Pipeline;

public sealed class PipelineRunTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static PublishableDatabase Database(params OsvRecord[] records) => new(
        new DatabaseConfig("Tessera", "TSSA", SiteUrl: "https://security.tessera-project.org/"),
        OsvSchema.Embedded("TSSA"),
        [.. records.Select(record => new PublishableAdvisory(record, $"advisories/{record.Id}.yaml"))],
        [], []);

    [Fact]
    public async Task A_run_publishes_then_shows_the_records_as_published()
    {
        var feed = new FeedFolderTarget("dir:out/osv", _temp.Combine("out", "osv"));

        var result = await PipelineRun.RunAsync(Database(SampleAdvisories.Record("TSSA-2026-1")), [feed], _temp.Combine("out"), "out", Now);

        Assert.True(File.Exists(_temp.Combine("out", "osv", "PyPI", "TSSA-2026-1.json")));
        Assert.Contains("\"modified\": \"2026-11-22T12:00:00Z\"", File.ReadAllText(_temp.Combine("out", "site", "osv", "TSSA-2026-1.json")));
        Assert.Equal(["out/site: wrote", "out/markdown: wrote", "out/mail: wrote"], result.RenderLines.Select(line => line[..line.IndexOf(" files", StringComparison.Ordinal)].TrimEnd("0123456789 ".ToCharArray())));
    }

    [Fact]
    public async Task Records_the_site_cannot_show_stop_the_run_before_anything_is_published()
    {
        // Validation refuses such an ID (ID001); a database that bypassed it must still not be half published.
        var feed = new FeedFolderTarget("dir:out/osv", _temp.Combine("out", "osv"));
        var database = Database(SampleAdvisories.Record("TSSA-2026-1"), SampleAdvisories.Record("TSSA-2026-2:x"));

        var refused = await Assert.ThrowsAnyAsync<PipelineException>(() => PipelineRun.RunAsync(database, [feed], _temp.Combine("out"), "out", Now));

        Assert.NotEmpty(refused.Findings);
        Assert.False(Directory.Exists(_temp.Combine("out")));
    }
}
