using System.Text;

namespace AdvisoryPipeline.Publishing;

/// <summary>
/// A plan for people (<c>--dry-run</c>): the records that are written or held, grouped by action with their source
/// files, and a one-line total. Unchanged records are only counted: a database has many.
/// </summary>
public static class PublishPlanText
{
    public static string Render(PublishPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        text.Append("Plan for ").Append(plan.Target).Append(" at ").Append(plan.RunTimestamp).Append('\n');
        foreach (var action in PublishActionNames.DisplayOrder.Where(action => action != PublishAction.Unchanged))
        {
            var entries = plan.With(action);
            if (entries.Count == 0)
                continue;
            text.Append("  ").Append(Heading(action)).Append(" (").Append(entries.Count).Append("):\n");
            var width = entries.Max(entry => entry.Id.Length);
            foreach (var entry in entries)
                text.Append("    ").Append(entry.Id.PadRight(width)).Append("  ").Append(Detail(entry)).Append('\n');
        }
        text.Append(plan.HasChanges ? "Total: " : "Nothing to publish: ")
            .Append(PublishActionNames.Totals(plan))
            .Append(".\n");
        return text.ToString();
    }

    private static string Heading(PublishAction action) => action switch
    {
        PublishAction.Held => "held (embargo)",
        PublishAction.Excluded => "excluded (errors)",
        _ => PublishActionNames.Of(action),
    };

    private static string Detail(PlannedAdvisory entry) => entry.IsKept
        ? entry.InTarget ? "already published: the target's version is kept" : "not published"
        : entry.SourcePath ?? "";
}
