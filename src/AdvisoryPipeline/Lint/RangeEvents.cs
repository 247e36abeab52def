using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Lint;

/// <summary>The events of one range with their versions parsed, in the order the author wrote them.</summary>
internal sealed class RangeEvents
{
    private readonly OsvEvent[] _events;
    private readonly ParsedVersion[] _versions;

    public RangeEvents(OsvEvent[] events, ParsedVersion[] versions)
    {
        _events = events;
        _versions = versions;
    }

    public int Count => _events.Length;

    public OsvEvent Event(int index) => _events[index];

    public ParsedVersion Version(int index) => _versions[index];

    /// <summary>
    /// The affected spans as OSV defines them: events sorted by version (stably, so that equal versions keep the
    /// author's order), an introduced opening a span when none is open, any other event closing the open one.
    /// </summary>
    public IReadOnlyList<VersionSpan> Spans()
    {
        var order = new int[_events.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => _versions[a].CompareTo(_versions[b]) is var c && c != 0 ? c : a.CompareTo(b));

        var spans = new List<VersionSpan>();
        ParsedVersion? openedAt = null;
        foreach (var i in order)
        {
            var kind = _events[i].Kind;
            if (kind == OsvEventKind.Introduced)
            {
                openedAt ??= _versions[i];
                continue;
            }
            if (openedAt is null) continue;
            spans.Add(new VersionSpan(openedAt, _versions[i], kind == OsvEventKind.LastAffected));
            openedAt = null;
        }
        if (openedAt is not null) spans.Add(new VersionSpan(openedAt, null, false));
        return spans;
    }
}
