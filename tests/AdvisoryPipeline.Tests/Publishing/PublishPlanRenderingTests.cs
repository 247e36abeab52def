using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Tests.TestSupport;
using static AdvisoryPipeline.Tests.Publishing.PublishingSupport;
using static AdvisoryPipeline.Tests.TestSupport.SampleAdvisories;

namespace AdvisoryPipeline.Tests.Publishing;

public sealed class PublishPlanRenderingTests
{
    private static PublishPlan MixedPlan()
    {
        var first = Plan([Advisory("TSSA-2024-2"), Advisory("TSSA-2025-4"), Advisory("TSSA-2025-5")], EmptyLedger, FirstRun);
        return Plan(
            [
                Advisory("TSSA-2024-2", withdrawn: "2026-02-02T08:00:00Z"),
                Advisory("TSSA-2025-4", "Use after free in the stream reader"),
                Advisory("TSSA-2025-5"),
                Advisory("TSSA-2026-1"),
                Advisory("TSSA-2026-22"),
            ],
            LedgerAfter(first), SecondRun, "TSSA-2026-3");
    }

    [Fact]
    public void Text_groups_the_records_by_action_with_their_files_and_ends_with_the_totals()
    {
        Assert.Equal(
            """
            Plan for memory:target at 2026-02-02T10:00:00Z
              new (2):
                TSSA-2026-1   advisories/TSSA-2026-1.yaml
                TSSA-2026-22  advisories/TSSA-2026-22.yaml
              changed (1):
                TSSA-2025-4  advisories/TSSA-2025-4.yaml
              withdrawn (1):
                TSSA-2024-2  advisories/TSSA-2024-2.yaml
              held (embargo) (1):
                TSSA-2026-3  not published
            Total: 2 new, 1 changed, 1 withdrawn, 1 unchanged, 1 held.

            """,
            PublishPlanText.Render(MixedPlan()));
    }

    [Fact]
    public void Text_says_when_there_is_nothing_to_publish()
    {
        var first = Plan([Advisory("TSSA-2025-4")], EmptyLedger, FirstRun);

        Assert.Equal(
            "Plan for memory:target at 2026-02-02T10:00:00Z\nNothing to publish: 1 unchanged.\n",
            PublishPlanText.Render(Plan([Advisory("TSSA-2025-4")], LedgerAfter(first), SecondRun)));
    }

    [Fact]
    public void Json_lists_every_record_with_its_action_and_timestamps_and_the_totals()
    {
        var json = PublishPlanJson.Write([MixedPlan()]);
        using var document = JsonDocument.Parse(json);
        var plan = document.RootElement.GetProperty("plans").EnumerateArray().Single();

        Assert.Equal(("memory:target", "2026-02-02T10:00:00Z"), (plan.GetProperty("target").GetString(), plan.GetProperty("run_time").GetString()));
        Assert.Equal(
            """{"new":2,"changed":1,"withdrawn":1,"unchanged":1,"held":1}""",
            JsonSerializer.Serialize(plan.GetProperty("totals")).Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(
            [
                ("TSSA-2024-2", "withdrawn", "2026-02-02T10:00:00Z", true),
                ("TSSA-2025-4", "changed", "2026-02-02T10:00:00Z", true),
                ("TSSA-2025-5", "unchanged", "2026-02-01T10:00:00Z", true),
                ("TSSA-2026-1", "new", "2026-02-02T10:00:00Z", false),
                ("TSSA-2026-22", "new", "2026-02-02T10:00:00Z", false),
                ("TSSA-2026-3", "held", null, false),
            ],
            plan.GetProperty("advisories").EnumerateArray().Select(entry => (
                entry.GetProperty("id").GetString(),
                entry.GetProperty("action").GetString(),
                entry.TryGetProperty("modified", out var modified) ? modified.GetString() : null,
                entry.GetProperty("in_target").GetBoolean())));
        Assert.EndsWith("}\n", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
    }
}
