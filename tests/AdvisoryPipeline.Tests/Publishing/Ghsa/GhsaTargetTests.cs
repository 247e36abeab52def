using static AdvisoryPipeline.Tests.Publishing.PublishingSupport;
using static AdvisoryPipeline.Tests.TestSupport.SampleAdvisories;
using AdvisoryPipeline.FakeGitHub;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Osv.Identifiers;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Publishing.Ghsa;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Publishing.Ghsa;

public sealed class GhsaTargetTests : GhsaTestBase
{
    private const string V3 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    [Fact]
    public async Task The_first_publish_creates_one_draft_per_record_and_an_unchanged_rerun_lists_once_and_writes_nothing()
    {
        var target = Ghsa();

        var first = await PublishAsync(target, Many(5), FirstRun);
        var firstRequests = RequestsSince(0);
        var afterFirst = Server.Requests.Mark();
        var rerun = Ghsa();
        var again = await PublishAsync(rerun, Many(5), SecondRun);

        Assert.Equal(PublishOutcomeKind.Written, first.Outcome!.Kind);
        Assert.Equal(
            "ghsa:acme/advisory-db: created 5 drafts (TSSA-2024-3, TSSA-2025-1, TSSA-2025-4, TSSA-2026-2, TSSA-2026-5)",
            first.Outcome.Description);
        Assert.Equal(["TSSA-2024-3", "TSSA-2025-1", "TSSA-2025-4", "TSSA-2026-2", "TSSA-2026-5"], MarkedIds());
        Assert.All(Repository.Advisories, advisory => Assert.Equal("draft", advisory.State));
        // The ledger's list, the list again before writing, and one create per record.
        Assert.Equal(["GET", "GET", "POST", "POST", "POST", "POST", "POST"], firstRequests);
        Assert.Equal(7, target.RequestCount);
        Assert.Equal(PublishOutcomeKind.NothingToWrite, again.Outcome!.Kind);
        Assert.Equal(5, again.Plan.Count(PublishAction.Unchanged));
        Assert.Equal(["GET"], RequestsSince(afterFirst));
        Assert.Equal((1, 0), (rerun.RequestCount, WritesSince(afterFirst)));
        Assert.Equal("ghsa:acme/advisory-db: nothing to write; 5 unchanged", again.Outcome.Description);
    }

    [Fact]
    public async Task A_draft_holds_the_record_s_fields_in_github_s_forms()
    {
        var record = Record("TSSA-2026-1", aliases: ["GHSA-2222-3333-4444", "CVE-2026-21001"], published: "2026-01-20T00:00:00Z") with
        {
            Affected =
            [
                new OsvAffected
                {
                    Package = new OsvPackage { Ecosystem = "PyPI", Name = "tessera" },
                    Ranges = [new OsvRange { Type = "ECOSYSTEM", Events = [new OsvEvent { Introduced = "1.0" }, new OsvEvent { Fixed = "1.2.3" }, new OsvEvent { Introduced = "2.0" }, new OsvEvent { Fixed = "2.0.1" }] }],
                },
                new OsvAffected
                {
                    Package = new OsvPackage { Ecosystem = "crates.io", Name = "tessera-sys" },
                    Ranges = [new OsvRange { Type = "SEMVER", Events = [new OsvEvent { Introduced = "0" }, new OsvEvent { LastAffected = "0.9.4" }] }],
                },
            ],
        };

        await PublishAsync(Ghsa(), [Advisory(record)], FirstRun);

        var draft = AdvisoryOf("TSSA-2026-1");
        Assert.Equal(("Heap overflow in the frame decoder", "CVE-2026-21001", "critical", V3), (draft.Summary, draft.CveId, draft.Severity, draft.CvssVectorString));
        Assert.Equal(["CWE-787"], draft.CweIds);
        Assert.Equal(
            ["pip tessera >= 1.0, < 1.2.3 -> 1.2.3", "pip tessera >= 2.0, < 2.0.1 -> 2.0.1", "rust tessera-sys <= 0.9.4 -> "],
            draft.Vulnerabilities.Select(v => $"{v.Package!.Ecosystem} {v.Package.Name} {v.VulnerableVersionRange} -> {v.PatchedVersions}"));
        Assert.StartsWith(record.Details + "\n\n### References\n\n- https://security.tessera-project.org/TSSA-2026-1/\n\nOSV: TSSA-2026-1\n<!-- advisory-pipeline ledger: modified=2026-02-01T10:00:00Z published=2026-01-20T00:00:00Z sha=", draft.Description, StringComparison.Ordinal);
        Assert.Equal("draft", draft.State);
    }

    [Fact]
    public async Task A_changed_summary_is_one_update_of_the_summary_and_of_the_ledger_line()
    {
        await PublishAsync(Ghsa(), Many(3), FirstRun);
        var before = AdvisoryOf("TSSA-2025-1");
        var mark = Server.Requests.Mark();
        var edited = Many(3).Select(advisory => advisory.Record.Id == "TSSA-2025-1"
            ? Advisory(advisory.Record with { Summary = "Heap overflow in the frame decoder of tessera" })
            : advisory).ToList();

        var result = await PublishAsync(Ghsa(), edited, SecondRun);

        var patch = Assert.Single(Server.Requests.Since(mark), request => request.IsWrite);
        Assert.Equal(("PATCH", $"{AdvisoriesPath}/{before.GhsaId}"), (patch.Method, patch.Path));
        Assert.Equal(["description", "summary"], BodyKeys(patch));
        var after = AdvisoryOf("TSSA-2025-1");
        Assert.Equal("Heap overflow in the frame decoder of tessera", after.Summary);
        Assert.NotEqual(before.Description, after.Description);
        Assert.True(GhsaMarker.SameBody(before.Description, after.Description), "only the ledger line of the description changed");
        Assert.Equal((PublishAction.Changed, 2), (result.Plan.Advisories.Single(entry => entry.Id == "TSSA-2025-1").Action, result.Plan.Count(PublishAction.Unchanged)));
        Assert.Equal("ghsa:acme/advisory-db: updated 1 (TSSA-2025-1: summary, description); 2 unchanged", result.Outcome!.Description);
        var rerunMark = Server.Requests.Mark();
        var rerun = await PublishAsync(Ghsa(), edited, SecondRun.AddHours(1));
        Assert.Equal((PublishOutcomeKind.NothingToWrite, 0), (rerun.Outcome!.Kind, WritesSince(rerunMark)));
    }

    [Fact]
    public async Task A_withdrawn_record_closes_its_draft_and_a_record_withdrawn_before_its_first_publish_is_created_closed()
    {
        await PublishAsync(Ghsa(), Many(2), FirstRun);
        var withdrawn = Many(2).Select(advisory => advisory.Record.Id == "TSSA-2025-1"
            ? Advisory(advisory.Record with { Withdrawn = "2026-02-02T00:00:00Z", Details = advisory.Record.Details + "\n\n**Withdrawn:** not a vulnerability." })
            : advisory).Append(Advisory("TSSA-2026-9", withdrawn: "2026-02-01T00:00:00Z")).ToList();
        var mark = Server.Requests.Mark();

        var result = await PublishAsync(Ghsa(), withdrawn, SecondRun);
        var secondRequests = RequestsSince(mark);
        var afterSecond = Server.Requests.Mark();
        var rerun = await PublishAsync(Ghsa(), withdrawn, SecondRun.AddHours(1));

        Assert.Equal((PublishAction.Withdrawn, PublishAction.New), (result.Plan.Advisories[0].Action, result.Plan.Advisories[2].Action));
        Assert.Equal(("closed", "closed", "draft"), (AdvisoryOf("TSSA-2025-1").State, AdvisoryOf("TSSA-2026-9").State, AdvisoryOf("TSSA-2026-2").State));
        Assert.Equal(["GET", "GET", $"PATCH /{AdvisoryOf("TSSA-2025-1").GhsaId}", "POST", $"PATCH /{AdvisoryOf("TSSA-2026-9").GhsaId}"], secondRequests);
        Assert.Equal("ghsa:acme/advisory-db: created 1 draft (TSSA-2026-9 (closed)), closed 1 (TSSA-2025-1); 1 unchanged", result.Outcome!.Description);
        Assert.Equal((PublishOutcomeKind.NothingToWrite, 0), (rerun.Outcome!.Kind, WritesSince(afterSecond)));
    }

    [Fact]
    public async Task A_dry_run_shows_what_would_be_created_updated_and_closed_and_writes_nothing()
    {
        await PublishAsync(Ghsa(), Many(3), FirstRun);
        var advisories = Many(3).Select(advisory => advisory.Record.Id switch
        {
            "TSSA-2025-1" => Advisory(advisory.Record with { Summary = "Renamed" }),
            "TSSA-2026-2" => Advisory(advisory.Record with { Withdrawn = "2026-02-02T00:00:00Z" }),
            _ => advisory,
        }).Append(Advisory("TSSA-2026-4")).ToList();
        var mark = Server.Requests.Mark();

        var plan = (await new Publisher(AcceptAll).PublishAsync(Request(advisories, SecondRun, dryRun: true), [Ghsa()])).Single();

        Assert.Null(plan.Outcome);
        Assert.Equal(
            "Plan for ghsa:acme/advisory-db (3 advisories from OSV records, 3 in all) at 2026-02-02T10:00:00Z\n"
            + "  new (1):\n    TSSA-2026-4  advisories/TSSA-2026-4.yaml\n"
            + "  changed (1):\n    TSSA-2025-1  advisories/TSSA-2025-1.yaml\n"
            + "  withdrawn (1):\n    TSSA-2026-2  advisories/TSSA-2026-2.yaml\n"
            + "Total: 1 new, 1 changed, 1 withdrawn, 1 unchanged.\n",
            PublishPlanText.Render(plan.Plan));
        Assert.Equal(["GET"], RequestsSince(mark));
    }

    [Fact]
    public async Task Held_and_placeholder_records_never_reach_github_and_a_held_record_s_draft_is_left_alone()
    {
        await PublishAsync(Ghsa(), Many(2), FirstRun);
        var heldDraft = AdvisoryOf("TSSA-2025-1");
        var advisories = new[] { Advisory("TSSA-2026-2", "Changed while TSSA-2025-1 is held"), Advisory("TSSA-0000-frame-overflow") };

        var result = await PublishAsync(Ghsa(), advisories, SecondRun, held: ["TSSA-2025-1", "TSSA-2026-7"]);

        Assert.Equal(["TSSA-2025-1", "TSSA-2026-2"], MarkedIds());
        Assert.Equal(heldDraft, AdvisoryOf("TSSA-2025-1"));
        Assert.Equal("Changed while TSSA-2025-1 is held", AdvisoryOf("TSSA-2026-2").Summary);
        Assert.DoesNotContain(Server.Requests.All, request => request.Body?.Contains("TSSA-2026-7", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(Server.Requests.All, request => request.Body?.Contains("TSSA-0000", StringComparison.Ordinal) == true);
        Assert.EndsWith("; notes: TSSA-0000-frame-overflow: not sent: placeholder IDs never reach GitHub (run 'advisory assign-ids' first)", result.Outcome!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_advisory_is_never_changed_and_what_differs_is_reported()
    {
        await PublishAsync(Ghsa(), Many(2), FirstRun);
        var published = Repository.UpdateAdvisory(AdvisoryOf("TSSA-2025-1").GhsaId, advisory => advisory with { State = "published", PublishedAt = FirstRun })!;
        var advisories = Many(2).Select(advisory => advisory.Record.Id == "TSSA-2025-1"
            ? Advisory(advisory.Record with { Summary = "Renamed" })
            : advisory).ToList();
        var mark = Server.Requests.Mark();

        var result = await PublishAsync(Ghsa(), advisories, SecondRun);
        var withdrawn = await PublishAsync(Ghsa(), [.. advisories.Select(advisory => Advisory(advisory.Record with { Withdrawn = "2026-02-02T00:00:00Z" }))], SecondRun.AddHours(1));

        Assert.Equal(published, AdvisoryOf("TSSA-2025-1"));
        Assert.Equal(0, Server.Requests.Since(mark).Count(request => request.Path.EndsWith(published.GhsaId, StringComparison.Ordinal)));
        Assert.Equal(PublishOutcomeKind.NothingToWrite, result.Outcome!.Kind);
        Assert.Equal($"ghsa:acme/advisory-db: nothing to write; 1 unchanged; not changed on GitHub: TSSA-2025-1 changed (summary) but {published.GhsaId} is published: edit it on GitHub", result.Outcome.Description);
        Assert.Contains($"TSSA-2025-1 is withdrawn but {published.GhsaId} is published (GitHub's API cannot withdraw it: ask GitHub to)", withdrawn.Outcome!.Description, StringComparison.Ordinal);
        Assert.Equal("closed", AdvisoryOf("TSSA-2026-2").State);
    }

    [Fact]
    public async Task Drafts_are_found_on_every_page_of_the_advisory_list()
    {
        await PublishAsync(Ghsa(), Many(120), FirstRun);
        for (var i = 0; i < 100; i++)
            await PublishForeignAdvisoryAsync($"Reported privately #{i}");
        var mark = Server.Requests.Mark();

        var again = await PublishAsync(Ghsa(), Many(120), SecondRun);

        Assert.Equal(120, again.Plan.Count(PublishAction.Unchanged));
        Assert.Equal(["GET", "GET", "GET"], RequestsSince(mark));
        Assert.All(Server.Requests.Since(mark).Skip(1), request => Assert.Contains("after=", request.Query, StringComparison.Ordinal));
        Assert.Equal(220, Repository.Advisories.Count);
    }

    [Fact]
    public async Task A_git_only_record_is_a_draft_without_products_and_github_s_own_products_are_kept()
    {
        var record = Record("TSSA-2026-1") with
        {
            Affected = [new OsvAffected { Ranges = [new OsvRange { Type = "GIT", Repo = "https://github.com/acme/tessera", Events = [new OsvEvent { Introduced = "0" }, new OsvEvent { Fixed = "4b825dc642cb6eb9a060e54bf8d69288fbee4904" }] }] }],
        };
        var first = await PublishAsync(Ghsa(), [Advisory(record)], FirstRun);
        // A maintainer adds the product on GitHub.
        Repository.UpdateAdvisory(AdvisoryOf("TSSA-2026-1").GhsaId, advisory => advisory with { Vulnerabilities = [new AdvisoryVulnerability(new AdvisoryPackage("other", "tessera"), "< 4.0", "4.0", [])] });
        var mark = Server.Requests.Mark();

        var changed = await PublishAsync(Ghsa(), [Advisory(record with { Summary = "Renamed" })], SecondRun);

        Assert.EndsWith("; notes: TSSA-2026-1: GIT ranges not sent (GitHub has no commit ranges); "
            + "TSSA-2026-1: no package in an ecosystem GitHub knows: add the product on GitHub before publishing", first.Outcome!.Description, StringComparison.Ordinal);
        Assert.Equal(["description", "summary"], BodyKeys(Assert.Single(Server.Requests.Since(mark), request => request.IsWrite)));
        Assert.Equal("tessera", Assert.Single(AdvisoryOf("TSSA-2026-1").Vulnerabilities).Package!.Name);
        Assert.Equal(PublishOutcomeKind.Written, changed.Outcome!.Kind);
    }

    [Fact]
    public async Task A_draft_edited_on_github_is_kept_until_its_record_changes_and_then_only_the_differing_fields_are_sent()
    {
        await PublishAsync(Ghsa(), Many(1), FirstRun);
        var id = AdvisoryOf("TSSA-2025-1").GhsaId;
        Repository.UpdateAdvisory(id, advisory => advisory with { Summary = "Edited on GitHub", CveId = "CVE-2026-99999", CweIds = ["CWE-20"] });
        var mark = Server.Requests.Mark();

        await PublishAsync(Ghsa(), Many(1), SecondRun);
        var keptMark = Server.Requests.Mark();
        var cwe = Advisory(Many(1)[0].Record with { DatabaseSpecific = System.Text.Json.JsonDocument.Parse("""{"cwe_ids": ["CWE-787", "CWE-20"]}""").RootElement.Clone() });
        await PublishAsync(Ghsa(), [cwe], SecondRun.AddHours(1));

        Assert.Equal(0, Server.Requests.Since(mark).Count(request => request.IsWrite && request.Sequence <= keptMark));
        var patch = Assert.Single(Server.Requests.Since(keptMark), request => request.IsWrite);
        Assert.Equal(["cve_id", "cwe_ids", "description", "summary"], BodyKeys(patch));
        var draft = AdvisoryOf("TSSA-2025-1");
        Assert.Equal("Heap overflow in the frame decoder", draft.Summary);
        Assert.Equal(["CWE-787", "CWE-20"], draft.CweIds);
    }

    [Fact]
    public async Task An_advisory_that_repeats_a_marker_is_noted_and_the_draft_made_first_stays_the_record_s()
    {
        await PublishAsync(Ghsa(), Many(1), FirstRun);
        var ours = AdvisoryOf("TSSA-2025-1");
        var copy = await PublishForeignAdvisoryAsync("A copy", ours.Description);
        var mark = Server.Requests.Mark();

        var result = await PublishAsync(Ghsa(), [Advisory(Many(1)[0].Record with { Summary = "Renamed" })], SecondRun);

        var kept = string.CompareOrdinal(ours.GhsaId, copy) < 0 ? ours.GhsaId : copy;
        var other = kept == ours.GhsaId ? copy : ours.GhsaId;
        Assert.EndsWith($"; notes: {other}: also carries the marker of TSSA-2025-1, whose advisory is {kept}: close it or remove its 'OSV:' line", result.Outcome!.Description, StringComparison.Ordinal);
        Assert.Equal(["GET", "GET", $"PATCH /{kept}"], RequestsSince(mark));
    }

    [Fact]
    public async Task A_draft_whose_ledger_comment_was_deleted_by_hand_is_rewritten_not_duplicated()
    {
        await PublishAsync(Ghsa(), Many(2), FirstRun);
        var id = AdvisoryOf("TSSA-2026-2").GhsaId;
        Repository.UpdateAdvisory(id, advisory => advisory with { Description = GhsaMarker.WithoutLedger(advisory.Description) + "\r\n" });
        var mark = Server.Requests.Mark();

        var result = await PublishAsync(Ghsa(), Many(2), SecondRun);
        var requests = RequestsSince(mark);
        var patch = Server.Requests.Since(mark).Last();
        var rerunMark = Server.Requests.Mark();
        var rerun = await PublishAsync(Ghsa(), Many(2), SecondRun.AddHours(1));

        Assert.Equal(PublishAction.New, result.Plan.Advisories.Single(entry => entry.Id == "TSSA-2026-2").Action);
        Assert.Equal(["GET", "GET", $"PATCH /{id}"], requests);
        Assert.Equal(["description"], BodyKeys(patch));
        Assert.Equal(2, Repository.Advisories.Count);
        Assert.Equal((PublishOutcomeKind.NothingToWrite, 0), (rerun.Outcome!.Kind, WritesSince(rerunMark)));
    }

    [Fact]
    public async Task Someone_else_s_advisory_that_ends_with_an_osv_line_is_neither_ours_nor_a_reason_to_refuse()
    {
        var foreign = await PublishForeignAdvisoryAsync("Reported privately", "Same issue as the Python advisory.\n\nOSV: PYSEC-2024-1");
        var mark = Server.Requests.Mark();

        var result = await PublishAsync(Ghsa(), Many(1), FirstRun);

        Assert.Equal("ghsa:acme/advisory-db: created 1 draft (TSSA-2025-1)", result.Outcome!.Description);
        Assert.Equal("Same issue as the Python advisory.\n\nOSV: PYSEC-2024-1", Assert.Single(Repository.Advisories, advisory => advisory.GhsaId == foreign).Description);
        Assert.Equal(["GET", "GET", "POST"], RequestsSince(mark));
    }

    [Fact]
    public async Task A_draft_changed_between_planning_and_applying_asks_for_a_new_plan()
    {
        await PublishAsync(Ghsa(), Many(2), FirstRun);
        var target = Ghsa();
        var plan = PublishPlanner.Plan([.. Many(2, "Renamed")], [], await target.ReadLedgerAsync(CancellationToken.None), SecondRun);
        Repository.UpdateAdvisory(AdvisoryOf("TSSA-2026-2").GhsaId, advisory => advisory with { Description = advisory.Description.Replace("Heap", "Stack", StringComparison.Ordinal) });
        var mark = Server.Requests.Mark();

        var result = await target.ApplyAsync(plan, CancellationToken.None);

        Assert.Null(result.Outcome);
        Assert.Equal("advisories made from OSV records changed on GitHub since the plan was made", result.ReplanReason);
        Assert.Equal(2, result.ReplanAgainst!.Records.Count);
        Assert.Equal(0, WritesSince(mark));
    }

    /// <summary>An advisory made on GitHub by someone else (another tool, a private report), through the API.</summary>
    private async Task<string> PublishForeignAdvisoryAsync(string summary, string description = "Found by a researcher.")
    {
        using var client = new HttpClient { BaseAddress = Server.BaseUri };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("tests");
        var body = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["summary"] = summary, ["description"] = description, ["vulnerabilities"] = Array.Empty<object>() });
        using var response = await client.PostAsync(AdvisoriesPath.TrimStart('/'), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("ghsa_id").GetString()!;
    }
}
