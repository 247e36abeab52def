using static AdvisoryPipeline.Tests.Publishing.PublishingSupport;
using static AdvisoryPipeline.Tests.TestSupport.SampleAdvisories;
using AdvisoryPipeline.FakeGitHub.Faults;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Publishing.GitHub;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Publishing.GitHub;

public sealed class GitHubTargetTests : GitHubPublishTestBase
{
    [Fact]
    public async Task The_first_publish_is_one_commit_in_six_requests_and_an_unchanged_rerun_reads_four_and_writes_nothing()
    {
        var initial = Repository.HeadOf("main");
        var target = Target();

        var first = await PublishAsync(target, Many(12), FirstRun);
        var afterFirst = Server.Requests.Mark();
        var again = await PublishAsync(Target(), Many(12), SecondRun);

        Assert.Equal(PublishOutcomeKind.Committed, first.Outcome!.Kind);
        AssertHolds(first.Plan);
        var history = Repository.History("main");
        Assert.Equal((2, initial), (history.Count, history[1].Sha));
        Assert.StartsWith("Publish 12 advisories (12 new)\n\nNew:\n- TSSA-2024-12\n", history[0].Message, StringComparison.Ordinal);
        Assert.Equal((6, 6), (afterFirst, target.RequestCount));
        Assert.Equal(PublishOutcomeKind.NothingToWrite, again.Outcome!.Kind);
        Assert.Equal((4, 0), (Server.Requests.Since(afterFirst).Count, WritesSince(afterFirst)));
    }

    [Fact]
    public async Task A_change_reads_four_and_writes_four_requests_and_commits_only_what_changed()
    {
        await PublishAsync(Target(), Many(12), FirstRun);
        var mark = Server.Requests.Mark();
        var edited = Many(12).Select(advisory => advisory.Record.Id == "TSSA-2025-7" ? Advisory("TSSA-2025-7", "Changed") : advisory).ToList();

        var second = await PublishAsync(Target(), [.. edited, Advisory("TSSA-2026-13")], SecondRun);

        AssertHolds(second.Plan);
        Assert.Equal(
            ["GET ref", "GET trees", "GET trees", "GET blobs", "GET ref", "POST trees", "POST commits", "PATCH refs"],
            Server.Requests.Since(mark).Select(request => $"{request.Method} {request.Path.Split('/')[5]}"));
        Assert.Equal("Publish 2 advisories: TSSA-2026-13 (new), TSSA-2025-7 (changed)", Repository.History("main")[0].Message.Split('\n')[0]);
    }

    public static TheoryData<string> Faults() =>
    [
        "500 on create tree",
        "502 html on create commit",
        "500 on the ref update",
        "403 secondary rate limit on the ref update",
        "429 on a tree read",
        "403 primary rate limit on the ref read",
        "connection dropped before the ref update",
        "connection dropped after the ref update",
        "connection dropped after create commit",
        "connection dropped before create tree",
        "concurrent push before the ref update",
    ];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Every_fault_ends_with_one_commit_holding_every_file_and_a_rerun_writes_nothing(string fault)
    {
        var first = await PublishAsync(Target(), Many(6), FirstRun);
        var previousHead = Repository.HeadOf("main")!;
        var rule = AddFault(fault);
        var advisories = Many(6, "Changed in every record").Append(Advisory("TSSA-2026-7")).ToList();

        var second = await PublishAsync(Target(), advisories, SecondRun);
        Server.Faults.Clear();
        var mark = Server.Requests.Mark();
        var third = await PublishAsync(Target(), advisories, SecondRun.AddHours(1));

        Assert.Equal(1, rule.Fired);
        Assert.Equal(PublishOutcomeKind.Committed, second.Outcome!.Kind);
        Assert.Equal((6, 1), (second.Plan.Count(PublishAction.Changed), second.Plan.Count(PublishAction.New)));
        AssertHolds(second.Plan);
        var history = Repository.History("main");
        var ours = history[0];
        Assert.Equal(second.Outcome.CommitSha, ours.Sha);
        Assert.StartsWith("Publish 7 advisories (1 new, 6 changed)", ours.Message, StringComparison.Ordinal);
        // Exactly one new commit of ours, on the previous head or on the commit pushed meanwhile.
        var parent = fault.StartsWith("concurrent", StringComparison.Ordinal) ? history[1] : null;
        Assert.Equal(parent?.Sha ?? previousHead, ours.ParentShas.Single());
        if (parent is not null)
            Assert.Equal(("Concurrent push", previousHead), (parent.Message, parent.ParentShas.Single()));
        Assert.Equal(PublishOutcomeKind.NothingToWrite, third.Outcome!.Kind);
        Assert.Equal(0, WritesSince(mark));
        Assert.NotEqual(first.Plan.Advisories[0].Content.ToArray(), second.Plan.Advisories[0].Content.ToArray());
    }

    [Fact]
    public async Task Rate_limits_are_waited_out_as_github_says_and_server_errors_back_off()
    {
        await PublishAsync(Target(), Many(3), FirstRun);
        Server.Faults.Add("GET", "/repos/*/*/git/trees/*", Fault.SecondaryRateLimit(403, retryAfterSeconds: 7));
        Server.Faults.Add("GET", "/repos/*/*/git/ref/**", Fault.PrimaryRateLimit(403, resetInSeconds: 60));
        Server.Faults.Add("POST", "/repos/*/*/git/trees", Fault.ServerError(), times: 2);
        Server.Faults.Add("PATCH", "/repos/*/*/git/refs/**", Fault.SecondaryRateLimit(429, retryAfterSeconds: 3));

        var result = await PublishAsync(Target(), Many(4), SecondRun);

        Assert.Equal(PublishOutcomeKind.Committed, result.Outcome!.Kind);
        var waits = Waits.Select(wait => wait.TotalSeconds).Order().ToList();
        // Backoff 1 s and 2 s after the two 500s, retry-after 3 s and 7 s, and the primary limit's reset one minute away.
        Assert.Equal([1.0, 2, 3, 7], waits.Take(4));
        Assert.InRange(waits[4], 58, 62);
    }

    [Fact]
    public async Task A_write_whose_answer_was_lost_is_checked_before_it_is_sent_again()
    {
        await PublishAsync(Target(), Many(3), FirstRun);
        Server.Faults.Add("PATCH", "/repos/*/*/git/refs/**", Fault.DropConnectionAfterHandling());
        var mark = Server.Requests.Mark();

        var result = await PublishAsync(Target(), Many(4), SecondRun);

        Assert.Equal(PublishOutcomeKind.Committed, result.Outcome!.Kind);
        // One PATCH (applied, answer lost), then a read of the ref that shows it moved: no second PATCH.
        Assert.Equal(1, Server.Requests.Since(mark).Count(request => request.Method == "PATCH"));
        Assert.Equal("GET", Server.Requests.Since(mark)[^1].Method);
    }

    [Fact]
    public async Task Faults_that_do_not_end_fail_with_a_clear_message_and_publish_nothing()
    {
        await PublishAsync(Target(), Many(3), FirstRun);
        var head = Repository.HeadOf("main");
        Server.Faults.Add(new FaultRule("POST", "/repos/*/*/git/commits", Fault.BadGateway()) { Times = FaultRule.Always });

        var failed = await Assert.ThrowsAsync<PublishFailedException>(() => PublishAsync(Target(), Many(4), SecondRun));

        Assert.Equal("GitHub did not let the publisher create the commit: 502 BadGateway, 6 times in a row. Nothing was published: main was not moved.", failed.Message);
        Assert.Equal([1.0, 2, 4, 8, 16], Waits.Select(wait => wait.TotalSeconds));
        Assert.Equal(head, Repository.HeadOf("main"));
    }

    [Fact]
    public async Task A_rate_limit_resetting_later_than_the_waiting_budget_fails_at_once()
    {
        Server.Faults.Add("GET", "/repos/*/*/git/ref/**", Fault.PrimaryRateLimit(403, resetInSeconds: 3600));

        var failed = await Assert.ThrowsAsync<PublishFailedException>(() => PublishAsync(Target(), Many(3), FirstRun));

        Assert.StartsWith("GitHub asked to wait 61 min before the publisher may read the branch main again (rate limit exhausted until ", failed.Message, StringComparison.Ordinal);
        Assert.EndsWith("more than the 5 min it waits in all. Publish again later.", failed.Message, StringComparison.Ordinal);
        Assert.Empty(Waits);
    }

    [Fact]
    public async Task A_large_change_is_sent_as_a_chain_of_trees_and_committed_once()
    {
        var mark = Server.Requests.Mark();

        var result = await PublishAsync(Target(), Many(2500), FirstRun);

        AssertHolds(result.Plan);
        Assert.Equal(3, Server.Requests.Since(mark).Count(request => request is { Method: "POST" } && request.Path.EndsWith("/git/trees", StringComparison.Ordinal)));
        Assert.Equal(1, Server.Requests.Since(mark).Count(request => request.Path.EndsWith("/git/commits", StringComparison.Ordinal)));
        Assert.Equal(2, Repository.History("main").Count);
    }

    [Fact]
    public async Task A_record_at_the_wrong_path_is_moved_with_an_explicit_null_sha_deletion()
    {
        await PublishAsync(Target(), Many(3), FirstRun);
        var misplaced = Repository.FilesOn("main")["osv/2025/TSSA-2025-1.json"];
        Repository.PushCommit("main", new Dictionary<string, string?> { ["osv/2025/TSSA-2025-1.json"] = null, ["osv/other/TSSA-2025-1.json"] = misplaced }, "Misplace");
        var mark = Server.Requests.Mark();

        var result = await PublishAsync(Target(), Many(3), SecondRun);

        Assert.Equal(PublishAction.Unchanged, result.Plan.Advisories.Single(entry => entry.Id == "TSSA-2025-1").Action);
        AssertHolds(result.Plan);
        var treeRequest = Server.Requests.Since(mark).Single(request => request.Method == "POST" && request.Path.EndsWith("/git/trees", StringComparison.Ordinal));
        Assert.Contains("""{"path":"osv/other/TSSA-2025-1.json","mode":"100644","type":"blob","sha":null}""", treeRequest.Body, StringComparison.Ordinal);
        Assert.Equal("Repair the published records and their ledger", Repository.History("main")[0].Message.Split('\n')[0]);
    }

    [Fact]
    public async Task A_record_edited_by_hand_is_downloaded_alone_and_published_again()
    {
        await PublishAsync(Target(), Many(5), FirstRun);
        var path = "osv/2025/TSSA-2025-4.json";
        Repository.PushCommit("main", new Dictionary<string, string?> { [path] = Repository.FilesOn("main")[path].Replace("Heap", "Stack", StringComparison.Ordinal) }, "Edit by hand");
        var mark = Server.Requests.Mark();

        var result = await PublishAsync(Target(), Many(5), SecondRun);

        Assert.Equal(2, Server.Requests.Since(mark).Count(request => request.Path.Contains("/git/blobs/", StringComparison.Ordinal)));
        Assert.Equal([("TSSA-2025-4", PublishAction.Changed)], result.Plan.Written.Select(entry => (entry.Id, entry.Action)));
        AssertHolds(result.Plan);
    }

    [Fact]
    public async Task A_listing_truncated_by_github_is_completed_tree_by_tree()
    {
        await PublishAsync(Target(), Many(9), FirstRun);
        Server.TreeEntryLimit = 4;
        var mark = Server.Requests.Mark();

        var result = await PublishAsync(Target(), Many(9), SecondRun);

        Assert.Equal(PublishOutcomeKind.NothingToWrite, result.Outcome!.Kind);
        Assert.Equal(0, WritesSince(mark));
        Assert.All(result.Plan.Advisories, entry => Assert.Equal(PublishAction.Unchanged, entry.Action));
    }

    [Fact]
    public async Task Without_a_branch_the_repositorys_default_branch_is_used()
    {
        var result = await PublishAsync(Target(branch: null), Many(2), FirstRun);

        AssertHolds(result.Plan);
        Assert.Equal("/repos/acme/advisory-db", Server.Requests.All[0].Path);
    }

    [Fact]
    public async Task The_api_url_and_token_come_from_the_environment()
    {
        var variables = new Dictionary<string, string?> { ["PUBLISH_TOKEN"] = Token, ["GITHUB_API_URL"] = Server.BaseUri.AbsoluteUri.TrimEnd('/') };

        var options = GitHubTargetOptions.FromEnvironment(name => variables.GetValueOrDefault(name), "PUBLISH_TOKEN");
        var missing = Assert.Throws<PublishFailedException>(() => GitHubTargetOptions.FromEnvironment(_ => null));
        var result = await PublishAsync(Target(options: options), Many(2), FirstRun);

        Assert.Equal(Server.BaseUri, options.ApiBaseUrl);
        Assert.Equal(GitHubTargetOptions.DefaultApiBaseUrl, GitHubTargetOptions.FromEnvironment(name => name == "GITHUB_TOKEN" ? "x" : null).ApiBaseUrl);
        Assert.StartsWith("GITHUB_TOKEN is not set", missing.Message, StringComparison.Ordinal);
        Assert.Equal(PublishOutcomeKind.Committed, result.Outcome!.Kind);
    }

    private FaultRule AddFault(string fault) => fault switch
    {
        "500 on create tree" => Server.Faults.Add("POST", "/repos/*/*/git/trees", Fault.ServerError()),
        "502 html on create commit" => Server.Faults.Add("POST", "/repos/*/*/git/commits", Fault.BadGateway()),
        "500 on the ref update" => Server.Faults.Add("PATCH", "/repos/*/*/git/refs/**", Fault.ServerError()),
        "403 secondary rate limit on the ref update" => Server.Faults.Add("PATCH", "/repos/*/*/git/refs/**", Fault.SecondaryRateLimit(403, retryAfterSeconds: 5)),
        "429 on a tree read" => Server.Faults.Add("GET", "/repos/*/*/git/trees/*", Fault.SecondaryRateLimit(429, retryAfterSeconds: 2)),
        "403 primary rate limit on the ref read" => Server.Faults.Add("GET", "/repos/*/*/git/ref/**", Fault.PrimaryRateLimit(403, resetInSeconds: 30)),
        "connection dropped before the ref update" => Server.Faults.Add("PATCH", "/repos/*/*/git/refs/**", Fault.DropConnectionBeforeHandling()),
        "connection dropped after the ref update" => Server.Faults.Add("PATCH", "/repos/*/*/git/refs/**", Fault.DropConnectionAfterHandling()),
        "connection dropped after create commit" => Server.Faults.Add("POST", "/repos/*/*/git/commits", Fault.DropConnectionAfterHandling()),
        "connection dropped before create tree" => Server.Faults.Add("POST", "/repos/*/*/git/trees", Fault.DropConnectionBeforeHandling()),
        "concurrent push before the ref update" => Server.Faults.Add("PATCH", "/repos/*/*/git/refs/**", Fault.ConcurrentPush()),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };
}
