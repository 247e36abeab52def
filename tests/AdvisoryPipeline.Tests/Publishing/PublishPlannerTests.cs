using static AdvisoryPipeline.Tests.Publishing.PublishingSupport;
using static AdvisoryPipeline.Tests.TestSupport.SampleAdvisories;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Tests.TestSupport;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.Publishing;

public sealed class PublishPlannerTests
{
    private const string FirstStamp = "2026-02-01T10:00:00Z";
    private const string SecondStamp = "2026-02-02T10:00:00Z";

    [Fact]
    public void New_records_get_the_run_time_as_modified_and_as_published_unless_the_author_gave_one()
    {
        var plan = Plan([Advisory("TSSA-2026-1"), Advisory("TSSA-2026-2", published: "2026-01-20T11:00:00Z")], EmptyLedger, FirstRun.AddMilliseconds(750));

        Assert.Equal(FirstStamp, plan.RunTimestamp);
        Assert.All(plan.Advisories, entry => Assert.Equal((PublishAction.New, FirstStamp), (entry.Action, entry.Record!.Modified)));
        Assert.Equal([FirstStamp, "2026-01-20T11:00:00Z"], plan.Advisories.Select(entry => entry.Record!.Published));
        Assert.All(plan.Advisories, entry => Assert.Equal(CanonicalOsvWriter.Write(entry.Record!), entry.Content.ToArray()));
    }

    [Fact]
    public void Unchanged_records_keep_the_target_modified_and_bytes_and_only_changed_ones_get_the_new_run_time()
    {
        var advisories = new[] { Advisory("TSSA-2026-1"), Advisory("TSSA-2026-2"), Advisory("TSSA-2025-7") };
        var first = Plan(advisories, EmptyLedger, FirstRun);
        var edited = advisories.Select(advisory => advisory.Record.Id == "TSSA-2026-2"
            ? Advisory(advisory.Record with { Summary = "Heap overflow in the frame decoder and the encoder" })
            : advisory).ToList();

        var unchanged = Plan(advisories, LedgerAfter(first), SecondRun);
        var second = Plan(edited, LedgerAfter(first), SecondRun);

        Assert.False(unchanged.HasChanges);
        Assert.All(unchanged.Advisories, entry => Assert.Equal((PublishAction.Unchanged, FirstStamp), (entry.Action, entry.Record!.Modified)));
        Assert.Equal(first.Advisories.Select(entry => entry.Content.ToArray()), unchanged.Advisories.Select(entry => entry.Content.ToArray()));
        Assert.Equal(
            [("TSSA-2025-7", PublishAction.Unchanged, FirstStamp), ("TSSA-2026-1", PublishAction.Unchanged, FirstStamp), ("TSSA-2026-2", PublishAction.Changed, SecondStamp)],
            second.Advisories.Select(entry => (entry.Id, entry.Action, entry.Record!.Modified)));
        // published was set by the first run and stays.
        Assert.All(second.Advisories, entry => Assert.Equal(FirstStamp, entry.Record!.Published));
    }

    [Fact]
    public void Withdrawing_is_its_own_action_once_and_a_later_edit_of_a_withdrawn_record_is_a_change()
    {
        var first = Plan([Advisory("TSSA-2025-3")], EmptyLedger, FirstRun);
        var withdrawn = Plan([Advisory("TSSA-2025-3", withdrawn: "2026-02-02T09:00:00Z")], LedgerAfter(first), SecondRun);
        var edited = Plan([Advisory("TSSA-2025-3", "Not a vulnerability after all", withdrawn: "2026-02-02T09:00:00Z")], LedgerAfter(withdrawn), SecondRun.AddDays(1));

        Assert.Equal(PublishAction.Withdrawn, withdrawn.Advisories.Single().Action);
        Assert.Equal(PublishAction.Changed, edited.Advisories.Single().Action);
    }

    [Fact]
    public void Held_records_are_listed_and_a_held_record_already_in_the_target_is_kept_not_refused()
    {
        var first = Plan([Advisory("TSSA-2025-3"), Advisory("TSSA-2025-4")], EmptyLedger, FirstRun);

        var plan = Plan([Advisory("TSSA-2025-4")], LedgerAfter(first), SecondRun, "TSSA-2025-3", "TSSA-2026-9");

        Assert.Equal(
            [("TSSA-2025-3", PublishAction.Held, true, true), ("TSSA-2025-4", PublishAction.Unchanged, true, true), ("TSSA-2026-9", PublishAction.Held, false, false)],
            plan.Advisories.Select(entry => (entry.Id, entry.Action, entry.InTarget, entry.IsPublished)));
        Assert.True(plan.Advisories.Where(entry => entry.Action == PublishAction.Held).All(entry => entry.Content.IsEmpty && entry.Record is null));
    }

    [Fact]
    public void A_record_in_the_target_but_missing_from_the_advisories_refuses_the_publish()
    {
        var first = Plan([Advisory("TSSA-2025-3"), Advisory("TSSA-2025-4")], EmptyLedger, FirstRun);

        var refused = Assert.Throws<PublishRefusedException>(() => Plan([Advisory("TSSA-2025-4")], LedgerAfter(first), SecondRun));

        var finding = Assert.Single(refused.Findings);
        Assert.Equal("PUB004", finding.Code);
        Assert.Equal("TSSA-2025-3 is in the target but not among the advisories to publish: withdraw it instead of deleting it", finding.Message);
        Assert.Equal("memory:target", finding.Location.File);
        Assert.Equal("the publish was refused: nothing was written", refused.Message);
    }

    [Fact]
    public void Published_never_changes_once_published_but_the_same_instant_written_differently_is_accepted()
    {
        var first = Plan([Advisory("TSSA-2025-3", published: "2025-12-01T08:00:00Z")], EmptyLedger, FirstRun);

        var refused = Assert.Throws<PublishRefusedException>(() =>
            Plan([Advisory("TSSA-2025-3", published: "2025-12-02T08:00:00Z")], LedgerAfter(first), SecondRun));
        var sameInstant = Plan([Advisory("TSSA-2025-3", published: "2025-12-01T08:00:00.000Z")], LedgerAfter(first), SecondRun);
        var omitted = Plan([Advisory("TSSA-2025-3")], LedgerAfter(first), SecondRun);

        var finding = Assert.Single(refused.Findings);
        Assert.Equal(("PUB005", "advisories/TSSA-2025-3.yaml"), (finding.Code, finding.Location.File));
        Assert.Contains("it was published at 2025-12-01T08:00:00Z", finding.Message, StringComparison.Ordinal);
        Assert.Equal((PublishAction.Unchanged, "2025-12-01T08:00:00Z"), (sameInstant.Advisories[0].Action, sameInstant.Advisories[0].Record!.Published));
        Assert.Equal(PublishAction.Unchanged, omitted.Advisories[0].Action);
    }

    [Fact]
    public void A_record_published_for_the_first_time_keeps_the_timestamps_of_its_file_as_written()
    {
        var plan = Plan([Advisory(Record("TSSA-2023-1", published: "2023-07-20T14:58:05.562874Z", modified: "2023-07-24T14:58:05.562874Z"))],
            EmptyLedger, FirstRun);

        var entry = Assert.Single(plan.Advisories);
        Assert.Equal(("2023-07-20T14:58:05.562874Z", "2023-07-24T14:58:05.562874Z"), (entry.Record!.Published, entry.Record.Modified));
    }

    [Fact]
    public void A_draft_without_published_is_published_and_modified_at_the_run_whatever_modified_its_file_had()
    {
        var plan = Plan([Advisory(Record("TSSA-2026-1", modified: "2026-01-05T00:00:00Z"))], EmptyLedger, FirstRun);

        Assert.Equal((FirstStamp, FirstStamp), (plan.Advisories[0].Record!.Published, plan.Advisories[0].Record!.Modified));
    }

    [Fact]
    public void Modified_moves_to_the_run_on_a_change_unless_the_author_raised_it_and_is_never_lowered()
    {
        var first = Plan([Advisory(Record("TSSA-2025-3", published: "2025-12-01T08:00:00Z", modified: "2025-12-02T08:00:00Z"))], EmptyLedger, FirstRun);
        var ledger = LedgerAfter(first);

        var changedOnly = Plan([Advisory(Record("TSSA-2025-3", "Changed", published: "2025-12-01T08:00:00Z", modified: "2025-12-02T08:00:00Z"))], ledger, SecondRun);
        var raised = Plan([Advisory(Record("TSSA-2025-3", "Changed", published: "2025-12-01T08:00:00Z", modified: "2026-01-15T08:00:00Z"))], ledger, SecondRun);
        var lowered = Plan([Advisory(Record("TSSA-2025-3", published: "2025-12-01T08:00:00Z", modified: "2025-01-01T00:00:00Z"))], ledger, SecondRun);
        var raisedAlone = Plan([Advisory(Record("TSSA-2025-3", published: "2025-12-01T08:00:00Z", modified: "2026-01-15T08:00:00Z"))], ledger, SecondRun);

        Assert.Equal("2025-12-02T08:00:00Z", first.Advisories[0].Record!.Modified);
        Assert.Equal((PublishAction.Changed, SecondStamp), (changedOnly.Advisories[0].Action, changedOnly.Advisories[0].Record!.Modified));
        Assert.Equal((PublishAction.Changed, "2026-01-15T08:00:00Z"), (raised.Advisories[0].Action, raised.Advisories[0].Record!.Modified));
        Assert.Equal((PublishAction.Unchanged, "2025-12-02T08:00:00Z"), (lowered.Advisories[0].Action, lowered.Advisories[0].Record!.Modified));
        Assert.Equal((PublishAction.Changed, "2026-01-15T08:00:00Z"), (raisedAlone.Advisories[0].Action, raisedAlone.Advisories[0].Record!.Modified));
    }

    [Fact]
    public void The_zero_time_of_the_Go_database_is_no_date_and_a_modified_in_the_future_is_refused()
    {
        var zero = Plan([Advisory(Record("GO-2026-1", published: "0001-01-01T00:00:00Z", modified: "0001-01-01T00:00:00Z"))], EmptyLedger, FirstRun);
        var refused = Assert.Throws<PublishRefusedException>(() =>
            Plan([Advisory(Record("TSSA-2026-2", published: "2026-01-01T00:00:00Z", modified: "2030-01-01T00:00:00Z"))], EmptyLedger, FirstRun));

        Assert.Equal((FirstStamp, FirstStamp), (zero.Advisories[0].Record!.Published, zero.Advisories[0].Record!.Modified));
        Assert.Contains("has modified 2030-01-01T00:00:00Z, later than this publish", Assert.Single(refused.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_not_later_than_the_newest_modified_in_the_target_may_not_write_but_may_find_nothing_to_do()
    {
        var advisories = new[] { Advisory("TSSA-2026-1") };
        var first = Plan(advisories, EmptyLedger, SecondRun);

        var nothing = Plan(advisories, LedgerAfter(first), FirstRun);
        var refused = Assert.Throws<PublishRefusedException>(() =>
            Plan([Advisory("TSSA-2026-1", "Changed"), Advisory("TSSA-2026-2")], LedgerAfter(first), SecondRun));

        Assert.False(nothing.HasChanges);
        var finding = Assert.Single(refused.Findings);
        Assert.Equal("PUB007", finding.Code);
        Assert.Contains($"not later than TSSA-2026-1's modified time {SecondStamp}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_the_advisory_file()
    {
        var advisories = new[]
        {
            Advisory("TSSA-2026-1"),
            new PublishableAdvisory(Record("TSSA-2026-1"), "advisories/copy.yaml"),
            Advisory("TSSA/2026-2"),
            Advisory("TSSA-2026-3"),
            Advisory("TSSA-2026-4", published: "2026-03-01T00:00:00Z", withdrawn: "2026-03-02T00:00:00Z"),
            Advisory("TSSA-2026-5", published: "yesterday"),
        };

        var refused = Assert.Throws<PublishRefusedException>(() => Plan(advisories, EmptyLedger, FirstRun, "TSSA-2026-3"));

        Assert.Equal(
            [
                ("PUB001", "advisories/copy.yaml"),
                ("PUB002", "advisories/TSSA/2026-2.yaml"),
                ("PUB003", "advisories/TSSA-2026-3.yaml"),
                ("PUB006", "advisories/TSSA-2026-4.yaml"),
                ("PUB006", "advisories/TSSA-2026-4.yaml"),
                ("PUB008", "advisories/TSSA-2026-5.yaml"),
            ],
            refused.Findings.Select(finding => (finding.Code, finding.Location.File)));
        Assert.Equal("the publish was refused (6 problems): nothing was written", refused.Message);
    }

    [Fact]
    public void The_change_fingerprint_does_not_depend_on_the_run_time_but_on_the_content()
    {
        var atFirst = Plan([Advisory("TSSA-2026-1")], EmptyLedger, FirstRun).Advisories[0];
        var atSecond = Plan([Advisory("TSSA-2026-1")], EmptyLedger, SecondRun).Advisories[0];
        var edited = Plan([Advisory("TSSA-2026-1", "Another summary")], EmptyLedger, FirstRun).Advisories[0];

        Assert.NotEqual(atFirst.Content.ToArray(), atSecond.Content.ToArray());
        Assert.Equal(atFirst.ChangeFingerprint, atSecond.ChangeFingerprint);
        Assert.NotEqual(atFirst.ChangeFingerprint, edited.ChangeFingerprint);
    }

    [Theory]
    [InlineData("TSSA-2025-4", true)]
    [InlineData("x_tessera.internal-1", true)]
    // The one ID policy: the site and every other output carry these, so the feed does too (validate says ID001).
    [InlineData("openSUSE-SU-2024:12345-1", false)]
    [InlineData("x_tessera.internal+1~2", false)]
    [InlineData("TSSA-2025-1.", false)]
    [InlineData(".hidden", false)]
    [InlineData("A/B", false)]
    [InlineData("A\\B", false)]
    [InlineData("A,B", false)]
    [InlineData("A B", false)]
    [InlineData("", false)]
    public void Ids_are_checked_as_file_names(string id, bool safe) => Assert.Equal(safe, PublishPlanner.IsSafeFileName(id));
}
