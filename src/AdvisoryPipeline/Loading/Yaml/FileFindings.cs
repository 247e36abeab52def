




using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Loading.Yaml;

/// <summary>The findings of one file being loaded, located in it and handed out in source order.</summary>
internal sealed class FileFindings
{
    private readonly List<Finding> _findings = [];
    private string _path = "";

    public void Start(string path)
    {
        _findings.Clear();
        _path = path;
    }

    public void Add(PendingFinding finding, SourceSpan place, string? pointer) =>
        _findings.Add(new Finding(finding.Code, finding.Level, finding.Message,
            new SourceLocation(_path, place.Line, place.Column), finding.Hint, pointer));

    public void AddForWholeFile(PendingFinding finding, string? pointer) =>
        _findings.Add(new Finding(finding.Code, finding.Level, finding.Message, SourceLocation.WholeFile(_path), finding.Hint, pointer));

    /// <summary>Sorted by line and column; findings at the same place keep the order in which they were found.</summary>
    public IReadOnlyList<Finding> InSourceOrder()
    {
        if (_findings.Count == 0) return [];
        var found = _findings.ToArray();
        var order = Enumerable.Range(0, found.Length).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byLine = found[a].Location.Line.CompareTo(found[b].Location.Line);
            if (byLine != 0) return byLine;
            var byColumn = found[a].Location.Column.CompareTo(found[b].Location.Column);
            return byColumn != 0 ? byColumn : a.CompareTo(b);
        });
        return Array.ConvertAll(order, i => found[i]);
    }
}
