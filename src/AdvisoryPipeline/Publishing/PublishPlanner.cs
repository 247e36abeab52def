using System.Security.Cryptography;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Git;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Publishing;

/// <summary>
/// Decides what a publish does, comparing the advisories with what the target holds (its <see cref="Ledger"/>).
/// <para>Timestamps: the target owns them.</para>
/// <list type="bullet">
/// <item>A record is unchanged when its canonical bytes, rendered with the target's <c>modified</c>, equal the
/// target's bytes; it keeps the target's <c>modified</c>. A new or changed record gets the run's single timestamp.</item>
/// <item>An author's <c>modified</c> is never published. Consumers fetch what changed since the newest
/// <c>modified</c> they saw: a value in the future would make them skip the changes published before that time, one
/// in the past would hide this change from those that synced after it. So <c>modified</c> is the time the change
/// reached this target, and the run must be later than every <c>modified</c> already there (else: refused).</item>
/// <item><c>published</c> is the author's value, else the target's, else the run's time, and never changes once
/// published (a different value from the author is refused; the same instant written differently keeps the
/// target's text). A <c>published</c> or <c>withdrawn</c> later than the run is refused.</item>
/// <item>A record in the target but missing from the advisories is refused: records are withdrawn, not deleted.</item>
/// </list>
/// Every problem is collected; any problem refuses the whole publish (<see cref="PublishRefusedException"/>).
/// </summary>
public static class PublishPlanner
{
    /// <param name="advisories">The publishable records (embargoed and placeholder ones already left out).</param>
    /// <param name="heldIds">The IDs under embargo, shown in the plan and kept as they are if already in the target.</param>
    /// <param name="ledger">What the target holds.</param>
    /// <param name="now">The run's time; truncated to whole seconds.</param>
    /// <exception cref="PublishRefusedException">Something must be fixed before anything is published.</exception>
    public static PublishPlan Plan(IReadOnlyList<PublishableAdvisory> advisories, IReadOnlyList<string> heldIds, Ledger ledger, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(advisories);
        ArgumentNullException.ThrowIfNull(heldIds);
        ArgumentNullException.ThrowIfNull(ledger);
        var runTime = TruncateToSeconds(now);
        var findings = new List<Finding>();
        var held = new HashSet<string>(heldIds, StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var planned = new List<PlannedAdvisory>();

        foreach (var advisory in advisories)
        {
            var id = advisory.Record.Id;
            if (!sources.TryAdd(id, advisory.SourcePath))
                findings.Add(PublishFindings.DuplicateId(advisory, sources[id]));
            else if (!IsSafeFileName(id))
                findings.Add(PublishFindings.UnsafeId(advisory));
            else if (held.Contains(id))
                findings.Add(PublishFindings.HeldAndPublishable(advisory));
            else if (PlanOne(advisory, ledger.Find(id), runTime, findings) is { } entry)
                planned.Add(entry);
        }
        foreach (var id in held)
            planned.Add(new PlannedAdvisory(id, PublishAction.Held, null, null, ReadOnlyMemory<byte>.Empty, null, null, ledger.Find(id) is not null));
        foreach (var record in ledger.Records.OrderBy(record => record.Id, StringComparer.Ordinal))
            if (!sources.ContainsKey(record.Id) && !held.Contains(record.Id))
                findings.Add(PublishFindings.Disappeared(record.Id, ledger.Source));
        if (planned.Any(entry => entry.Writes) && ledger.Newest is { } newest && runTime <= newest.ModifiedTime)
            findings.Add(PublishFindings.ClockBehindTarget(OsvTimestamp.Format(runTime), newest, ledger.Source));

        if (findings.Count > 0)
            throw new PublishRefusedException(findings);
        return new PublishPlan(runTime, [.. planned.OrderBy(entry => entry.Id, StringComparer.Ordinal)], ledger);
    }

    /// <summary>
    /// Whether an ID can name a file in every target: ASCII letters, digits and <c>-._:+~</c>, not starting with a
    /// dot, at most 200 characters. No separator, comma or quote, so paths and CSV rows need no escaping.
    /// </summary>
    public static bool IsSafeFileName(string id) =>
        id.Length is > 0 and <= 200
        && id[0] != '.'
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or ':' or '+' or '~');

    private static PlannedAdvisory? PlanOne(PublishableAdvisory advisory, LedgerRecord? target, DateTimeOffset runTime, List<Finding> findings)
    {
        var record = advisory.Record;
        var runTimestamp = OsvTimestamp.Format(runTime);
        // Both fields are checked (no short circuit) so that one run reports both problems.
        if (!CheckTimestamp(advisory, "published", record.Published, runTime, findings, out var authoredPublished)
            | !CheckTimestamp(advisory, "withdrawn", record.Withdrawn, runTime, findings, out _))
            return null;

        string published;
        var publishedByThisRun = false;
        if (target?.PublishedTime is { } targetPublished)
        {
            if (authoredPublished is { } authored && authored != targetPublished)
            {
                findings.Add(PublishFindings.PublishedChanged(advisory, target.Published!));
                return null;
            }
            published = target.Published!;
        }
        else if (record.Published is not null)
        {
            published = record.Published;
        }
        else
        {
            published = runTimestamp;
            publishedByThisRun = true;
        }

        if (target is not null)
        {
            var asInTarget = record with { Modified = target.Modified, Published = published };
            var targetBytes = CanonicalOsvWriter.Write(asInTarget);
            var targetSha = GitBlobHash.Of(targetBytes);
            if (targetSha == target.ContentSha)
                return new PlannedAdvisory(record.Id, PublishAction.Unchanged, advisory.SourcePath, asInTarget, targetBytes, targetSha, null, InTarget: true, advisory.RequestCve);
        }

        var action = target is null ? PublishAction.New
            : record.IsWithdrawn && target.Withdrawn is null ? PublishAction.Withdrawn
            : PublishAction.Changed;
        var final = record with { Modified = runTimestamp, Published = published };
        var content = CanonicalOsvWriter.Write(final);
        var timeless = record with { Modified = null, Published = publishedByThisRun ? null : published };
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(CanonicalOsvWriter.Write(timeless)));
        return new PlannedAdvisory(record.Id, action, advisory.SourcePath, final, content, GitBlobHash.Of(content), fingerprint, InTarget: target is not null, advisory.RequestCve);
    }

    private static bool CheckTimestamp(PublishableAdvisory advisory, string field, string? value, DateTimeOffset runTime, List<Finding> findings, out DateTimeOffset? parsed)
    {
        parsed = null;
        if (value is null)
            return true;
        if (!OsvTimestamp.TryParse(value, out var time))
        {
            findings.Add(PublishFindings.InvalidTimestamp(advisory, field, value));
            return false;
        }
        parsed = time;
        if (time > runTime)
        {
            findings.Add(PublishFindings.FutureTimestamp(advisory, field, value, OsvTimestamp.Format(runTime)));
            return false;
        }
        return true;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
