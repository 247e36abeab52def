namespace AdvisoryPipeline.JsonSchema.Keywords;

/// <summary>Schema property names looked up by span, so that instance names need not become strings.</summary>
internal sealed class PropertyNameTable
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public PropertyNameTable(IReadOnlyList<string> names)
    {
        var indexes = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++) indexes.TryAdd(names[i], i);
        _lookup = indexes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryFind(ReadOnlySpan<char> name, out int index) => _lookup.TryGetValue(name, out index);
}
