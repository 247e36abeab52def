using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Publishing;

/// <summary>What to publish, and when.</summary>
/// <param name="Advisories">The publishable records.</param>
/// <param name="HeldIds">The IDs under embargo.</param>
/// <param name="Now">The run's single timestamp (<c>--now</c>); truncated to whole seconds.</param>
/// <param name="DryRun">Plan only: nothing is written.</param>
public sealed record PublishRequest(IReadOnlyList<PublishableAdvisory> Advisories, IReadOnlyList<string> HeldIds, DateTimeOffset Now, bool DryRun = false)
{
    /// <summary>The IDs left out for their errors (<c>--exclude-invalid</c>): kept in the target as they are, like held ones.</summary>
    public IReadOnlyList<string> ExcludedIds { get; init; } = [];

    /// <summary>The publishable, held and excluded advisories of a validated database.</summary>
    public static PublishRequest For(PublishableDatabase database, DateTimeOffset now, bool dryRun = false) =>
        new(database.Publishable, [.. database.Held.Select(h => h.Id)], now, dryRun) { ExcludedIds = [.. database.Excluded.Select(e => e.Id)] };
}

/// <summary>The plan made for one target and, unless it was a dry run, how applying it ended.</summary>
public sealed record TargetPublishResult(string Target, PublishPlan Plan, PublishOutcome? Outcome);

/// <summary>
/// Publishes to one or more targets in two phases: every target is read, planned and its new records validated
/// first, so that a refused or invalid record stops the publish before anything is written anywhere; then each plan
/// is applied. A target that changed in between (someone pushed) is read and planned again, a bounded number of
/// times, with the same run time.
/// </summary>
public sealed class Publisher(IRecordValidator validator, int maxPlanAttempts = 5)
{
    /// <summary>A publisher that checks every record it writes against the database's own OSV schema.</summary>
    public static Publisher For(PublishableDatabase database) => new(new SchemaRecordValidator(database.Schema));

    /// <summary>Plans, then (unless a dry run) applies; see <see cref="PlanAsync"/> and <see cref="ApplyAsync(PublishRequest, IReadOnlyList{IPublishTarget}, IReadOnlyList{PublishPlan}, CancellationToken)"/>.</summary>
    /// <exception cref="PublishRefusedException">Nothing was written anywhere.</exception>
    /// <exception cref="PublishFailedException">A target failed; targets before it in the list were published.</exception>
    public async Task<IReadOnlyList<TargetPublishResult>> PublishAsync(PublishRequest request, IReadOnlyList<IPublishTarget> targets, CancellationToken cancellationToken = default)
    {
        var plans = await PlanAsync(request, targets, cancellationToken);
        if (request.DryRun)
            return [.. plans.Select((plan, i) => new TargetPublishResult(targets[i].Name, plan, null))];
        return await ApplyAsync(request, targets, plans, cancellationToken);
    }

    /// <summary>
    /// Reads every target and plans what it will hold, checking every record about to be written; writes nothing.
    /// </summary>
    /// <exception cref="PublishRefusedException">A target or a record refuses the publish (all reasons of all targets).</exception>
    public async Task<IReadOnlyList<PublishPlan>> PlanAsync(PublishRequest request, IReadOnlyList<IPublishTarget> targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(targets);
        var plans = new List<PublishPlan>();
        var findings = new List<Finding>();
        foreach (var target in targets)
        {
            try
            {
                var plan = PublishPlanner.Plan(request.Advisories, request.HeldIds, await target.ReadLedgerAsync(cancellationToken), request.Now, request.ExcludedIds);
                findings.AddRange(Validate(plan));
                plans.Add(plan);
            }
            catch (PublishRefusedException refused)
            {
                findings.AddRange(refused.Findings);
            }
        }
        if (findings.Count > 0)
            throw new PublishRefusedException(findings);
        return plans;
    }

    /// <summary>Applies the plans that <see cref="PlanAsync"/> made, target by target.</summary>
    /// <exception cref="PublishRefusedException">A target changed meanwhile and the new plan is refused; targets before it were published.</exception>
    /// <exception cref="PublishFailedException">A target failed; targets before it in the list were published.</exception>
    public async Task<IReadOnlyList<TargetPublishResult>> ApplyAsync(PublishRequest request, IReadOnlyList<IPublishTarget> targets,
        IReadOnlyList<PublishPlan> plans, CancellationToken cancellationToken = default)
    {
        var results = new List<TargetPublishResult>();
        for (var i = 0; i < targets.Count; i++)
            results.Add(await ApplyAsync(request, targets[i], plans[i], cancellationToken));
        return results;
    }

    private async Task<TargetPublishResult> ApplyAsync(PublishRequest request, IPublishTarget target, PublishPlan plan, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await target.ApplyAsync(plan, cancellationToken);
            if (result.Outcome is { } outcome)
                return new TargetPublishResult(target.Name, plan, outcome);
            if (attempt == maxPlanAttempts)
                throw new PublishFailedException(
                    $"{target.Name} kept changing while publishing ({result.ReplanReason}); gave up after {attempt} plans. Nothing of this run was published there.");
            plan = PublishPlanner.Plan(request.Advisories, request.HeldIds, result.ReplanAgainst!, request.Now, request.ExcludedIds);
            if (Validate(plan) is { Count: > 0 } findings)
                throw new PublishRefusedException(findings);
        }
    }

    private List<Finding> Validate(PublishPlan plan) =>
        [.. plan.Written.SelectMany(advisory => validator.Validate(advisory.Content)
            .Select(message => PublishFindings.InvalidRecord(advisory.Id, advisory.SourcePath, message)))];
}
