using System.Runtime.InteropServices;
using AdvisoryPipeline.Rendering.Html;
using YamlDotNet.Core.Events;

namespace AdvisoryPipeline.Loading.Yaml;

/// <summary>An anchored node: a stretch of the <see cref="AnchorLog"/>, and how many nodes it expands to.</summary>
internal sealed class AnchorRecording(string name, int first, int depth)
{
    public string Name { get; } = name;
    public int First { get; } = first;

    /// <summary>Collection depth at which the node ends.</summary>
    public int Depth { get; } = depth;

    public int Last { get; set; } = first;

    /// <summary>Nodes the anchored node stands for, with the aliases inside it expanded; saturates instead of overflowing.</summary>
    public long ExpandedNodes { get; set; }
}

/// <summary>A parser event inside an anchored node; an alias event carries the recording it referred to when it was read.</summary>
internal readonly record struct LoggedEvent(ParsingEvent Event, AnchorRecording? AliasTarget, long NodesBefore);

/// <summary>
/// Keeps the parser events of anchored nodes so that aliases can be replayed. Events are logged once, in a
/// single list, however deeply anchors nest; each recording knows its expanded size from running totals,
/// so an alias bomb is recognised by arithmetic before anything is expanded.
/// </summary>
internal sealed class AnchorLog
{
    private const long Saturated = 1L << 60;

    private readonly List<LoggedEvent> _events = [];
    private readonly Dictionary<string, AnchorRecording> _anchors = new(StringComparer.Ordinal);
    private readonly List<AnchorRecording> _open = [];
    private long _totalNodes;
    private int _depth;

    public AnchorRecording? Find(string anchor) => _anchors.GetValueOrDefault(anchor);

    public ReadOnlySpan<LoggedEvent> EventsOf(AnchorRecording recording) =>
        CollectionsMarshal.AsSpan(_events)[recording.First..(recording.Last + 1)];

    /// <summary>The recorded node if it is a single scalar, which may stand as a key.</summary>
    public Scalar? AsScalar(AnchorRecording recording) =>
        recording.First == recording.Last ? _events[recording.First].Event as Scalar : null;

    public void Observe(ParsingEvent e)
    {
        var anchor = e is NodeEvent node && !node.Anchor.IsEmpty ? node.Anchor.Value : null;
        if (_open.Count == 0 && anchor is null) return;

        switch (e)
        {
            case Scalar:
                var first = _events.Count;
                Append(e, null, 1);
                if (anchor is not null) Complete(new AnchorRecording(anchor, first, _depth));
                break;
            case MappingStart or SequenceStart:
                if (anchor is not null)
                {
                    // Until the node is complete, an alias inside it cannot refer to it (that would be a cycle).
                    _anchors.Remove(anchor);
                    _open.Add(new AnchorRecording(anchor, _events.Count, _depth));
                }
                Append(e, null, 1);
                _depth++;
                break;
            case MappingEnd or SequenceEnd:
                Append(e, null, 0);
                _depth--;
                while (_open.Count > 0 && _open[^1].Depth == _depth)
                {
                    var recording = _open[^1];
                    _open.RemoveAt(_open.Count - 1);
                    Complete(recording);
                }
                break;
            case AnchorAlias alias:
                var target = Find(alias.Value.Value);
                Append(e, target, target?.ExpandedNodes ?? 1);
                break;
        }
    }

    public void Clear()
    {
        _events.Clear();
        _anchors.Clear();
        _open.Clear();
        _totalNodes = 0;
        _depth = 0;
    }

    private void Complete(AnchorRecording recording)
    {
        recording.Last = _events.Count - 1;
        recording.ExpandedNodes = _totalNodes - _events[recording.First].NodesBefore;
        _anchors[recording.Name] = recording;
    }

    private void Append(ParsingEvent e, AnchorRecording? aliasTarget, long nodes)
    {
        _events.Add(new LoggedEvent(e, aliasTarget, _totalNodes));
        _totalNodes = Math.Min(_totalNodes + nodes, Saturated);
    }
}
