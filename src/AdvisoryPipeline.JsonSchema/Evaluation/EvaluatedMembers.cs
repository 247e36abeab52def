namespace AdvisoryPipeline.JsonSchema.Evaluation;

/// <summary>
/// Which properties (by position in the object) or items (by index) of one instance were evaluated by
/// successful in-place subschemas: the annotations that unevaluatedProperties/unevaluatedItems read.
/// Only allocated when the schema uses those keywords.
/// </summary>
internal sealed class EvaluatedMembers
{
    private ulong _first64;
    private ulong[]? _rest;
    private bool _all;

    public bool All => _all;

    public void MarkAll() => _all = true;

    public void Mark(int position)
    {
        if (position < 64) { _first64 |= 1UL << position; return; }
        var word = (position - 64) >> 6;
        if (_rest is null || _rest.Length <= word) Array.Resize(ref _rest, Math.Max(word + 1, (_rest?.Length ?? 0) * 2));
        _rest[word] |= 1UL << (position & 63);
    }

    public void MarkRange(int start, int end)
    {
        for (var i = start; i < end; i++) Mark(i);
    }

    public bool IsMarked(int position)
    {
        if (_all) return true;
        if (position < 64) return (_first64 & (1UL << position)) != 0;
        var word = (position - 64) >> 6;
        return _rest is not null && word < _rest.Length && (_rest[word] & (1UL << (position & 63))) != 0;
    }

    public void MergeFrom(EvaluatedMembers other)
    {
        _all |= other._all;
        _first64 |= other._first64;
        if (other._rest is null) return;
        if (_rest is null || _rest.Length < other._rest.Length) Array.Resize(ref _rest, other._rest.Length);
        for (var i = 0; i < other._rest.Length; i++) _rest[i] |= other._rest[i];
    }
}
