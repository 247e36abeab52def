using AdvisoryPipeline.Cve.Services;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Cve;

/// <summary>What publishing does to one record; <see cref="Foreign"/>: the ID belongs to another CNA, so it is left alone.</summary>
public enum CvePublishAction { Create, Update, Unchanged, Foreign }

/// <summary>What publishing will do to one CVE record.</summary>
/// <param name="Owner">The CNA that owns the ID, as CVE Services says.</param>
public sealed record CvePublishStep(string CveId, string AdvisoryId, CvePublishAction Action, CnaContainer Container, string? Owner = null)
{
    /// <summary>The plan's line: <c>create     CVE-2025-21364  TSSA-2025-1</c>.</summary>
    public override string ToString() =>
        $"  {Name(Action),-9}  {CveId,-16}  {AdvisoryId}" + (Action == CvePublishAction.Foreign ? $" (owned by {Owner})" : "");

    public static string Name(CvePublishAction action) => action switch
    {
        CvePublishAction.Create => "create",
        CvePublishAction.Update => "update",
        CvePublishAction.Unchanged => "unchanged",
        _ => "skipped",
    };
}

/// <summary>
/// Publishes CVE records idempotently: each ID must be reserved by this CNA (<c>GET /cve-id</c>); the published
/// record is read (<c>GET /cve</c>) and our container is sent only when there is none (<c>POST</c>) or it differs
/// (<c>PUT</c>). A second run with nothing changed reads and writes nothing else.
/// </summary>
public static class CvePublisher
{
    /// <exception cref="CveServicesException">An ID is unknown, owned by another CNA, rejected, or CVE Services failed.</exception>
    /// <param name="skipForeign">
    /// Leave IDs of other CNAs alone instead of failing (publishing every advisory: some have a CVE that GitHub or
    /// another CNA assigned).
    /// </param>
    public static async Task<IReadOnlyList<CvePublishStep>> PlanAsync(CveServicesClient client, IReadOnlyList<(string AdvisoryId, CveRecord Record)> records,
        bool skipForeign = false, CancellationToken cancellation = default)
    {
        var steps = new List<CvePublishStep>();
        foreach (var (advisoryId, record) in records)
        {
            var cveId = record.CveMetadata.CveId;
            var container = record.Containers.Cna;
            var id = await client.GetCveIdAsync(cveId, cancellation)
                ?? throw new CveServicesException($"{cveId} ({advisoryId}) is not known to CVE Services: reserve it with advisory cve reserve, or correct the alias", 404, null);
            if (!string.Equals(id.OwningCna, client.Org, StringComparison.OrdinalIgnoreCase) && skipForeign)
            {
                steps.Add(new CvePublishStep(cveId, advisoryId, CvePublishAction.Foreign, container, id.OwningCna));
                continue;
            }
            if (!string.Equals(id.OwningCna, client.Org, StringComparison.OrdinalIgnoreCase))
                throw new CveServicesException($"{cveId} ({advisoryId}) belongs to another CNA ({id.OwningCna}): only its owner can publish its record", 403, null);
            if (id.State == "REJECTED")
                throw new CveServicesException($"{cveId} ({advisoryId}) is rejected: a rejected ID cannot be published; reserve a new one", 400, null);
            var published = await client.GetRecordAsync(cveId, cancellation);
            var action = published is null || published.CveMetadata.State != "PUBLISHED" ? CvePublishAction.Create
                : Comparable(published.Containers.Cna).SequenceEqual(Comparable(container)) ? CvePublishAction.Unchanged
                : CvePublishAction.Update;
            steps.Add(new CvePublishStep(cveId, advisoryId, action, container));
        }
        return steps;
    }

    public static async Task ApplyAsync(CveServicesClient client, IReadOnlyList<CvePublishStep> steps, CancellationToken cancellation = default)
    {
        foreach (var step in steps)
        {
            switch (step.Action)
            {
                case CvePublishAction.Create:
                    try
                    {
                        await client.PublishAsync(step.CveId, step.Container, cancellation);
                    }
                    catch (CveServicesException exists) when (exists.Code == "CVE_RECORD_EXISTS")
                    {
                        // An earlier attempt whose answer was lost created it: make it ours.
                        await client.UpdateAsync(step.CveId, step.Container, cancellation);
                    }
                    break;
                case CvePublishAction.Update:
                    await client.UpdateAsync(step.CveId, step.Container, cancellation);
                    break;
            }
        }
    }

    /// <summary>
    /// The container as compared: what CVE Services adds (<c>providerMetadata.dateUpdated</c>, the short name) left
    /// out, and <c>datePublic</c> in one timestamp form, since the service may write it with milliseconds.
    /// </summary>
    private static byte[] Comparable(CnaContainer container) => CveRecordJson.Write(container with
    {
        ProviderMetadata = new CveProviderMetadata { OrgId = container.ProviderMetadata.OrgId },
        DatePublic = OsvTimestamp.TryParse(container.DatePublic, out var date) ? OsvTimestamp.FormatWholeSeconds(date) : container.DatePublic,
    });
}
