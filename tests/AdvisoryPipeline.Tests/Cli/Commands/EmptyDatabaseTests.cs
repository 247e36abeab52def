using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using AdvisoryPipeline.Cli;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cli.Commands;

/// <summary>
/// A database with no advisory yet (what <c>advisory init</c> leaves): every command works on it, gives an empty site
/// and an empty feed, exits 0, and a second run changes nothing, on any day.
/// </summary>
public sealed class EmptyDatabaseTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public EmptyDatabaseTests() =>
        _temp.Write("advisories/database.yaml", "name: Empty Security Advisories\nid_prefix: EMPTY\nsite_url: https://security.example.org/\n");

    public void Dispose() => _temp.Dispose();

    private CliResult Run(DateTimeOffset now, params string[] args) => new CliRunner(_temp.Path) { Clock = new FixedClock(now) }.Run(args);

    private CliResult Run(params string[] args) => Run(CliRunner.DefaultNow, args);

    [Theory]
    [InlineData("validate")]
    [InlineData("validate", "--format", "json")]
    [InlineData("validate", "--format", "github")]
    [InlineData("fix", "--check")]
    [InlineData("fix")]
    [InlineData("assign-ids")]
    [InlineData("render")]
    [InlineData("publish", "--dry-run")]
    [InlineData("publish")]
    [InlineData("run")]
    public void Every_command_succeeds_on_a_database_without_advisories(params string[] args)
    {
        var result = Run(args);

        Assert.True(result.ExitCode == ExitCodes.Success, $"{string.Join(' ', args)}: {result.ExitCode}\n{result.Out}{result.Error}");
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_gives_an_empty_site_feed_and_osv_folder_and_a_second_run_on_another_day_changes_nothing()
    {
        var first = Run("run");
        var snapshot = Snapshot();
        var again = Run(CliRunner.DefaultNow.AddDays(3), "run");

        Assert.Equal((0, 0), (first.ExitCode, again.ExitCode));
        Assert.StartsWith("0 advisories checked, 0 errors, 0 warnings\n", first.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing to publish: no advisories.", first.Out, StringComparison.Ordinal);
        Assert.Contains("out/site: unchanged", again.Out, StringComparison.Ordinal);
        Assert.Equal(snapshot, Snapshot());

        Assert.Contains("No advisories have been published yet.", File.ReadAllText(_temp.Combine("out", "site", "index.html")), StringComparison.Ordinal);
        Assert.Contains("No advisories have been published yet.", File.ReadAllText(_temp.Combine("out", "markdown", "README.md")), StringComparison.Ordinal);
        var feed = XDocument.Load(_temp.Combine("out", "site", "feed.xml"));
        Assert.Empty(feed.Root!.Elements(XName.Get("entry", "http://www.w3.org/2005/Atom")));
        Assert.Equal("[]", File.ReadAllText(_temp.Combine("out", "osv", "index.json")).Trim());
        using (var all = ZipFile.OpenRead(_temp.Combine("out", "osv", "all.zip")))
            Assert.Empty(all.Entries);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(File.ReadAllText(_temp.Combine("out", "osv", "index.json"))).RootElement.ValueKind);
    }

    [Fact]
    public void A_folder_that_is_no_database_and_holds_no_advisory_is_still_a_wrong_path()
    {
        Directory.CreateDirectory(_temp.Combine("elsewhere"));

        var result = Run("validate", _temp.Combine("elsewhere"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("no database.yaml found", result.Error, StringComparison.Ordinal);
        Assert.Contains("advisory init", result.Error, StringComparison.Ordinal);
    }

    private SortedDictionary<string, string> Snapshot() =>
        new(Directory.EnumerateFiles(_temp.Combine("out"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_temp.Path, f), f => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
            StringComparer.Ordinal);
}
