using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Publishing;

/// <summary>What a publish does to one record.</summary>
public enum PublishAction
{
    /// <summary>Not in the target yet.</summary>
    New,

    /// <summary>In the target with different content.</summary>
    Changed,

    /// <summary>Changed, and withdrawn by this change.</summary>
    Withdrawn,

    /// <summary>In the target with the same content (its <c>modified</c> is kept).</summary>
    Unchanged,

    /// <summary>Under embargo: not published; a version already in the target stays as it is.</summary>
    Held,

    /// <summary>Left out for its errors (<c>--exclude-invalid</c>): not published; a version already in the target stays as it is.</summary>
    Excluded,
}

/// <summary>One record of a plan.</summary>
/// <param name="Id">The record's ID.</param>
/// <param name="Action">What happens to it.</param>
/// <param name="SourcePath">The advisory's file; null for <see cref="PublishAction.Held"/>.</param>
/// <param name="Record">The record as published, timestamps resolved; null for <see cref="PublishAction.Held"/>.</param>
/// <param name="Content">The canonical bytes of <paramref name="Record"/> (the target's own bytes when unchanged); empty when held.</param>
/// <param name="ContentSha">The git blob SHA-1 of <paramref name="Content"/>; null when held.</param>
/// <param name="ChangeFingerprint">
/// For the actions that write: SHA-256 of the record without the timestamps this run chose, so that the same change
/// planned at another time has the same fingerprint. Null otherwise.
/// </param>
/// <param name="InTarget">Whether the target already has a version of the record (for held records: kept as is).</param>
/// <param name="RequestCve">The advisory asks the ghsa: target to request a CVE ID from GitHub (authoring only, never published).</param>
public sealed record PlannedAdvisory(
    string Id,
    PublishAction Action,
    string? SourcePath,
    OsvRecord? Record,
    ReadOnlyMemory<byte> Content,
    string? ContentSha,
    string? ChangeFingerprint,
    bool InTarget,
    bool RequestCve = false)
{
    /// <summary>Whether the target gets new bytes for this record.</summary>
    public bool Writes => Action is PublishAction.New or PublishAction.Changed or PublishAction.Withdrawn;

    /// <summary>Whether the target's version, if any, stays exactly as it is: the record is held or excluded.</summary>
    public bool IsKept => Action is PublishAction.Held or PublishAction.Excluded;

    /// <summary>Whether the record is in the target after the publish (with <see cref="Content"/>, unless kept).</summary>
    public bool IsPublished => !IsKept || InTarget;
}

/// <summary>
/// What a publish will do to one target, decided before anything is written: every record's action and, for those
/// that are written, their final bytes. Immutable; targets apply it as a whole or not at all.
/// </summary>
/// <param name="RunTime">The run's single timestamp (whole seconds, UTC): the <c>modified</c> of everything written.</param>
/// <param name="Advisories">Every record, sorted by ID (ordinal).</param>
/// <param name="Ledger">The state of the target the plan was made from.</param>
public sealed record PublishPlan(DateTimeOffset RunTime, IReadOnlyList<PlannedAdvisory> Advisories, Ledger Ledger)
{
    /// <summary><see cref="RunTime"/> as written in the records.</summary>
    public string RunTimestamp => OsvTimestamp.Format(RunTime);

    public string Target => Ledger.Source.Description;

    public bool HasChanges => Advisories.Any(advisory => advisory.Writes);

    public IReadOnlyList<PlannedAdvisory> Written => [.. Advisories.Where(advisory => advisory.Writes)];

    public IReadOnlyList<PlannedAdvisory> With(PublishAction action) => [.. Advisories.Where(advisory => advisory.Action == action)];

    public int Count(PublishAction action) => Advisories.Count(advisory => advisory.Action == action);
}
