using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Publishing;

/// <summary>
/// What a target already holds: the published version of each record, by ID. The target is the ledger of
/// <c>modified</c> and <c>published</c>: they are read back from it, never from the authors' files.
/// </summary>
public sealed class Ledger
{
    private readonly Dictionary<string, LedgerRecord> _records;

    /// <exception cref="ArgumentException">Two records have the same ID.</exception>
    public Ledger(LedgerSource source, IEnumerable<LedgerRecord> records)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(records);
        Source = source;
        _records = new Dictionary<string, LedgerRecord>(StringComparer.Ordinal);
        foreach (var record in records)
            if (!_records.TryAdd(record.Id, record))
                throw new ArgumentException($"The ledger of {source.Description} holds {record.Id} twice.", nameof(records));
        Newest = _records.Values.MaxBy(record => record.ModifiedTime);
    }

    /// <summary>Where the ledger was read, with what the target needs to apply a plan made from it.</summary>
    public LedgerSource Source { get; }

    public IReadOnlyCollection<LedgerRecord> Records => _records.Values;

    /// <summary>The record with the latest <c>modified</c>, or null for an empty target.</summary>
    public LedgerRecord? Newest { get; }

    public LedgerRecord? Find(string id) => _records.GetValueOrDefault(id);
}

/// <summary>One record as published in a target.</summary>
/// <param name="Id">The record's ID.</param>
/// <param name="Modified">Its <c>modified</c> text.</param>
/// <param name="Published">Its <c>published</c> text, or null when the target's version has none.</param>
/// <param name="Withdrawn">Its <c>withdrawn</c> text, or null.</param>
/// <param name="ContentSha">The git blob SHA-1 (<see cref="GitBlobHash"/>) of its published bytes.</param>
public sealed record LedgerRecord(string Id, string Modified, string? Published, string? Withdrawn, string ContentSha)
{
    public DateTimeOffset ModifiedTime { get; } = ParseTimestamp(Id, "modified", Modified);

    public DateTimeOffset? PublishedTime { get; } = Published is null ? null : ParseTimestamp(Id, "published", Published);

    private static DateTimeOffset ParseTimestamp(string id, string field, string text) =>
        OsvTimestamp.TryParse(text, out var value)
            ? value
            : throw new ArgumentException($"{id}: '{text}' is not a valid {field} time.", field);
}

/// <summary>Identifies the state of a target a ledger was read from; targets extend it with what applying needs.</summary>
public abstract record LedgerSource
{
    /// <summary>One line for people, such as <c>github:acme/advisory-db#main at 1a2b3c4</c>.</summary>
    public abstract string Description { get; }
}
