using AdvisoryPipeline.Cli;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cli.Commands;

/// <summary>
/// <c>--exclude-invalid</c>: a team with a few invalid legacy records publishes the valid rest deliberately. Each record
/// left out is listed with its errors, nothing is written for it, what the target holds of it stays, and exit code 4
/// says that records were left out.
/// </summary>
public sealed class ExcludeInvalidTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly CliRunner _cli;

    public ExcludeInvalidTests()
    {
        _temp.Write("advisories/database.yaml", "name: Tessera Security Advisories\nid_prefix: TSSA\nsite_url: https://security.tessera-project.org/\n");
        _temp.Write("advisories/TSSA-2026-1.yaml", SampleAdvisories.CleanYaml("TSSA-2026-1", "tessera-one"));
        _temp.Write("advisories/TSSA-2026-2.yaml", SampleAdvisories.CleanYaml("TSSA-2026-2", "tessera-two"));
        _cli = new CliRunner(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    private string Published(string id) => File.ReadAllText(_temp.Combine("out", "osv", "PyPI", id + ".json"));

    [Fact]
    public void Without_the_option_one_invalid_record_stops_everything()
    {
        _temp.Write("advisories/TSSA-2026-3.yaml", SampleAdvisories.CleanYaml("TSSA-2026-3", "tessera-three").Replace("fixed: \"1.2.0\"", "fixed: 1.10", StringComparison.Ordinal));

        var run = _cli.Run("run");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.False(Directory.Exists(_temp.Combine("out")));
    }

    [Fact]
    public void The_valid_records_are_published_and_the_invalid_one_keeps_its_published_version()
    {
        Assert.Equal(0, _cli.Run("run").ExitCode);
        var before = Published("TSSA-2026-2");
        _temp.Write("advisories/TSSA-2026-2.yaml", SampleAdvisories.CleanYaml("TSSA-2026-2", "tessera-two", summary: "Changed")
            .Replace("modified: \"2026-03-02T00:00:00Z\"", "modified: yesterday", StringComparison.Ordinal));
        _temp.Write("advisories/TSSA-2026-3.yaml", "id: TSSA-2026-3\nsummary: [unclosed\n");
        _temp.Write("advisories/TSSA-2026-4.yaml", SampleAdvisories.CleanYaml("TSSA-2026-4", "tessera-four"));

        var run = _cli.Run("run", "--exclude-invalid", "--now", "2026-11-23T12:00:00Z");

        Assert.Equal(ExitCodes.RecordsExcluded, run.ExitCode);
        Assert.Contains("advisories/TSSA-2026-2.yaml:2:11: error[", run.Error);
        Assert.Contains("advisories/TSSA-2026-3.yaml:3:1: error[YAML001]", run.Error);
        Assert.Contains("""
            advisory: left out 2 advisory(ies) with errors, as --exclude-invalid asks; nothing was written for them:
              TSSA-2026-2 (advisories/TSSA-2026-2.yaml): 1 error(s)
              TSSA-2026-3 (advisories/TSSA-2026-3.yaml): 1 error(s)

            """, run.Error);
        Assert.Contains("excluded (errors) (2):", run.Out);
        Assert.Equal(before, Published("TSSA-2026-2"));
        Assert.False(File.Exists(_temp.Combine("out", "osv", "PyPI", "TSSA-2026-3.json")));
        Assert.True(File.Exists(_temp.Combine("out", "osv", "PyPI", "TSSA-2026-4.json")));
        Assert.False(Directory.Exists(_temp.Combine("out", "site", "TSSA-2026-3")));

        var again = _cli.Run("run", "--exclude-invalid", "--now", "2026-11-24T12:00:00Z");
        Assert.Equal(ExitCodes.RecordsExcluded, again.ExitCode);
        Assert.Contains("Nothing to publish: 2 unchanged, 2 excluded.", again.Out);
    }

    [Fact]
    public void Errors_that_belong_to_no_advisory_are_never_set_aside()
    {
        _temp.Write("advisories/database.yaml", "name: Tessera Security Advisories\nid_prefix: TSSA\nsite_url: not a url\n");

        var run = _cli.Run("publish", "--exclude-invalid");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.False(Directory.Exists(_temp.Combine("out")));
    }

    [Fact]
    public void Publish_and_render_take_the_option_too()
    {
        _temp.Write("advisories/TSSA-2026-3.yaml", "id: TSSA-2026-3\n");

        var publish = _cli.Run("publish", "--exclude-invalid");
        var render = _cli.Run("render", "--exclude-invalid");

        Assert.Equal((ExitCodes.RecordsExcluded, ExitCodes.RecordsExcluded), (publish.ExitCode, render.ExitCode));
        Assert.True(File.Exists(_temp.Combine("out", "osv", "PyPI", "TSSA-2026-1.json")));
        Assert.True(Directory.Exists(_temp.Combine("out", "site", "TSSA-2026-1")));
        Assert.False(Directory.Exists(_temp.Combine("out", "site", "TSSA-2026-3")));
    }
}
