using System.Text.Json;
using AdvisoryPipeline.Cli;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cli;

/// <summary>
/// The real databases of ../shared/corpus as a new team would bring them, with the default settings (no
/// <c>database.yaml</c>): the PyPA advisories (YAML in <c>vulns/&lt;package&gt;/PYSEC-*.yaml</c>) and the Go vulnerability
/// database (OSV JSON). Validation reports only real defects of records, each named here; the valid rest is published
/// deliberately (<c>--exclude-invalid</c>) to a folder and to a git repository, every record with the timestamps of
/// its file, and a second run writes nothing.
/// </summary>
public sealed class RealDatabaseCommandTests : IDisposable
{
    private const string Now = "2026-12-01T12:00:00Z";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Every error validate reports on the PyPA corpus, as (file, code): each a real defect of its record.</summary>
    private static readonly (string File, string Code)[] PypaDefects =
    [
        ("accesscontrol/PYSEC-2021-335.yaml", "OSV306"), // shares GHSA-qcx9-j53g-ccgf with PYSEC-2021-370, for the same package
        ("accesscontrol/PYSEC-2021-370.yaml", "OSV306"),
        ("binderhub/PYSEC-2021-371.yaml", "OSV507"),     // "0.2.0-n653" is no PEP 440 version
        ("binderhub/PYSEC-2021-371.yaml", "OSV509"),     // fixed "195caac….patch" is no commit hash
        ("bleach/PYSEC-2021-865.yaml", "OSV702"),        // a "ttps://" reference
        ("distributed/PYSEC-2021-871.yaml", "OSV306"),   // CVE-2021-42343 twice for distributed
        ("distributed/PYSEC-2021-871.yaml", "OSV306"),
        ("distributed/PYSEC-2021-872.yaml", "OSV306"),
        ("distributed/PYSEC-2021-872.yaml", "OSV306"),
        ("keylime/PYSEC-2022-184.yaml", "OSV301"),       // "GHSA-jf66-3q76-h5p5," with a trailing comma
        ("matrix-synapse/PYSEC-2021-424.yaml", "OSV509"), // short commit hashes
        ("matrix-synapse/PYSEC-2021-425.yaml", "OSV509"),
        ("matrix-synapse/PYSEC-2021-436.yaml", "OSV509"),
    ];

    private static string Corpus(string name) => SharedData.PathOf("corpus", name);

    private CliResult Run(params string[] args) => new CliRunner(_temp.Path).Run(args);

    [Fact]
    public void Validate_reports_only_the_real_defects_of_the_pypa_and_go_databases()
    {
        var pypa = Run("validate", "--no-cache", "--format", "json", Corpus("pypa"));
        var go = Run("validate", "--no-cache", "--format", "json", Corpus("go-vulndb"));

        Assert.Equal((ExitCodes.Findings, ExitCodes.Findings), (pypa.ExitCode, go.ExitCode));
        Assert.Equal(PypaDefects.Order(), Errors(pypa, Corpus("pypa")).Order());
        // GO-2026-6045's summary runs over two lines.
        Assert.Equal([("GO-2026-6045.json", "OSV802")], Errors(go, Corpus("go-vulndb")));
        Assert.Contains("\"advisories\": 983,", pypa.Out, StringComparison.Ordinal);
        Assert.Contains("\"advisories\": 4291,", go.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_valid_pypa_records_are_published_with_their_own_timestamps_and_a_second_run_writes_nothing()
    {
        using var repository = TemporaryGitRepository.Empty();
        var first = Run("run", Corpus("pypa"), "--exclude-invalid", "--now", Now, "--out", "out");
        var git = Run("publish", Corpus("pypa"), "--exclude-invalid", "--now", Now, "--target", "git:" + repository.Root);
        var again = Run("run", Corpus("pypa"), "--exclude-invalid", "--now", "2026-12-02T12:00:00Z", "--out", "out");

        Assert.True(first.ExitCode == ExitCodes.RecordsExcluded, first.Error);
        Assert.True(git.ExitCode == ExitCodes.RecordsExcluded, git.Error);
        Assert.Contains("left out 10 advisory(ies) with errors", first.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing to publish: 973 unchanged, 10 excluded.", again.Out, StringComparison.Ordinal);
        Assert.Contains("out/site: unchanged", again.Out, StringComparison.Ordinal);

        var published = PublishedIn(_temp.Combine("out", "osv"));
        var inGit = PublishedIn(repository.Root);
        Assert.Equal(published.Keys.Order(), inGit.Keys.Order());
        Assert.All(published, pair => Assert.Equal(CanonicalOsvWriter.Write(pair.Value), CanonicalOsvWriter.Write(inGit[pair.Key])));
        Assert.Equal(973, published.Count);
        foreach (var source in Sources(Corpus("pypa"), "*.yaml"))
        {
            if (!published.TryGetValue(source.Id, out var record)) continue;
            if (OsvTimestamp.TryParseSet(source.Published, out _))
            {
                Assert.Equal((source.Id, source.Published, source.Modified), (record.Id, record.Published, record.Modified));
            }
            else
            {
                // No date of its own (PYSEC-2023-174, PYSEC-2024-1, PYSEC-2024-55): published and modified at its first publication.
                Assert.Equal((source.Id, Now, Now), (record.Id, record.Published, record.Modified));
            }
        }
    }

    [Fact]
    public void The_go_database_as_json_is_published_to_git_with_its_own_dates_and_the_run_time_for_its_zero_times()
    {
        using var repository = TemporaryGitRepository.Empty();
        var run = Run("run", Corpus("go-vulndb"), "--exclude-invalid", "--now", Now, "--out", "out", "--target", "git:" + repository.Root);

        Assert.True(run.ExitCode == ExitCodes.RecordsExcluded, run.Error);
        Assert.Contains("GO-2026-6045", run.Error, StringComparison.Ordinal);
        var published = PublishedIn(repository.Root);
        Assert.Equal(4290, published.Count);
        foreach (var source in Sources(Corpus("go-vulndb"), "*.json"))
        {
            if (!published.TryGetValue(source.Id, out var record)) continue;
            var expectedPublished = OsvTimestamp.TryParseSet(source.Published, out _) ? source.Published : Now;
            Assert.Equal((source.Id, expectedPublished, Now), (record.Id, record.Published, record.Modified));
        }
        Assert.True(File.Exists(_temp.Combine("out", "site", "GO-2020-0001", "index.html")));
    }

    private static List<(string File, string Code)> Errors(CliResult result, string root)
    {
        using var document = JsonDocument.Parse(result.Out);
        return [.. document.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("level").GetString() == "error")
            .Select(f => (Path.GetRelativePath(root, f.GetProperty("file").GetString()!), f.GetProperty("code").GetString()!))];
    }

    private static IEnumerable<OsvRecord> Sources(string folder, string pattern) =>
        Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
            .Select(path => AdvisoryFileLoader.Load(path, File.ReadAllBytes(path)).Record?.Deserialize(OsvJsonContext.Default.OsvRecord))
            .OfType<OsvRecord>();

    /// <summary>
    /// The records a target folder holds, by ID. osv.dev's layout puts a record under each of its ecosystems, so one
    /// record may be there twice: both copies must be the same.
    /// </summary>
    private static Dictionary<string, OsvRecord> PublishedIn(string folder)
    {
        var records = new Dictionary<string, (OsvRecord Record, string Text)>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories))
        {
            if (path.Contains("/.git/", StringComparison.Ordinal) || Path.GetFileName(path) == "index.json") continue;
            var text = File.ReadAllText(path);
            if (JsonSerializer.Deserialize(text, OsvJsonContext.Default.OsvRecord) is not { Id.Length: > 0 } record) continue;
            if (records.TryGetValue(record.Id, out var seen)) Assert.Equal(seen.Text, text);
            else records[record.Id] = (record, text);
        }
        return records.ToDictionary(pair => pair.Key, pair => pair.Value.Record, StringComparer.Ordinal);
    }
}
