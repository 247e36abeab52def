using System.Collections.Concurrent;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// Results shared by the records of one run, for checks whose inputs repeat across advisories (versions of one
/// package, CVSS vectors, purls) and whose computation costs more than a lookup. Safe for parallel use; it stops
/// growing at its capacity, after which results are computed every time, so memory stays bounded on any database.
/// </summary>
internal sealed class RunCache<TKey, TValue>(int capacity) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new();

    // ConcurrentDictionary.Count takes every lock of the table: counted here instead (100,000 new versions in one
    // file spent 40% of their time waiting in Count).
    private int _count;

    public TValue GetOrAdd<TState>(TKey key, TState state, Func<TKey, TState, TValue> compute)
    {
        if (_entries.TryGetValue(key, out var value)) return value;
        value = compute(key, state);
        if (Volatile.Read(ref _count) < capacity && _entries.TryAdd(key, value)) Interlocked.Increment(ref _count);
        return value;
    }
}
