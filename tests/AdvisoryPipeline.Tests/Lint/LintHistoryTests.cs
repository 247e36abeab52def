using System.Diagnostics;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Lint;
using AdvisoryPipeline.Lint.History;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Lint;

/// <summary>OSV901-OSV903 against a real temporary git repository, read through the git command-line tool.</summary>
public sealed class LintHistoryTests : IDisposable
{
    private readonly TemporaryGitRepository _git = TemporaryGitRepository.Empty();

    private string Repository => _git.Root;

    public LintHistoryTests()
    {
        Write("advisories/database.yaml", "name: Test advisories\nid_prefix: TSSA\n");
        Write("advisories/TSSA-2025-1.yaml", LintHarness.CleanRecord("TSSA-2025-1", "CVE-2025-30001"));
        Write("advisories/TSSA-2025-2.yaml", LintHarness.CleanRecord("TSSA-2025-2", "CVE-2025-30002"));
        Write("advisories/TSSA-2025-3.yaml", LintHarness.CleanRecord("TSSA-2025-3", "CVE-2025-30003"));
        Write("advisories/TSSA-0000-draft.yaml", LintHarness.CleanRecord("TSSA-0000-draft", "CVE-2025-30004"));
        Write("advisories/.templates/TSSA-0000-template.yaml", LintHarness.CleanRecord("TSSA-0000-template", "CVE-2025-30005"));
        Write("README.md", "not an advisory\n");
        _git.CommitAll("base");
        _git.Git("tag", "base");
    }

    public void Dispose() => _git.Dispose();

    [Fact]
    public void The_reader_returns_the_changed_and_deleted_advisories_as_they_were_at_the_reference()
    {
        File.Delete(Path.Combine(Repository, "advisories/TSSA-2025-2.yaml"));
        Write("advisories/TSSA-2025-3.yaml", LintHarness.CleanRecord("TSSA-2025-3", "CVE-2025-39999"));
        Write("advisories/TSSA-2025-5.yaml", LintHarness.CleanRecord("TSSA-2025-5", "CVE-2025-30005"));
        Write("advisories/.templates/TSSA-0000-template.yaml", "changed: but hidden\n");
        Write("README.md", "changed, but not an advisory\n");

        Assert.True(GitBaseReader.TryRead(Repository, "base", "advisories", out var snapshot, out var error), error);

        Assert.Equal("base", snapshot.Ref);
        Assert.Equal(40, snapshot.Commit.Length);
        Assert.Equal(
        [
            new BaseAdvisory("advisories/TSSA-2025-2.yaml", "TSSA-2025-2", "2025-01-28T14:00:00Z", "2025-02-11T09:31:27Z"),
            new BaseAdvisory("advisories/TSSA-2025-3.yaml", "TSSA-2025-3", "2025-01-28T14:00:00Z", "2025-02-11T09:31:27Z"),
        ], snapshot.Advisories);
        Assert.Empty(snapshot.Unreadable);
    }

    [Fact]
    public void An_unchanged_database_reads_nothing_at_the_reference()
    {
        Assert.True(GitBaseReader.TryRead(Path.Combine(Repository, "advisories"), "base", "advisories", out var snapshot, out var error), error);
        Assert.Empty(snapshot.Advisories);
    }

    [Fact]
    public void Changing_the_id_inside_a_file_is_reported_at_the_new_id()
    {
        Write("advisories/TSSA-2025-3.yaml", LintHarness.CleanRecord("TSSA-2025-4", "CVE-2025-30003"));

        var finding = Assert.Single(CheckAgainstBase());

        Assert.Equal(("OSV901", "advisories/TSSA-2025-3.yaml", 1, 5, "the id was TSSA-2025-3 at base: an advisory's id never changes"),
            (finding.Code, finding.Location.File, finding.Location.Line, finding.Location.Column, finding.Message));
    }

    [Fact]
    public void Deleting_rewriting_published_and_moving_modified_back_are_refused()
    {
        File.Delete(Path.Combine(Repository, "advisories/TSSA-2025-2.yaml"));
        Write("advisories/TSSA-2025-1.yaml", LintHarness.CleanRecord("TSSA-2025-1", "CVE-2025-30001")
            .Replace("published: \"2025-01-28T14:00:00Z\"", "published: \"2025-01-29T14:00:00Z\"", StringComparison.Ordinal));
        Write("advisories/TSSA-2025-3.yaml", LintHarness.CleanRecord("TSSA-2025-3", "CVE-2025-30003")
            .Replace("modified: \"2025-02-11T09:31:27Z\"", "modified: \"2025-02-10T00:00:00Z\"", StringComparison.Ordinal));

        var findings = CheckAgainstBase();

        Assert.Equal(
        [
            ("OSV902", "advisories/TSSA-2025-1.yaml", 3, 12, "published changed from 2025-01-28T14:00:00Z (at base) to 2025-01-29T14:00:00Z"),
            ("OSV901", "advisories/TSSA-2025-2.yaml", 0, 0, "TSSA-2025-2 (advisories/TSSA-2025-2.yaml) exists at base but has been deleted"),
            ("OSV903", "advisories/TSSA-2025-3.yaml", 2, 11, "modified went back from 2025-02-11T09:31:27Z (at base) to 2025-02-10T00:00:00Z"),
        ], findings.Select(f => (f.Code, f.Location.File, f.Location.Line, f.Location.Column, f.Message)));
        Assert.All(findings, f => Assert.Equal(FindingLevel.Error, f.Level));
        Assert.Equal("restore it and set withdrawn: to the current time; consumers keep advisories they have seen forever", findings[1].Hint);
    }

    [Fact]
    public void Assigning_a_placeholder_moving_files_and_advancing_modified_are_accepted()
    {
        _git.Git("mv", "advisories/TSSA-0000-draft.yaml", "advisories/TSSA-2025-4.yaml");
        Write("advisories/TSSA-2025-4.yaml", LintHarness.CleanRecord("TSSA-2025-4", "CVE-2025-30004"));
        Directory.CreateDirectory(Path.Combine(Repository, "advisories/2025"));
        _git.Git("mv", "advisories/TSSA-2025-1.yaml", "advisories/2025/TSSA-2025-1.yaml");
        Write("advisories/TSSA-2025-3.yaml", LintHarness.CleanRecord("TSSA-2025-3", "CVE-2025-30003")
            .Replace("modified: \"2025-02-11T09:31:27Z\"", "modified: \"2025-03-01T00:00:00.000Z\"", StringComparison.Ordinal)
            .Replace("published: \"2025-01-28T14:00:00Z\"", "published: \"2025-01-28T14:00:00.000Z\"", StringComparison.Ordinal));

        Assert.Empty(CheckAgainstBase());
    }

    [Fact]
    public void An_unknown_reference_is_a_clear_error()
    {
        Assert.False(GitBaseReader.TryRead(Repository, "no-such-branch", "advisories", out var snapshot, out var error));
        Assert.Null(snapshot);
        Assert.Equal("cannot read no-such-branch: no such commit, branch or tag", error);
        Assert.False(GitBaseReader.TryRead(Repository, "--output=/tmp/x", "advisories", out _, out error));
        Assert.Equal("--output=/tmp/x is not a git reference", error);
    }

    [Fact]
    public void A_folder_that_did_not_exist_at_the_reference_has_no_advisories()
    {
        Assert.True(GitBaseReader.TryRead(Repository, "base", "elsewhere", out var snapshot, out var error), error);
        Assert.Empty(snapshot.Advisories);
    }

    private IReadOnlyList<Finding> CheckAgainstBase()
    {
        var run = Linter.Create(LintHarness.Config, LintHarness.Options);
        var summaries = Directory.GetFiles(Path.Combine(Repository, "advisories"), "TSSA-*.yaml", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Repository, file).Replace('\\', '/'))
            .Select(path => LintHarness.Check(path, File.ReadAllText(Path.Combine(Repository, path))).Summary)
            .ToArray();
        Assert.True(GitBaseReader.TryRead(Repository, "base", "advisories", out var snapshot, out var error), error);
        return run.CheckHistory(summaries, snapshot);
    }

    private void Write(string relativePath, string content) => _git.Write(relativePath, content);
}
