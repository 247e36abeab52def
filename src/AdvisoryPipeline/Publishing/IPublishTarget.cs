namespace AdvisoryPipeline.Publishing;

/// <summary>A place records are published to, which is also the ledger of their timestamps.</summary>
public interface IPublishTarget
{
    /// <summary>The target as the user named it, e.g. <c>dir:out/osv</c>.</summary>
    string Name { get; }

    /// <summary>Reads what the target holds now.</summary>
    /// <exception cref="PublishRefusedException">The target holds something the publisher cannot read.</exception>
    /// <exception cref="PublishFailedException">The target could not be read.</exception>
    Task<Ledger> ReadLedgerAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes the target hold what <paramref name="plan"/> says, completely or not at all, and writes nothing when it
    /// already does. When the target changed since the plan's ledger was read (or, for a pull request, holds the
    /// change on another branch), nothing is written and the result asks for a new plan on a fresh ledger.
    /// </summary>
    /// <exception cref="PublishFailedException">The target could not be written; the message says what was.</exception>
    Task<ApplyResult> ApplyAsync(PublishPlan plan, CancellationToken cancellationToken);
}

/// <summary>What applying a plan did, or that it must be planned again.</summary>
public sealed record ApplyResult
{
    private ApplyResult(PublishOutcome? outcome, Ledger? replanAgainst, string? replanReason)
    {
        Outcome = outcome;
        ReplanAgainst = replanAgainst;
        ReplanReason = replanReason;
    }

    /// <summary>The outcome, when the plan was applied (or nothing needed writing).</summary>
    public PublishOutcome? Outcome { get; }

    /// <summary>The ledger to plan again against, when the plan could not be applied as made.</summary>
    public Ledger? ReplanAgainst { get; }

    public string? ReplanReason { get; }

    public static ApplyResult Done(PublishOutcome outcome) => new(outcome, null, null);

    public static ApplyResult Replan(Ledger ledger, string reason) => new(null, ledger, reason);
}

/// <summary>How a publish to one target ended.</summary>
public enum PublishOutcomeKind
{
    /// <summary>The target already held everything: nothing was written.</summary>
    NothingToWrite,

    /// <summary>Files were written (folder target).</summary>
    Written,

    /// <summary>One commit was made and the branch moved to it.</summary>
    Committed,

    /// <summary>The change waits in a pull request (opened now or by an earlier run).</summary>
    PullRequest,
}

/// <param name="Kind">How it ended.</param>
/// <param name="Description">One line for people, e.g. "committed 1a2b3c4 to main (3 files)".</param>
/// <param name="CommitSha">The commit made or reused, for git and GitHub targets.</param>
/// <param name="PullRequestUrl">The pull request holding the change, if any.</param>
public sealed record PublishOutcome(PublishOutcomeKind Kind, string Description, string? CommitSha = null, string? PullRequestUrl = null);
