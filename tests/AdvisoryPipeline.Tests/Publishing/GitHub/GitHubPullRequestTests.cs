using static AdvisoryPipeline.Tests.Publishing.PublishingSupport;
using static AdvisoryPipeline.Tests.TestSupport.SampleAdvisories;
using AdvisoryPipeline.FakeGitHub.Faults;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Publishing.GitHub;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Publishing.GitHub;

public sealed class GitHubPullRequestTests : GitHubPublishTestBase
{
    [Fact]
    public async Task A_protected_branch_gets_one_pull_request_that_a_later_run_reuses_without_writing()
    {
        Repository.ProtectBranch("main");
        var main = Repository.HeadOf("main");

        var first = await PublishAsync(Target(), Many(5), FirstRun);
        var mark = Server.Requests.Mark();
        var second = await PublishAsync(Target(), Many(5), SecondRun);

        Assert.Equal(PublishOutcomeKind.PullRequest, first.Outcome!.Kind);
        Assert.Equal(main, Repository.HeadOf("main"));
        var pull = Assert.Single(Repository.OpenPullRequests);
        Assert.Equal(("Publish 5 advisories: TSSA-2024-3, TSSA-2025-1, TSSA-2025-4, TSSA-2026-2, TSSA-2026-5 (new)", "main"), (pull.Title, pull.BaseBranch));
        Assert.StartsWith(GitHubTarget.PullRequestBranchPrefix, pull.HeadBranch, StringComparison.Ordinal);
        Assert.Equal(GitHubTarget.PullRequestBranchPrefix.Length + 12, pull.HeadBranch.Length);
        Assert.Contains("because main is protected", pull.Body, StringComparison.Ordinal);
        AssertHolds(first.Plan, pull.HeadBranch);
        Assert.Equal(first.Outcome.PullRequestUrl, second.Outcome!.PullRequestUrl);
        Assert.StartsWith("pull request #1 already holds this change", second.Outcome.Description, StringComparison.Ordinal);
        Assert.Equal((0, 7), (WritesSince(mark), Server.Requests.Since(mark).Count));
        Assert.Single(Repository.OpenPullRequests);
    }

    [Fact]
    public async Task Asking_for_a_pull_request_never_moves_the_branch()
    {
        await PublishAsync(Target(), Many(2), FirstRun);
        var main = Repository.HeadOf("main");

        var result = await PublishAsync(Target(pullRequest: true), Many(3), SecondRun);

        Assert.Equal(main, Repository.HeadOf("main"));
        var pull = Assert.Single(Repository.OpenPullRequests);
        Assert.Contains("because --pull-request was given", pull.Body, StringComparison.Ordinal);
        Assert.Equal([("TSSA-2024-3", PublishAction.New)], result.Plan.Written.Select(entry => (entry.Id, entry.Action)));
        AssertHolds(result.Plan, pull.HeadBranch);
        Assert.Equal(Repository.HeadOf(pull.HeadBranch), result.Outcome!.CommitSha);
    }

    [Theory]
    [InlineData("POST", "/repos/*/*/pulls")]
    [InlineData("POST", "/repos/*/*/git/refs")]
    public async Task A_lost_answer_when_opening_the_pull_request_or_its_branch_does_not_open_two(string method, string path)
    {
        Repository.ProtectBranch("main");
        Server.Faults.Add(method, path, Fault.DropConnectionAfterHandling());

        var result = await PublishAsync(Target(), Many(3), FirstRun);
        var again = await PublishAsync(Target(), Many(3), SecondRun);

        Assert.Equal(PublishOutcomeKind.PullRequest, result.Outcome!.Kind);
        var pull = Assert.Single(Repository.OpenPullRequests);
        Assert.Equal(pull.Number, int.Parse(again.Outcome!.PullRequestUrl!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, Server.Requests.All.Count(request => request.Method == method && request.Path.EndsWith(path[^5..], StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_pull_request_branch_someone_pushed_to_is_brought_up_to_date_on_top_of_it()
    {
        Repository.ProtectBranch("main");
        var first = await PublishAsync(Target(), Many(3), FirstRun);
        var branch = Repository.OpenPullRequests.Single().HeadBranch;
        var record = Repository.FilesOn(branch)["osv/2025/TSSA-2025-1.json"];
        Repository.PushCommit(branch, new Dictionary<string, string?> { ["osv/2025/TSSA-2025-1.json"] = record.Replace("Heap", "Stack", StringComparison.Ordinal) }, "Review suggestion");

        var second = await PublishAsync(Target(), Many(3), SecondRun);

        Assert.Equal(PublishOutcomeKind.PullRequest, second.Outcome!.Kind);
        Assert.Equal(["Publish 1 advisory: TSSA-2025-1 (changed)", "Review suggestion"], Repository.History(branch).Take(2).Select(commit => commit.Message.Split('\n')[0]));
        Assert.Equal(record.Replace("2026-02-01T10:00:00Z\",\n  \"published", "2026-02-02T10:00:00Z\",\n  \"published", StringComparison.Ordinal),
            Repository.FilesOn(branch)["osv/2025/TSSA-2025-1.json"]);
        Assert.Single(Repository.OpenPullRequests);
        Assert.NotNull(first.Outcome);
    }
}
