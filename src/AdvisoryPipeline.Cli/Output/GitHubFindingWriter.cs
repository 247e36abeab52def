using System.Text;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,col=…,title=CODE::message</c>), which the
/// runner turns into annotations on the pull request's YAML lines.
/// </summary>
public sealed class GitHubFindingWriter(TextWriter output) : FindingWriter
{
    public override void Write(Finding finding)
    {
        var command = finding.Level switch
        {
            FindingLevel.Error => "error",
            FindingLevel.Warning => "warning",
            _ => "notice",
        };
        var sb = new StringBuilder("::").Append(command).Append(" file=").Append(EscapeProperty(finding.Location.File));
        if (finding.Location.Line > 0)
            sb.Append(",line=").Append(finding.Location.Line).Append(",col=").Append(finding.Location.Column);
        sb.Append(",title=").Append(EscapeProperty(finding.Code)).Append("::").Append(EscapeData(finding.Message));
        if (finding.Hint is { Length: > 0 } hint)
            sb.Append("%0A").Append(EscapeData("hint: " + hint));
        output.WriteLine(sb.ToString());
    }

    private readonly List<string> _notes = [];

    public override void Note(string text) => _notes.Add(text);

    public override void Complete(RunSummary summary)
    {
        foreach (var note in _notes) output.WriteLine("::notice::" + EscapeData(note));
        output.WriteLine(SummaryLine(summary));
    }

    // The runner splits commands on these characters; see "workflow commands" in GitHub's documentation.
    internal static string EscapeData(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    internal static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");
}
