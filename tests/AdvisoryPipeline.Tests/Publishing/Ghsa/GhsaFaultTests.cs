using static AdvisoryPipeline.Tests.Publishing.PublishingSupport;
using static AdvisoryPipeline.Tests.TestSupport.SampleAdvisories;
using AdvisoryPipeline.FakeGitHub.Faults;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Publishing.Ghsa;
using AdvisoryPipeline.Tests.TestSupport;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.Publishing.Ghsa;

public sealed class GhsaFaultTests : GhsaTestBase
{
    private const string List = "/repos/*/*/security-advisories";
    private const string One = "/repos/*/*/security-advisories/*";

    public static TheoryData<string> Faults() =>
    [
        "500 on a create",
        "502 html on a create",
        "429 on a create",
        "403 secondary rate limit on a create",
        "500 on the list",
        "403 secondary rate limit on the list",
        "429 on an update",
        "502 html on an update",
        "connection dropped before a create",
        "connection dropped after a create",
        "connection dropped before an update",
        "connection dropped after an update",
        "connection dropped after the list",
    ];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Every_fault_ends_with_one_draft_per_record_holding_its_content_and_a_rerun_writes_nothing(string fault)
    {
        await PublishAsync(Ghsa(), Many(3), FirstRun);
        var rule = AddFault(fault);
        var advisories = Many(3, "Changed in every record").Concat([Advisory("TSSA-2026-4"), Advisory("TSSA-2026-5")]).ToList();

        var second = await PublishAsync(Ghsa(), advisories, SecondRun);
        Server.Faults.Clear();
        var mark = Server.Requests.Mark();
        var third = await PublishAsync(Ghsa(), advisories, SecondRun.AddHours(1));

        Assert.Equal(1, rule.Fired);
        Assert.Equal(PublishOutcomeKind.Written, second.Outcome!.Kind);
        Assert.Equal(["TSSA-2024-3", "TSSA-2025-1", "TSSA-2026-2", "TSSA-2026-4", "TSSA-2026-5"], MarkedIds());
        Assert.Equal(5, Repository.Advisories.Count);
        Assert.All(Many(3), advisory => Assert.Equal("Changed in every record", AdvisoryOf(advisory.Record.Id).Summary));
        Assert.Equal((PublishOutcomeKind.NothingToWrite, 0), (third.Outcome!.Kind, WritesSince(mark)));
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_found_by_its_marker_and_not_sent_again()
    {
        Server.Faults.Add("POST", List, Fault.DropConnectionAfterHandling(), nth: 2);

        var result = await PublishAsync(Ghsa(), Many(4), FirstRun);

        Assert.Equal(PublishOutcomeKind.Written, result.Outcome!.Kind);
        Assert.Equal(4, Server.Requests.CountOf("POST", List));
        Assert.Equal(4, Repository.Advisories.Count);
        // The ledger's list, the list before writing, and the list that found the second draft after the lost answer.
        Assert.Equal(3, Server.Requests.CountOf("GET", List));
    }

    [Fact]
    public async Task A_create_lost_before_github_handled_it_is_sent_again_once()
    {
        Server.Faults.Add("POST", List, Fault.DropConnectionBeforeHandling(), nth: 2);

        await PublishAsync(Ghsa(), Many(4), FirstRun);

        Assert.Equal(5, Server.Requests.CountOf("POST", List));
        Assert.Equal(["TSSA-2024-3", "TSSA-2025-1", "TSSA-2025-4", "TSSA-2026-2"], MarkedIds());
    }

    [Fact]
    public async Task A_server_error_storm_half_way_reports_what_was_made_and_the_next_run_makes_the_rest_without_duplicates()
    {
        Server.Faults.Add(new FaultRule("POST", List, Fault.ServerError()) { Nth = 4, Times = FaultRule.Always });

        var failure = await Assert.ThrowsAsync<PublishFailedException>(() => PublishAsync(Ghsa(), Many(5), FirstRun));
        var afterFailure = MarkedIds();
        Server.Faults.Clear();
        var mark = Server.Requests.Mark();
        var next = await PublishAsync(Ghsa(), Many(5), SecondRun);

        Assert.Equal(
            "GitHub did not let the publisher create the draft advisory of TSSA-2026-2: 500 Server Error, 6 times in a row. "
            + "So far: ghsa:acme/advisory-db: created 3 drafts (TSSA-2024-3, TSSA-2025-1, TSSA-2025-4). "
            + "Publish again to finish: drafts already made are found by their marker, none is made twice.",
            failure.Message);
        Assert.Equal(["TSSA-2024-3", "TSSA-2025-1", "TSSA-2025-4"], afterFailure);
        Assert.Equal((3, 2), (next.Plan.Count(PublishAction.Unchanged), next.Plan.Count(PublishAction.New)));
        Assert.Equal(["GET", "GET", "POST", "POST"], RequestsSince(mark));
        Assert.Equal(["TSSA-2024-3", "TSSA-2025-1", "TSSA-2025-4", "TSSA-2026-2", "TSSA-2026-5"], MarkedIds());
        Assert.Equal(5, Repository.Advisories.Count);
        // Backoff 1, 2, 4, 8 and 16 s between the six attempts.
        Assert.Equal([1.0, 2, 4, 8, 16], Waits.Select(wait => wait.TotalSeconds));
    }

    [Fact]
    public async Task A_withdrawn_record_whose_closing_failed_is_closed_by_the_next_run()
    {
        Server.Faults.Add(new FaultRule("PATCH", One, Fault.ServerError()) { Times = FaultRule.Always });
        PublishableAdvisory[] withdrawn = [Advisory("TSSA-2026-9", withdrawn: "2026-02-01T00:00:00Z")];

        await Assert.ThrowsAsync<PublishFailedException>(() => PublishAsync(Ghsa(), withdrawn, FirstRun));
        var left = AdvisoryOf("TSSA-2026-9");
        Server.Faults.Clear();
        var next = await PublishAsync(Ghsa(), withdrawn, SecondRun);
        var mark = Server.Requests.Mark();
        var rerun = await PublishAsync(Ghsa(), withdrawn, SecondRun.AddHours(1));

        Assert.Equal("draft", left.State);
        // Without its ledger comment the draft is planned as new, and found by its marker rather than made again.
        Assert.Equal(PublishAction.New, next.Plan.Advisories.Single().Action);
        Assert.Equal("ghsa:acme/advisory-db: closed 1 (TSSA-2026-9)", next.Outcome!.Description);
        Assert.Equal(("closed", 1), (AdvisoryOf("TSSA-2026-9").State, Repository.Advisories.Count));
        Assert.Equal((PublishOutcomeKind.NothingToWrite, 0), (rerun.Outcome!.Kind, WritesSince(mark)));
    }

    [Fact]
    public async Task Rate_limits_are_waited_out_as_github_says_and_server_errors_back_off()
    {
        Server.Faults.Add("GET", List, Fault.SecondaryRateLimit(403, retryAfterSeconds: 7));
        Server.Faults.Add("POST", List, Fault.SecondaryRateLimit(429, retryAfterSeconds: 3), nth: 2);
        Server.Faults.Add("POST", List, Fault.ServerError(), nth: 3);
        Server.Faults.Add("POST", List, Fault.PrimaryRateLimit(403, resetInSeconds: 60), nth: 4);

        var result = await PublishAsync(Ghsa(), Many(3), FirstRun);

        Assert.Equal(PublishOutcomeKind.Written, result.Outcome!.Kind);
        Assert.Equal(3, Repository.Advisories.Count);
        // retry-after 7 s on the list; then the second create meets 429 (retry-after 3 s), a 500 on its second
        // attempt (backoff 2 s) and the primary limit on its third (its reset, a minute away).
        var waits = Waits.Select(wait => wait.TotalSeconds).ToList();
        Assert.Equal([7.0, 3, 2], waits.Take(3));
        Assert.InRange(waits[3], 58, 62);
    }

    [Fact]
    public async Task A_record_github_refuses_is_reported_and_the_others_are_still_published()
    {
        // GitHub refuses one body (here: a 422 for the second create); the records after it still go.
        Server.Faults.Add("POST", List, Fault.Respond(422, """{"message":"Invalid request.\n\n\"1.0..2.0\" is not a valid value for \"vulnerable_version_range\".","status":"422"}"""), nth: 2);

        var failure = await Assert.ThrowsAsync<PublishFailedException>(() => PublishAsync(Ghsa(), Many(3), FirstRun));
        Server.Faults.Clear();
        var next = await PublishAsync(Ghsa(), Many(3), SecondRun);

        Assert.StartsWith("ghsa:acme/advisory-db: created 2 drafts (TSSA-2024-3, TSSA-2026-2); refused by GitHub: TSSA-2025-1: Could not create the draft advisory of TSSA-2025-1 in acme/advisory-db: 422 Invalid request.", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("Fix the records GitHub refused and publish again.", failure.Message, StringComparison.Ordinal);
        Assert.Equal("ghsa:acme/advisory-db: created 1 draft (TSSA-2025-1); 2 unchanged", next.Outcome!.Description);
    }

    [Fact]
    public async Task Failures_a_retry_does_not_fix_say_what_and_where()
    {
        var noRepository = new AdvisoryPipeline.Publishing.Ghsa.GhsaTarget("ghsa:acme/missing", Owner, "missing", Options());
        Server.Faults.Add("GET", "/repos/acme/advisory-db/security-advisories", Fault.Respond(403, """{"message":"Resource not accessible by personal access token","status":"403"}"""));

        var missing = await Assert.ThrowsAsync<PublishFailedException>(() => PublishAsync(noRepository, Many(1), FirstRun));
        var forbidden = await Assert.ThrowsAsync<PublishFailedException>(() => PublishAsync(Ghsa(), Many(1), FirstRun));
        var refused = await Assert.ThrowsAsync<PublishFailedException>(() => PublishAsync(Ghsa(Options("ghp_NotTheRightToken")), Many(1), FirstRun));

        Assert.Equal("Could not list the security advisories (page 1) in acme/missing: acme/missing or what it refers to was not found, or the token cannot see it (404).", missing.Message);
        Assert.Equal("Could not list the security advisories (page 1) in acme/advisory-db: the token may not do this in acme/advisory-db (403 Resource not accessible by personal access token).", forbidden.Message);
        Assert.Equal("Could not list the security advisories (page 1) in acme/advisory-db: GitHub refused the token (401).", refused.Message);
        Assert.Empty(Repository.Advisories);
    }

    private FaultRule AddFault(string fault) => fault switch
    {
        "500 on a create" => Server.Faults.Add("POST", List, Fault.ServerError(), nth: 2),
        "502 html on a create" => Server.Faults.Add("POST", List, Fault.BadGateway(), nth: 2),
        "429 on a create" => Server.Faults.Add("POST", List, Fault.SecondaryRateLimit(429, 2), nth: 2),
        "403 secondary rate limit on a create" => Server.Faults.Add("POST", List, Fault.SecondaryRateLimit(403, 2), nth: 2),
        "500 on the list" => Server.Faults.Add("GET", List, Fault.ServerError()),
        "403 secondary rate limit on the list" => Server.Faults.Add("GET", List, Fault.SecondaryRateLimit(403, 5), nth: 2),
        "429 on an update" => Server.Faults.Add("PATCH", One, Fault.SecondaryRateLimit(429, 2), nth: 2),
        "502 html on an update" => Server.Faults.Add("PATCH", One, Fault.BadGateway(), nth: 2),
        "connection dropped before a create" => Server.Faults.Add("POST", List, Fault.DropConnectionBeforeHandling(), nth: 2),
        "connection dropped after a create" => Server.Faults.Add("POST", List, Fault.DropConnectionAfterHandling(), nth: 2),
        "connection dropped before an update" => Server.Faults.Add("PATCH", One, Fault.DropConnectionBeforeHandling(), nth: 2),
        "connection dropped after an update" => Server.Faults.Add("PATCH", One, Fault.DropConnectionAfterHandling(), nth: 2),
        "connection dropped after the list" => Server.Faults.Add("GET", List, Fault.DropConnectionAfterHandling(), nth: 2),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };
}
