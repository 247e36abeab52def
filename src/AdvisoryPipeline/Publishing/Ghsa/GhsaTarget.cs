using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Osv.Identifiers;
using AdvisoryPipeline.Publishing.GitHub;
using Octokit;

namespace AdvisoryPipeline.Publishing.Ghsa;

/// <summary>
/// <c>ghsa:OWNER/REPO</c>: one draft repository security advisory per OSV record in a GitHub repository (the
/// project's code repository, whose Security tab shows them), for maintainers to review, request a CVE and publish
/// on GitHub. Content mapping: <see cref="GhsaDraftMapper"/>.
/// <para><b>Ledger.</b> The drafts themselves: every description ends with <see cref="GhsaMarker"/>, an
/// <c>OSV: ID</c> line by which the draft is found again (never by summary) and a comment with the record's
/// timestamps and content SHA as this target's plan gave them when the draft was last written. Reading it is one
/// list request per 100 advisories (all states, every page). From it the shared planner tells new, changed,
/// withdrawn and unchanged records as for any target, so <c>--dry-run</c> shows what would be created, updated
/// or closed, and an unchanged run sends no write at all. A draft edited on GitHub is left as it is until its
/// record changes; then the fields that differ from the record are overwritten, and only those. A draft whose
/// comment was removed is planned as new but found by its marker and rewritten, never made twice.</para>
/// <para><b>Timestamps.</b> The timestamps in a draft are only this ledger: no advisory field carries them, so
/// ghsa never changes the timestamps other targets publish and never needs them. List it after the targets that
/// publish the records, so that a draft appears only once its record is published.</para>
/// <para><b>Applying.</b> Records are written in ID order: a new record is created (and closed at once when it is
/// withdrawn), a changed one gets one update with the fields that differ, a withdrawn one is closed. A published
/// advisory is never changed: what differs is reported. Held (embargoed) records are not in the plan's writes and
/// placeholder IDs are skipped, so neither reaches GitHub. When something is to be written, the advisories are
/// listed again first, and a change since the plan (another publisher, an edit) asks for a new plan.</para>
/// <para><b>Failures.</b> Requests are retried by the shared <see cref="GitHubRequestRunner"/>. A create whose answer
/// was lost is checked by listing again for its marker before it is sent again; an update is idempotent. Writes
/// are not atomic across records, but each draft carries its own ledger entry: after a failure half-way, the next
/// run creates the rest and nothing twice. A record GitHub refuses (422) is reported and the others still go.</para>
/// </summary>
public sealed class GhsaTarget : IPublishTarget
{
    /// <summary>What the ghsa: target needs its token for (classic tokens: the <c>repo</c> scope).</summary>
    public const string TokenUse =
        "the ghsa: target needs a token that may write the repository's security advisories (fine-grained: \"Repository security advisories\" write)";

    private readonly GhsaApi _api;
    private readonly GitHubRequestRunner _runner;

    /// <param name="name">The target as the user named it.</param>
    /// <param name="owner">The repository's owner.</param>
    /// <param name="repository">The repository whose security advisories hold the drafts.</param>
    /// <param name="options">How to reach GitHub; the token needs the "Repository security advisories" write permission.</param>
    public GhsaTarget(string name, string owner, string repository, GitHubTargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _runner = new GitHubRequestRunner(options.Retry, options.Delay, options.Clock);
        _api = new GhsaApi(options.Connect(), options.ApiBaseUrl, owner, repository, _runner);
    }

    public string Name { get; }

    /// <summary>Requests sent to GitHub by this target so far, retries included.</summary>
    public int RequestCount => _runner.RequestCount;

    public async Task<Ledger> ReadLedgerAsync(CancellationToken cancellationToken) =>
        (await ReadSourceAsync(cancellationToken)).ToLedger();

    public async Task<ApplyResult> ApplyAsync(PublishPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Ledger.Source is not GhsaLedgerSource source)
            throw new ArgumentException($"The plan was not made from {Name}'s ledger.", nameof(plan));
        var report = new GhsaApplyReport(Name);
        report.Note(source.Notes);
        report.Unchanged = plan.Count(PublishAction.Unchanged);
        var writes = new List<PlannedAdvisory>();
        foreach (var entry in plan.Written)
        {
            if (AdvisoryId.IsPlaceholderText(entry.Id))
                report.Note([new GhsaNote(entry.Id, "not sent: placeholder IDs never reach GitHub (run 'advisory assign-ids' first)")]);
            else
                writes.Add(entry);
        }
        if (writes.Count == 0)
            return ApplyResult.Done(new PublishOutcome(PublishOutcomeKind.NothingToWrite, report.Describe()));

        var fresh = await ReadSourceAsync(cancellationToken);
        if (!fresh.SameAdvisoriesAs(source))
            return ApplyResult.Replan(fresh.ToLedger(), "advisories made from OSV records changed on GitHub since the plan was made");

        foreach (var entry in writes)
        {
            try
            {
                await WriteAsync(entry, fresh.Ours.GetValueOrDefault(entry.Id), report, cancellationToken);
            }
            catch (PublishFailedException refused) when (refused.InnerException is ApiValidationException)
            {
                report.Rejected(entry.Id, refused.Message);
            }
            catch (PublishFailedException failure)
            {
                throw new PublishFailedException(
                    $"{failure.Message} So far: {report.Describe()}. Publish again to finish: drafts already made are found by their marker, none is made twice.",
                    failure.InnerException);
            }
        }
        if (report.HasRejections)
            throw new PublishFailedException($"{report.Describe()}. Fix the records GitHub refused and publish again.");
        return ApplyResult.Done(new PublishOutcome(report.Wrote ? PublishOutcomeKind.Written : PublishOutcomeKind.NothingToWrite, report.Describe()));
    }

    private async Task<GhsaLedgerSource> ReadSourceAsync(CancellationToken cancellationToken) =>
        GhsaLedgerSource.Of(Name, await _api.ListAsync(cancellationToken));

    private async Task WriteAsync(PlannedAdvisory entry, GhsaAdvisory? advisory, GhsaApplyReport report, CancellationToken cancellationToken)
    {
        var mapping = GhsaDraftMapper.Map(entry);
        var content = mapping.Content;
        report.Note(mapping.Notes);
        if (advisory is null)
        {
            var made = await _api.CreateAsync(entry.Id, content.CreateBody(), cancellationToken);
            // A withdrawn record's draft is created without its ledger comment, which comes with the closing: if
            // closing fails, the next run still sees the draft as to be done.
            if (content.UpdateOf(made) is { IsEmpty: false } closing)
                await _api.UpdateAsync(made.GhsaId, entry.Id, closing.Body, cancellationToken);
            report.Created(entry.Id, content.Closed);
            await RequestCveAsync(entry, made, content, report, cancellationToken);
            return;
        }
        var update = content.UpdateOf(advisory);
        if (advisory.IsPublished)
        {
            // Its state and ledger comment always differ; only a difference of substance is worth reporting.
            var fields = update.Fields
                .Where(field => field != "state" && (field != "description" || !GhsaMarker.SameBody(content.Description, advisory.Description)))
                .ToList();
            var withdrawn = content.Closed && advisory.State != "withdrawn";
            if (withdrawn || fields.Count > 0)
                report.LeftPublished(entry.Id, advisory, fields, withdrawn);
            else
                report.Unchanged++;
        }
        else if (update.IsEmpty)
        {
            report.Unchanged++;
        }
        else
        {
            var updated = await _api.UpdateAsync(advisory.GhsaId, entry.Id, update.Body, cancellationToken);
            report.Updated(entry.Id, update);
            await RequestCveAsync(entry, updated, content, report, cancellationToken);
        }
    }

    /// <summary>
    /// For teams that are not a CNA: the advisory's <c>request_cve: true</c> asks GitHub for a CVE ID when its draft is
    /// written and has none (neither from the record nor from GitHub). GitHub refusing a repeated request is a note.
    /// </summary>
    private async Task RequestCveAsync(PlannedAdvisory entry, GhsaAdvisory advisory, GhsaDraftContent content, GhsaApplyReport report, CancellationToken cancellationToken)
    {
        if (!entry.RequestCve || content.Closed || advisory.CveId is not null || content.CveId is not null) return;
        report.Note([await _api.RequestCveAsync(advisory.GhsaId, entry.Id, cancellationToken)
            ? new GhsaNote(entry.Id, $"CVE ID requested from GitHub for {advisory.GhsaId}")
            : new GhsaNote(entry.Id, $"GitHub refused a CVE request for {advisory.GhsaId}: one is already requested or assigned")]);
    }
}
