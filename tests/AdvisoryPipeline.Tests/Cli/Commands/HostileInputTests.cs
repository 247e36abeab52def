using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Cli.Commands;

/// <summary>
/// Inputs a hostile contributor or an unlucky maintainer commits, end to end: each is accepted or answered with a
/// located finding (exit 1), never an internal error, and nothing is written from a database that has one.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Now = "2026-11-22T12:00:00Z";
    private readonly TempFolder _temp = new();
    private readonly CliRunner _cli;

    public HostileInputTests()
    {
        _temp.CopyFromRepository("advisories");
        _cli = new CliRunner(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("TSSA-2026-9:x")]
    [InlineData("TSSA-2026-9+1")]
    [InlineData("TSSA-2026-9~1")]
    [InlineData("TSSA-2026-9.")]
    public void An_id_that_an_output_cannot_carry_is_refused_by_validate_and_run_writes_nothing(string id)
    {
        _temp.Write($"advisories/{id}.yaml", SampleAdvisories.CleanYaml(id));

        var validate = _cli.Run("validate");
        var run = _cli.Run("run", "--now", Now);

        Assert.Equal(1, validate.ExitCode);
        Assert.Contains($"advisories/{id}.yaml:1:5: error[ID001]: the id {id} cannot be published", validate.Out);
        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("internal error", run.Error);
        Assert.False(Directory.Exists(_temp.Combine("out")));
    }

    [Fact]
    public void An_id_of_245_digits_is_refused_with_its_length_not_quoted_whole()
    {
        var id = "TSSA-2026-" + new string('7', 245);
        _temp.Write("advisories/TSSA-2026-9.yaml", SampleAdvisories.CleanYaml(id));

        var validate = _cli.Run("validate");

        Assert.Equal(1, validate.ExitCode);
        var finding = Assert.Single(validate.OutLines, line => line.Contains("error[ID001]", StringComparison.Ordinal));
        Assert.Contains("more than 128", finding);
        Assert.True(finding.Length < 300, finding);
    }

    [Fact]
    public void Two_ids_that_differ_only_in_letter_case_are_refused_where_either_stands()
    {
        _temp.Write("advisories/tssa-2025-1.yaml", SampleAdvisories.CleanYaml("tssa-2025-1"));

        var validate = _cli.Run("validate", "--config", "advisories/database.yaml");

        Assert.Equal(1, validate.ExitCode);
        Assert.Equal(2, validate.OutLines.Count(line => line.Contains("error[ID002]", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_fifo_with_an_advisorys_name_is_reported_and_never_opened()
    {
        var fifo = _temp.Combine("advisories", "TSSA-2026-9.yaml");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();

        var validate = _cli.Run("validate");

        Assert.Equal(1, validate.ExitCode);
        Assert.Contains("advisories/TSSA-2026-9.yaml: error[YAML016]: not read: it is a FIFO, a device or a socket", validate.Out);
        Assert.Contains("12 advisories checked", validate.Out);
    }

    [Fact]
    public void Links_between_folders_are_never_followed_so_a_loop_costs_nothing_and_files_count_once()
    {
        Directory.CreateDirectory(_temp.Combine("advisories", "sub"));
        File.CreateSymbolicLink(_temp.Combine("advisories", "sub", "l1"), "..");
        File.CreateSymbolicLink(_temp.Combine("advisories", "sub", "l2"), "..");

        var validate = _cli.Run("validate");

        Assert.True(validate.ExitCode == 0, validate.Out + validate.Error);
        Assert.Contains("12 advisories checked, 0 errors, 0 warnings", validate.OutLines);
    }

    [Fact]
    public void A_run_whose_publish_fails_after_planning_leaves_the_rendered_folders_as_they_were()
    {
        using var repository = TemporaryGitRepository.ForPublishing();
        var target = "git:" + repository.Root;
        Assert.Equal(0, _cli.Run("run", "--target", target, "--now", Now).ExitCode);
        var before = Snapshot(_temp.Combine("out"));
        var advisory = _temp.Combine("advisories", "TSSA-2025-4.yaml");
        File.WriteAllText(advisory, File.ReadAllText(advisory).Replace("\nsummary: ", "\nsummary: Changed, ", StringComparison.Ordinal));
        // A local edit in the checked-out branch: the git target refuses when it applies its plan.
        repository.Write("osv/2025/TSSA-2025-4.json", "local edit\n");

        var failed = _cli.Run("run", "--target", target, "--now", "2026-11-23T12:00:00Z");

        Assert.True(failed.ExitCode == 3, failed.Out + failed.Error);
        Assert.Contains("Nothing was published", failed.Error);
        Assert.Equal(before, Snapshot(_temp.Combine("out")));
    }

    private static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(folder, path), path => File.Exists(path) ? Convert.ToBase64String(File.ReadAllBytes(path)) : "folder"),
            StringComparer.Ordinal);
}
