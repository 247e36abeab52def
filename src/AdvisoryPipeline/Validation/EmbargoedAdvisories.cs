using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Validation;

/// <summary>A held advisory's record, for its pre-notification: never for public output.</summary>
/// <param name="Until">Its <c>embargo_until</c>: the planned public date.</param>
public sealed record EmbargoedAdvisory(OsvRecord Record, DateTimeOffset Until, string SourcePath);

/// <summary>
/// The one place that hands out the records of held advisories, and only to <c>advisory prenotify</c>: everything
/// public takes its records from <see cref="PublishableDatabase"/>, which has none of them. An advisory that is
/// already public, a placeholder ID, or an embargo that cannot be read is refused here.
/// </summary>
public sealed class EmbargoedAdvisories
{
    private readonly Dictionary<string, EmbargoedAdvisory> _held;

    private EmbargoedAdvisories(PublishableDatabase database, Dictionary<string, EmbargoedAdvisory> held)
    {
        Database = database;
        _held = held;
    }

    /// <summary>The database they belong to: its configuration, and what is public.</summary>
    public PublishableDatabase Database { get; }

    /// <exception cref="FindingsException">The advisories have errors.</exception>
    /// <exception cref="UsageException">Several databases, or none.</exception>
    public static EmbargoedAdvisories From(ValidationReport report, DateTimeOffset now)
    {
        var database = PublishableDatabase.From(report, now);
        var heldIds = database.Held.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var held = new Dictionary<string, EmbargoedAdvisory>(StringComparer.Ordinal);
        foreach (var checkedAdvisory in report.Advisories)
            if (checkedAdvisory.Advisory is { } advisory && heldIds.Contains(advisory.Id) && advisory.Authoring.EmbargoUntil is { } until)
                held.TryAdd(advisory.Id, new EmbargoedAdvisory(advisory.Record, until, checkedAdvisory.Path));
        return new EmbargoedAdvisories(database, held);
    }

    /// <summary>The held advisories named, in the order given, each once.</summary>
    /// <exception cref="UsageException">An ID that is public, a placeholder, unknown, or whose embargo cannot be read.</exception>
    public IReadOnlyList<EmbargoedAdvisory> Select(IReadOnlyList<string> ids)
    {
        var selected = new List<EmbargoedAdvisory>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (Database.Placeholders.Contains(id))
                throw new UsageException($"{id} has a placeholder ID: run advisory assign-ids first, so that recipients can refer to it");
            if (Database.SourceOf(id) is not null)
                throw new UsageException($"{id} is already public (it has no embargo_until in the future): a pre-notification is for embargoed advisories only; announce it instead");
            if (!_held.TryGetValue(id, out var advisory))
                throw new UsageException($"{id}: no such advisory in the database");
            if (advisory.Until == DateTimeOffset.MaxValue)
                throw new UsageException($"{id}: its embargo_until cannot be read, so it has no public date to announce; correct it first");
            selected.Add(advisory);
        }
        return selected;
    }
}
