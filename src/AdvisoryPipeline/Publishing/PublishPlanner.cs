using System.Security.Cryptography;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Git;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Identifiers;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Publishing;

/// <summary>
/// Decides what a publish does, comparing the advisories with what the target holds (its <see cref="Ledger"/>).
/// <para>Timestamps: the author's, completed by the tool, never lowered.</para>
/// <list type="bullet">
/// <item><c>published</c> is the author's value, else the target's, else the run's time (at first publication), and
/// never changes once published (a different value from the author is refused; the same instant written differently
/// keeps the target's text).</item>
/// <item><c>modified</c> is the author's value when the record is new, or when the author raised it above the
/// target's; a record whose <c>published</c> this run sets is modified at that time too. When the published content changes and the author did not raise it, it becomes the run's time; when the
/// content is the same, the target's value stays. So it is never lowered, and a change always moves it forward,
/// which consumers that fetch "what changed since" rely on.</item>
/// <item>The zero time (<see cref="OsvTimestamp.IsZero"/>) is no date. A <c>published</c>, <c>modified</c> or
/// <c>withdrawn</c> later than the run is refused, and so is a run that would stamp a change with a time not later
/// than the newest <c>modified</c> the target holds (a clock behind the target's).</item>
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
    /// <param name="excludedIds">The IDs left out for their errors: planned like held ones, as <see cref="PublishAction.Excluded"/>.</param>
    /// <exception cref="PublishRefusedException">Something must be fixed before anything is published.</exception>
    public static PublishPlan Plan(IReadOnlyList<PublishableAdvisory> advisories, IReadOnlyList<string> heldIds, Ledger ledger, DateTimeOffset now,
        IReadOnlyList<string>? excludedIds = null)
    {
        ArgumentNullException.ThrowIfNull(advisories);
        ArgumentNullException.ThrowIfNull(heldIds);
        ArgumentNullException.ThrowIfNull(ledger);
        var runTime = TruncateToSeconds(now);
        var findings = new List<Finding>();
        var held = new HashSet<string>(heldIds, StringComparer.Ordinal);
        var excluded = new HashSet<string>(excludedIds ?? [], StringComparer.Ordinal);
        excluded.ExceptWith(held);
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
        foreach (var id in excluded.Where(id => !sources.ContainsKey(id)))
            planned.Add(new PlannedAdvisory(id, PublishAction.Excluded, null, null, ReadOnlyMemory<byte>.Empty, null, null, ledger.Find(id) is not null));
        foreach (var record in ledger.Records.OrderBy(record => record.Id, StringComparer.Ordinal))
            if (!sources.ContainsKey(record.Id) && !held.Contains(record.Id) && !excluded.Contains(record.Id))
                findings.Add(PublishFindings.Disappeared(record.Id, ledger.Source));
        var runTimestamp = OsvTimestamp.Format(runTime);
        if (planned.Any(entry => entry.Writes && entry.Record?.Modified == runTimestamp) && ledger.Newest is { } newest && runTime <= newest.ModifiedTime)
            findings.Add(PublishFindings.ClockBehindTarget(OsvTimestamp.Format(runTime), newest, ledger.Source));

        if (findings.Count > 0)
            throw new PublishRefusedException(findings);
        return new PublishPlan(runTime, [.. planned.OrderBy(entry => entry.Id, StringComparer.Ordinal)], ledger);
    }

    /// <summary>Whether an ID can name a file in every target: the one ID policy (<see cref="AdvisoryId.UsabilityProblem"/>).</summary>
    public static bool IsSafeFileName(string id) => AdvisoryId.UsabilityProblem(id) is null;

    private static PlannedAdvisory? PlanOne(PublishableAdvisory advisory, LedgerRecord? target, DateTimeOffset runTime, List<Finding> findings)
    {
        var record = advisory.Record;
        var runTimestamp = OsvTimestamp.Format(runTime);
        // Every field is checked (no short circuit) so that one run reports every problem.
        if (!CheckTimestamp(advisory, "published", record.Published, runTime, findings, out var authoredPublished)
            | !CheckTimestamp(advisory, "modified", record.Modified, runTime, findings, out var authoredModified)
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
        else if (authoredPublished is not null)
        {
            published = record.Published!;
        }
        else
        {
            published = runTimestamp;
            publishedByThisRun = true;
        }

        // A draft's modified predates the publication this run stamps: the record is modified when it is published.
        var raisedByAuthor = authoredModified is { } modifiedTime && !publishedByThisRun
            && (target?.ModifiedTime is not { } targetModified || modifiedTime > targetModified);
        if (target is not null)
        {
            var asInTarget = record with { Modified = raisedByAuthor ? record.Modified : target.Modified, Published = published };
            var targetBytes = CanonicalOsvWriter.Write(asInTarget);
            var targetSha = GitBlobHash.Of(targetBytes);
            if (targetSha == target.ContentSha)
                return new PlannedAdvisory(record.Id, PublishAction.Unchanged, advisory.SourcePath, asInTarget, targetBytes, targetSha, null, InTarget: true, advisory.RequestCve);
        }

        var action = target is null ? PublishAction.New
            : record.IsWithdrawn && target.Withdrawn is null ? PublishAction.Withdrawn
            : PublishAction.Changed;
        var final = record with { Modified = raisedByAuthor ? record.Modified : runTimestamp, Published = published };
        var content = CanonicalOsvWriter.Write(final);
        var timeless = record with { Modified = null, Published = publishedByThisRun ? null : published };
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(CanonicalOsvWriter.Write(timeless)));
        return new PlannedAdvisory(record.Id, action, advisory.SourcePath, final, content, GitBlobHash.Of(content), fingerprint, InTarget: target is not null, advisory.RequestCve);
    }

    /// <summary>Checks an authored timestamp; <paramref name="parsed"/> is null when it gives no date (absent or the zero time).</summary>
    private static bool CheckTimestamp(PublishableAdvisory advisory, string field, string? value, DateTimeOffset runTime, List<Finding> findings, out DateTimeOffset? parsed)
    {
        parsed = null;
        if (value is null || OsvTimestamp.IsZero(value))
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
