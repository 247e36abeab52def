using static AdvisoryPipeline.Tests.Publishing.PublishingSupport;
using static AdvisoryPipeline.Tests.TestSupport.SampleAdvisories;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Publishing.Git;
using AdvisoryPipeline.Publishing.Repository;
using AdvisoryPipeline.Tests.TestSupport;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.Publishing.Git;

public sealed class GitTargetTests : IDisposable
{
    private readonly TemporaryGitRepository _repository = TemporaryGitRepository.ForPublishing();

    private GitTarget Target(string? branch = null) =>
        new($"git:repository{(branch is null ? "" : "#" + branch)}", _repository.Root, branch, new RecordLayout("osv"), _repository.Isolation);

    private static IReadOnlyList<PublishableAdvisory> Database() =>
        [Advisory("TSSA-2025-4"), Advisory("TSSA-2026-1"), Advisory("TSSA-2026-2"), Advisory(Record("GHSA-2f3x-8qpw-4m5v"))];

    [Fact]
    public async Task One_commit_holds_every_record_and_the_ledger_and_a_second_run_makes_none()
    {
        var initial = _repository.Head();

        var result = await PublishAsync(Target(), Database(), FirstRun);
        var head = _repository.Head();
        var again = await PublishAsync(Target(), Database(), SecondRun);

        Assert.Equal(PublishOutcomeKind.Committed, result.Outcome!.Kind);
        Assert.Equal(head, result.Outcome.CommitSha);
        Assert.Equal(initial, _repository.Git("rev-parse", "main^"));
        Assert.Equal(
            ["README.md", "osv/2025/TSSA-2025-4.json", "osv/2026/TSSA-2026-1.json", "osv/2026/TSSA-2026-2.json", "osv/ledger.json", "osv/other/GHSA-2f3x-8qpw-4m5v.json"],
            _repository.Files("main"));
        Assert.Equal(
            "Publish 4 advisories: GHSA-2f3x-8qpw-4m5v, TSSA-2025-4, TSSA-2026-1, TSSA-2026-2 (new)",
            _repository.Git("log", "-1", "--format=%s"));
        Assert.Equal("AdvisoryPipeline <advisory-pipeline@users.noreply.github.com> 1769940000",
            _repository.Git("log", "-1", "--format=%an <%ae> %at"));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(result.Plan.Advisories[1].Content.Span), _repository.Show("main", "osv/2025/TSSA-2025-4.json") + "\n");
        Assert.Equal(PublishOutcomeKind.NothingToWrite, again.Outcome!.Kind);
        Assert.Equal(head, _repository.Head());
    }

    [Fact]
    public async Task The_checked_out_branch_gets_its_working_tree_updated_too()
    {
        await PublishAsync(Target(), Database(), FirstRun);

        Assert.Equal("", _repository.Git("status", "--porcelain"));
        Assert.True(File.Exists(Path.Combine(_repository.Root, "osv", "2026", "TSSA-2026-1.json")));
    }

    [Fact]
    public async Task Publishing_to_a_branch_not_checked_out_leaves_the_working_tree_and_index_as_they_were()
    {
        _repository.Write("README.md", "# Tessera advisories (edited, not committed)\n");
        _repository.Write("notes.txt", "staged\n");
        _repository.Git("add", "notes.txt");
        var status = _repository.Git("status", "--porcelain");
        var index = File.ReadAllBytes(Path.Combine(_repository.Root, ".git", "index"));
        var main = _repository.Head();

        var first = await PublishAsync(Target("osv-feed"), Database(), FirstRun);
        var second = await PublishAsync(Target("osv-feed"), [.. Database(), Advisory("TSSA-2026-3")], SecondRun);

        Assert.Equal((PublishOutcomeKind.Committed, PublishOutcomeKind.Committed), (first.Outcome!.Kind, second.Outcome!.Kind));
        Assert.Equal(["Publish 1 advisory: TSSA-2026-3 (new)", "Publish 4 advisories: GHSA-2f3x-8qpw-4m5v, TSSA-2025-4, TSSA-2026-1, TSSA-2026-2 (new)"],
            _repository.Log("osv-feed"));
        Assert.Equal("", _repository.Git("log", "-1", "--format=%P", first.Outcome.CommitSha!)); // a new branch starts with no parent
        Assert.Equal((main, "main"), (_repository.Head(), _repository.Git("symbolic-ref", "--short", "HEAD")));
        Assert.Equal(status, _repository.Git("status", "--porcelain"));
        Assert.Equal(index, File.ReadAllBytes(Path.Combine(_repository.Root, ".git", "index")));
        Assert.False(Directory.Exists(Path.Combine(_repository.Root, "osv")));
    }

    [Fact]
    public async Task A_change_commits_the_changed_record_and_the_ledger_only()
    {
        await PublishAsync(Target(), Database(), FirstRun);
        var edited = Database().Select(advisory => advisory.Record.Id == "TSSA-2026-2" ? Advisory("TSSA-2026-2", "Integer overflow in the frame decoder") : advisory).ToList();

        await PublishAsync(Target(), edited, SecondRun);

        Assert.Equal("Publish 1 advisory: TSSA-2026-2 (changed)", _repository.Log()[0]);
        Assert.Equal(["osv/2026/TSSA-2026-2.json", "osv/ledger.json"],
            _repository.Git("diff", "--name-only", "main^", "main").Split('\n'));
        Assert.Contains("\"modified\": \"2026-02-02T10:00:00Z\"", _repository.Show("main", "osv/2026/TSSA-2026-2.json"), StringComparison.Ordinal);
        Assert.Contains("\"modified\": \"2026-02-01T10:00:00Z\"", _repository.Show("main", "osv/2026/TSSA-2026-1.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_branch_moved_between_reading_and_committing_is_read_and_planned_again()
    {
        await PublishAsync(Target(), Database(), FirstRun);
        var target = new MovesBranchBeforeFirstApply(Target(), () =>
        {
            _repository.Write("CHANGELOG.md", "pushed meanwhile\n");
            _repository.Git("add", "CHANGELOG.md");
            _repository.Commit("Concurrent push");
        });

        var result = await PublishAsync(target, [.. Database(), Advisory("TSSA-2026-3")], SecondRun);

        Assert.Equal(PublishOutcomeKind.Committed, result.Outcome!.Kind);
        Assert.Equal(2, target.Applies);
        Assert.Equal(["Publish 1 advisory: TSSA-2026-3 (new)", "Concurrent push"], _repository.Log().Take(2));
        Assert.Equal("", _repository.Git("status", "--porcelain"));
    }

    [Fact]
    public async Task A_record_at_another_path_than_its_ids_is_moved_there_in_the_same_commit()
    {
        await PublishAsync(Target(), Database(), FirstRun);
        _repository.Git("mv", "osv/2026/TSSA-2026-1.json", "osv/other/TSSA-2026-1.json");
        _repository.Commit("Misplace a record");

        var result = await PublishAsync(Target(), Database(), SecondRun);

        Assert.Equal(PublishAction.Unchanged, result.Plan.Advisories.Single(entry => entry.Id == "TSSA-2026-1").Action);
        Assert.Equal("Repair the published records and their ledger", _repository.Log()[0]);
        Assert.Contains("osv/2026/TSSA-2026-1.json", _repository.Files("main"));
        Assert.DoesNotContain("osv/other/TSSA-2026-1.json", _repository.Files("main"));
    }

    [Fact]
    public async Task A_record_edited_by_hand_is_read_in_full_and_published_again()
    {
        await PublishAsync(Target(), Database(), FirstRun);
        var path = Path.Combine(_repository.Root, "osv", "2025", "TSSA-2025-4.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("Heap overflow", "Hand-edited overflow", StringComparison.Ordinal));
        _repository.Git("add", "-A");
        _repository.Commit("Edit by hand");

        var ledger = await Target().ReadLedgerAsync(CancellationToken.None);
        var result = await PublishAsync(Target(), Database(), SecondRun);

        Assert.Equal("2026-02-01T10:00:00Z", ledger.Find("TSSA-2025-4")!.Modified);
        Assert.Equal(PublishAction.Changed, result.Plan.Advisories.Single(entry => entry.Id == "TSSA-2025-4").Action);
        Assert.DoesNotContain("Hand-edited", _repository.Show("main", "osv/2025/TSSA-2025-4.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_changes_to_a_record_in_the_checked_out_branch_stop_the_publish_before_the_branch_moves()
    {
        await PublishAsync(Target(), Database(), FirstRun);
        var head = _repository.Head();
        _repository.Write("osv/2026/TSSA-2026-2.json", "local edit\n");
        var edited = Database().Select(advisory => advisory.Record.Id == "TSSA-2026-2" ? Advisory("TSSA-2026-2", "Changed") : advisory).ToList();

        var failed = await Assert.ThrowsAsync<PublishFailedException>(() => PublishAsync(Target(), edited, SecondRun));

        Assert.Contains("is checked out in", failed.Message, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was published.", failed.Message, StringComparison.Ordinal);
        Assert.Equal(head, _repository.Head());
        Assert.Equal("local edit\n", File.ReadAllText(Path.Combine(_repository.Root, "osv", "2026", "TSSA-2026-2.json")));
    }

    [Fact]
    public async Task A_publish_killed_after_the_branch_moved_is_finished_by_the_next_run_and_the_worktree_is_clean()
    {
        await PublishAsync(Target(), Database(), FirstRun);
        var old = _repository.Head();
        await PublishAsync(Target(), [.. Database(), Advisory("TSSA-2026-3")], SecondRun);
        var moved = _repository.Head();
        // What kill -9 leaves after update-ref: the worktree's folder and index still at the old commit, git's lock, the journal.
        _repository.Git("restore", "--source=" + old, "--staged", "--worktree", "--", "osv");
        File.WriteAllText(Path.Combine(_repository.Root, ".git", "index.lock"), "");
        File.WriteAllText(Path.Combine(_repository.Root, ".git", "advisory-publish-journal"), $"main\n{old}\n{moved}\n{_repository.Root}\n");

        var again = await PublishAsync(Target(), [.. Database(), Advisory("TSSA-2026-3")], SecondRun.AddHours(1));

        Assert.Equal(PublishOutcomeKind.NothingToWrite, again.Outcome!.Kind);
        Assert.Equal(moved, _repository.Head());
        Assert.Equal("", _repository.Git("status", "--porcelain"));
        Assert.False(File.Exists(Path.Combine(_repository.Root, ".git", "advisory-publish-journal")));
        Assert.False(File.Exists(Path.Combine(_repository.Root, ".git", "index.lock")));
    }

    [Fact]
    public async Task A_publish_killed_before_the_branch_moved_leaves_nothing_to_repair()
    {
        await PublishAsync(Target(), Database(), FirstRun);
        var head = _repository.Head();
        File.WriteAllText(Path.Combine(_repository.Root, ".git", "advisory-publish-journal"),
            $"main\n{head}\n{new string('a', 40)}\n{_repository.Root}\n");

        await Target().ReadLedgerAsync(CancellationToken.None);

        Assert.Equal(head, _repository.Head());
        Assert.Equal("", _repository.Git("status", "--porcelain"));
        Assert.False(File.Exists(Path.Combine(_repository.Root, ".git", "advisory-publish-journal")));
    }

    [Fact]
    public async Task A_folder_that_is_not_a_repository_is_a_clear_error()
    {
        var target = new GitTarget("git:nowhere", Path.Combine(_repository.Root, "missing"), null, new RecordLayout("osv"), _repository.Isolation);

        var failed = await Assert.ThrowsAsync<PublishFailedException>(() => target.ReadLedgerAsync(CancellationToken.None));

        Assert.EndsWith("missing is not a git repository.", failed.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _repository.Dispose();

    /// <summary>Runs <paramref name="move"/> before the first apply, as a push by someone else would land.</summary>
    private sealed class MovesBranchBeforeFirstApply(IPublishTarget inner, Action move) : IPublishTarget
    {
        public int Applies { get; private set; }

        public string Name => inner.Name;

        public Task<Ledger> ReadLedgerAsync(CancellationToken cancellationToken) => inner.ReadLedgerAsync(cancellationToken);

        public Task<ApplyResult> ApplyAsync(PublishPlan plan, CancellationToken cancellationToken)
        {
            if (Applies++ == 0)
                move();
            return inner.ApplyAsync(plan, cancellationToken);
        }
    }
}
