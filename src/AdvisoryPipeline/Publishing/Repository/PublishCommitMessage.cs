using System.Text;

namespace AdvisoryPipeline.Publishing.Repository;

/// <summary>
/// The message of the one commit a publish makes. Subject: <c>Publish 3 advisories: TSSA-2026-1, TSSA-2026-2 (new),
/// TSSA-2025-4 (changed)</c>, or only the counts when more than <see cref="MaxIdsInSubject"/> records are written;
/// the body lists every record by action, the files moved, and the run's time.
/// </summary>
public static class PublishCommitMessage
{
    public const int MaxIdsInSubject = 5;

    private static readonly PublishAction[] WritingActions = [PublishAction.New, PublishAction.Changed, PublishAction.Withdrawn];

    public static string Subject(PublishPlan plan)
    {
        var written = plan.Written;
        if (written.Count == 0)
            return "Repair the published records and their ledger";
        var noun = written.Count == 1 ? "advisory" : "advisories";
        var groups = WritingActions.Where(action => plan.Count(action) > 0);
        if (written.Count > MaxIdsInSubject)
            return $"Publish {written.Count} {noun} ({string.Join(", ", groups.Select(action => $"{plan.Count(action)} {PublishActionNames.Of(action)}"))})";
        return $"Publish {written.Count} {noun}: "
            + string.Join(", ", groups.Select(action => $"{string.Join(", ", plan.With(action).Select(entry => entry.Id))} ({PublishActionNames.Of(action)})"));
    }

    public static string Body(PublishPlan plan, RepositoryChange change)
    {
        var text = new StringBuilder();
        foreach (var action in WritingActions)
        {
            var entries = plan.With(action);
            if (entries.Count == 0)
                continue;
            text.Append(char.ToUpperInvariant(PublishActionNames.Of(action)[0])).Append(PublishActionNames.Of(action)[1..]).Append(":\n");
            foreach (var entry in entries)
                text.Append("- ").Append(entry.Id).Append('\n');
            text.Append('\n');
        }
        if (change.Deletions.Count > 0)
        {
            text.Append("Removed (records at another path than their ID's):\n");
            foreach (var path in change.Deletions)
                text.Append("- ").Append(path).Append('\n');
            text.Append('\n');
        }
        text.Append("Published by AdvisoryPipeline at ").Append(plan.RunTimestamp).Append(".\n");
        return text.ToString();
    }

    public static string Full(PublishPlan plan, RepositoryChange change) => Subject(plan) + "\n\n" + Body(plan, change);
}
