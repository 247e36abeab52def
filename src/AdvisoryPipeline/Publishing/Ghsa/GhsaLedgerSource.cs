using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Publishing.Ghsa;

/// <summary>
/// The ledger's origin for a ghsa target: the repository's advisories that carry an OSV marker, by OSV ID, as
/// listed when the ledger was read.
/// </summary>
/// <param name="Name">The target as the user named it.</param>
/// <param name="Ours">The advisory of each OSV record.</param>
/// <param name="AdvisoryCount">How many advisories the repository has in all (ours and others).</param>
/// <param name="Notes">Advisories that carry the marker of a record that another advisory already stands for.</param>
internal sealed record GhsaLedgerSource(string Name, IReadOnlyDictionary<string, GhsaAdvisory> Ours, int AdvisoryCount, IReadOnlyList<GhsaNote> Notes)
    : LedgerSource
{
    public override string Description => $"{Name} ({Ours.Count} advisories from OSV records, {AdvisoryCount} in all)";

    /// <summary>
    /// Sorts the repository's advisories: one per OSV marker. When several carry the same marker (made by hand, or
    /// by another tool), the published one wins (it cannot be replaced), then an open draft, then a closed one,
    /// then the lowest GHSA ID; the others are noted.
    /// </summary>
    public static GhsaLedgerSource Of(string name, IReadOnlyList<GhsaAdvisory> advisories)
    {
        var ours = new Dictionary<string, GhsaAdvisory>(StringComparer.Ordinal);
        var notes = new List<GhsaNote>();
        foreach (var copies in advisories.Where(advisory => advisory.Marker is not null).GroupBy(advisory => advisory.Marker!.OsvId, StringComparer.Ordinal))
        {
            var ranked = copies.OrderBy(advisory => advisory.IsPublished ? 0 : advisory.IsClosed ? 2 : 1).ThenBy(advisory => advisory.GhsaId, StringComparer.Ordinal).ToList();
            ours[copies.Key] = ranked[0];
            notes.AddRange(ranked.Skip(1).Select(extra => new GhsaNote(extra.GhsaId,
                $"also carries the marker of {copies.Key}, whose advisory is {ranked[0].GhsaId}: close it or remove its 'OSV:' line")));
        }
        return new GhsaLedgerSource(name, ours, advisories.Count, notes);
    }

    /// <summary>
    /// The ledger: the entries of the advisories whose ledger comment is intact. One without it (deleted by hand,
    /// or a withdrawn record's draft whose closing failed) is planned as new but updated, not created again, since
    /// applying finds it by its marker; and an "OSV:" line that ends someone else's text makes no record of ours.
    /// </summary>
    public Ledger ToLedger() => new(this, Ours
        .Where(pair => pair.Value.Marker?.Ledger is not null)
        .Select(pair => pair.Value.Marker!.Ledger!.ToLedgerRecord(pair.Key)));

    /// <summary>
    /// Whether <paramref name="other"/> lists the same advisories of ours, none changed since. GitHub's update
    /// time counts only to the second, so the texts that carry the ledger are compared too.
    /// </summary>
    public bool SameAdvisoriesAs(GhsaLedgerSource other) =>
        Ours.Count == other.Ours.Count
        && Ours.All(pair => other.Ours.TryGetValue(pair.Key, out var advisory)
            && (advisory.GhsaId, advisory.State, advisory.UpdatedAt, advisory.Summary, advisory.Description)
                == (pair.Value.GhsaId, pair.Value.State, pair.Value.UpdatedAt, pair.Value.Summary, pair.Value.Description));
}
