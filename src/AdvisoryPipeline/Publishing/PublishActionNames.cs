namespace AdvisoryPipeline.Publishing;

/// <summary>The words for the actions in every rendering (text, JSON, commit messages), in display order.</summary>
public static class PublishActionNames
{
    public static IReadOnlyList<PublishAction> DisplayOrder { get; } =
        [PublishAction.New, PublishAction.Changed, PublishAction.Withdrawn, PublishAction.Unchanged, PublishAction.Held, PublishAction.Excluded];

    public static string Of(PublishAction action) => action switch
    {
        PublishAction.New => "new",
        PublishAction.Changed => "changed",
        PublishAction.Withdrawn => "withdrawn",
        PublishAction.Unchanged => "unchanged",
        PublishAction.Held => "held",
        PublishAction.Excluded => "excluded",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>"2 new, 1 changed, 8 unchanged": the actions that occur, in display order; "no advisories" for an empty plan.</summary>
    public static string Totals(PublishPlan plan) =>
        plan.Advisories.Count == 0
            ? "no advisories"
            : string.Join(", ", DisplayOrder.Where(action => plan.Count(action) > 0).Select(action => $"{plan.Count(action)} {Of(action)}"));
}
