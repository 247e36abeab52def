using AdvisoryPipeline.Tests.TestSupport;
using Xunit.Abstractions;

namespace AdvisoryPipeline.Tests.Workflows;

/// <summary>
/// The GitHub Action (<c>action.yml</c>) run here step by step with the runner's commands (<see cref="LocalActionRunner"/>)
/// on a repository that <c>advisory init</c> set up: annotations for a broken advisory, the history check against the
/// base, the preview in the job summary, one installation per job, and the install from a folder feed.
/// </summary>
[Collection(ToolPackageCollection.Name)]
public sealed class ActionTests(ToolPackageFixture package, ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new("advisory-action-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void In_a_pull_request_it_annotates_a_broken_advisory_checks_the_history_and_previews_the_changed_ones()
    {
        using var repository = Repository();
        repository.Write("advisories/ACME-2026-1.yaml", SampleAdvisories.CleanYaml("ACME-2026-1", summary: "Crash on an empty frame"));
        repository.CommitAll("ACME-2026-1");
        repository.Git("checkout", "--quiet", "-b", "change");
        repository.Write("advisories/ACME-0000-broken.yaml",
            SampleAdvisories.CleanYaml("ACME-0000-broken", summary: "A broken one").Replace("fixed: \"1.2.0\"", "fixed: 1.10", StringComparison.Ordinal));
        repository.Write("advisories/ACME-0000-good.yaml", SampleAdvisories.CleanYaml("ACME-0000-good", package: "acme-widgets", summary: "Path traversal in archive extraction"));
        repository.CommitAll("two new advisories");
        var runner = new LocalActionRunner(repository.Root, package.RunnerTemp);
        var inputs = new Dictionary<string, string>
        {
            ["from-source"] = "true",
            ["command"] = "validate --format github",
            ["base"] = "main",
            ["preview"] = "true",
        };

        var broken = runner.Run(inputs);
        output.WriteLine(broken.ToString());

        // The job's first use packed and installed the tool (the fixture): this one does neither.
        Assert.DoesNotContain("Successfully created package", broken.Step("Pack the advisory tool from the action's checkout").Out);
        Assert.Contains("is installed already", broken.Step("Install the advisory tool").Out);
        var validate = broken.Step("Run advisory");
        Assert.Equal(1, validate.ExitCode);
        Assert.StartsWith("advisory validate --format github --base main\n", validate.Out);
        Assert.Contains("::error file=advisories/ACME-0000-broken.yaml,line=", validate.Out);
        Assert.Contains("title=YAML101::", validate.Out);
        Assert.DoesNotContain(broken.Steps, s => s.Name == "Preview the changed advisories");
        Assert.Equal("", broken.Summary);

        repository.Git("rm", "--quiet", "advisories/ACME-0000-broken.yaml");
        repository.Commit("the broken one goes");
        var fixedRun = runner.Run(inputs);
        output.WriteLine(fixedRun.ToString());

        Assert.True(fixedRun.Succeeded, fixedRun.ToString());
        Assert.Contains("# ACME-0000-good", fixedRun.Summary);
        Assert.Contains("Path traversal in archive extraction", fixedRun.Summary);
        Assert.Contains("### Announcement", fixedRun.Summary);
        Assert.DoesNotContain("ACME-2026-1", fixedRun.Summary);

        // Deleting a published advisory is refused against the base: withdraw it instead.
        repository.Git("rm", "--quiet", "advisories/ACME-2026-1.yaml");
        repository.Commit("ACME-2026-1 deleted");
        var deleted = runner.Run(new Dictionary<string, string>(inputs) { ["preview"] = "false" });
        Assert.Equal(1, deleted.Step("Run advisory").ExitCode);
        Assert.Contains("::error file=", deleted.Step("Run advisory").Out);
        Assert.Contains("ACME-2026-1", deleted.Step("Run advisory").Out);
        Assert.Contains("withdraw", deleted.Step("Run advisory").Out);
    }

    /// <summary>
    /// An adopting repository's use: the package from a feed (here the folder the fixture packed into), then every
    /// advisory in the summary without a base, those written as OSV JSON too.
    /// </summary>
    [Fact]
    public void It_installs_a_version_from_a_feed_folder_and_without_a_base_previews_every_advisory()
    {
        using var repository = Repository();
        repository.Write("advisories/ACME-2026-1.yaml", SampleAdvisories.CleanYaml("ACME-2026-1", summary: "Crash on an empty frame"));
        repository.Write("advisories/ACME-2026-2.json", """
            {
              "id": "ACME-2026-2",
              "modified": "2026-01-02T00:00:00Z",
              "published": "2026-01-02T00:00:00Z",
              "summary": "Header injection in the mail sender",
              "details": "Header values were not checked for line breaks.",
              "affected": [{"package": {"ecosystem": "PyPI", "name": "acme-mail"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.2"}]}]}]
            }

            """);
        repository.CommitAll("ACME-2026-1");
        var runner = new LocalActionRunner(repository.Root, Directory.CreateDirectory(_temp.Combine("runner-temp")).FullName);

        var result = runner.Run(new Dictionary<string, string>
        {
            ["source"] = package.Feed,
            ["version"] = ToolPackageFixture.ProjectVersion,
            ["command"] = "validate --format github",
            ["preview"] = "true",
        });
        output.WriteLine(result.ToString());

        Assert.True(result.Succeeded, result.ToString());
        Assert.False(result.Step("Pack the advisory tool from the action's checkout").Ran);
        Assert.Contains($"installed advisory {ToolPackageFixture.ProjectVersion}+", result.Step("Install the advisory tool").Out);
        Assert.Contains("# ACME-2026-1", result.Summary);
        Assert.Contains("# ACME-2026-2", result.Summary);
        Assert.Contains("Header injection in the mail sender", result.Summary);
        Assert.True(File.Exists(Path.Combine(runner.RunnerTemp, "advisory-tool", "advisory")));

        var again = runner.Run(new Dictionary<string, string> { ["source"] = package.Feed, ["version"] = ToolPackageFixture.ProjectVersion });
        Assert.True(again.Succeeded, again.ToString());
        Assert.Contains("is installed already", again.Step("Install the advisory tool").Out);
        Assert.False(again.Step("Run advisory").Ran);
    }

    /// <summary>
    /// The command input is split as a shell splits words, quotes included, and never evaluated: an argument with spaces
    /// arrives whole, <c>$(...)</c> stays text, and an unmatched quote is refused before the tool runs.
    /// </summary>
    [Fact]
    public void Quoted_arguments_arrive_whole_and_nothing_in_the_command_is_evaluated()
    {
        using var repository = Repository();
        var runner = new LocalActionRunner(repository.Root, package.RunnerTemp);
        var marker = Path.Combine(_temp.Path, "pwned");

        var quoted = runner.Run(new Dictionary<string, string>
        {
            ["from-source"] = "true",
            ["command"] = $"new --package PyPI/acme-widgets --summary \"Path traversal in archive extraction $(touch {marker})\"",
        });
        output.WriteLine(quoted.ToString());

        Assert.True(quoted.Succeeded, quoted.ToString());
        var written = Assert.Single(Directory.GetFiles(Path.Combine(repository.Root, "advisories"), "ACME-*.yaml"));
        Assert.Contains($"Path traversal in archive extraction $(touch {marker})", File.ReadAllText(written));
        Assert.False(File.Exists(marker));

        var unmatched = runner.Run(new Dictionary<string, string> { ["from-source"] = "true", ["command"] = "withdraw ACME-2026-1 --reason \"a duplicate" });
        var step = unmatched.Step("Run advisory");
        Assert.Equal(2, step.ExitCode);
        Assert.Contains("::error title=advisory action::the command input has an unmatched quote", step.Out);
    }

    /// <summary>An existing database in its own folder and layout (PyPA's <c>vulns/PACKAGE/ID.yaml</c>): the preview finds it through <c>folder</c>.</summary>
    [Fact]
    public void The_preview_reads_the_folder_of_an_existing_database_and_its_subfolders()
    {
        using var repository = TemporaryGitRepository.Empty();
        var init = new CliRunner(repository.Root).Run("init", "--prefix", "PYSEC", "--advisories", "vulns");
        Assert.True(init.ExitCode == 0, init.Error);
        repository.CommitAll("advisory init");
        repository.Git("checkout", "--quiet", "-b", "change");
        repository.Write("vulns/acme-widgets/PYSEC-2026-1.yaml", SampleAdvisories.CleanYaml("PYSEC-2026-1", package: "acme-widgets", summary: "Path traversal in archive extraction"));
        repository.CommitAll("PYSEC-2026-1");
        var runner = new LocalActionRunner(repository.Root, package.RunnerTemp);

        var result = runner.Run(new Dictionary<string, string>
        {
            ["from-source"] = "true",
            ["command"] = "validate vulns --format github",
            ["base"] = "main",
            ["preview"] = "true",
            ["folder"] = "vulns",
        });
        output.WriteLine(result.ToString());

        Assert.True(result.Succeeded, result.ToString());
        Assert.StartsWith("advisory validate vulns --format github --base main\n", result.Step("Run advisory").Out);
        Assert.Contains("# PYSEC-2026-1", result.Summary);
        Assert.Contains("Path traversal in archive extraction", result.Summary);
    }

    /// <summary>Advisories left out with --exclude-invalid exit 4: a failed step, unless the workflow accepts it.</summary>
    [Fact]
    public void Excluded_advisories_fail_the_step_unless_accept_excluded_says_otherwise()
    {
        using var repository = Repository();
        repository.Write("advisories/ACME-2026-1.yaml", SampleAdvisories.CleanYaml("ACME-2026-1", summary: "Crash on an empty frame"));
        repository.Write("advisories/ACME-2026-2.yaml",
            SampleAdvisories.CleanYaml("ACME-2026-2", package: "acme-widgets", summary: "A legacy record").Replace("fixed: \"1.2.0\"", "fixed: 1.10", StringComparison.Ordinal));
        repository.CommitAll("two advisories, one invalid");
        var runner = new LocalActionRunner(repository.Root, package.RunnerTemp);
        var inputs = new Dictionary<string, string> { ["from-source"] = "true", ["command"] = "publish --exclude-invalid --dry-run" };

        var strict = runner.Run(inputs);
        var accepting = runner.Run(new Dictionary<string, string>(inputs) { ["accept-excluded"] = "true" });
        output.WriteLine(accepting.ToString());

        Assert.Equal(4, strict.Step("Run advisory").ExitCode);
        Assert.True(accepting.Succeeded, accepting.ToString());
        Assert.Contains("ACME-2026-2", accepting.Step("Run advisory").Out + accepting.Step("Run advisory").Error);
        Assert.Contains("::warning title=advisory action::advisories with errors were left out", accepting.Step("Run advisory").Out);
    }

    /// <summary>A repository set up by <c>advisory init</c> (in-process), committed on main.</summary>
    private static TemporaryGitRepository Repository()
    {
        var repository = TemporaryGitRepository.Empty();
        var init = new CliRunner(repository.Root).Run("init", "--prefix", "ACME", "--site-url", "https://security.acme.example/");
        Assert.True(init.ExitCode == 0, init.Error);
        repository.CommitAll("advisory init");
        return repository;
    }
}
