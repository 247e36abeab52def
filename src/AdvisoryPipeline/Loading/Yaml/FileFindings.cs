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

    /// <summary>In <see cref="FindingOrder"/>: by line and column, ties in the order found.</summary>
    public IReadOnlyList<Finding> InSourceOrder() => _findings.Count == 0 ? [] : FindingOrder.Sort(_findings);
}
