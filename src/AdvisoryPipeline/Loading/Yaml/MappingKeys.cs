namespace AdvisoryPipeline.Loading.Yaml;

/// <summary>
/// The keys of the open mappings, for duplicate detection. Keys live in one shared list (a mapping's keys
/// start where it opened and are dropped when it closes), so small mappings cost no allocation; a mapping
/// that grows large gets a dictionary, so that detection stays linear.
/// </summary>
internal sealed class MappingKeys
{
    private const int LinearLimit = 32;

    private (string Key, int Line)[] _keys = new (string, int)[64];
    private int _count;
    private Dictionary<int, Dictionary<string, int>>? _large;

    /// <summary>Opens a mapping; the result identifies it in the other calls.</summary>
    public int Open() => _count;

    /// <summary>Line where <paramref name="key"/> was defined in <paramref name="mapping"/>, or null.</summary>
    public int? LineOf(int mapping, string key)
    {
        if (_large is not null && _large.TryGetValue(mapping, out var index))
            return index.TryGetValue(key, out var line) ? line : null;
        for (var i = mapping; i < _count; i++)
            if (string.Equals(_keys[i].Key, key, StringComparison.Ordinal))
                return _keys[i].Line;
        return null;
    }

    public void Add(int mapping, string key, int line)
    {
        if (_large is not null && _large.TryGetValue(mapping, out var index))
        {
            index[key] = line;
            return;
        }
        if (_count == _keys.Length) Array.Resize(ref _keys, _keys.Length * 2);
        _keys[_count++] = (key, line);
        if (_count - mapping <= LinearLimit) return;

        index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = mapping; i < _count; i++) index[_keys[i].Key] = _keys[i].Line;
        (_large ??= [])[mapping] = index;
    }

    public void Close(int mapping)
    {
        _large?.Remove(mapping);
        Array.Clear(_keys, mapping, _count - mapping);
        _count = mapping;
    }

    public void Clear() => Close(0);
}
