using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Cli.Output;

/// <summary><c>path:line:col: error[CODE]: message</c> and an indented hint line, as compilers print.</summary>
public sealed class TextFindingWriter(TextWriter output) : FindingWriter
{
    public override void Write(Finding finding)
    {
        finding.Location.WriteTo(output);
        output.Write(": ");
        output.Write(LevelName(finding.Level));
        output.Write('[');
        output.Write(finding.Code);
        output.Write("]: ");
        output.WriteLine(finding.Message);
        if (finding.Hint is { Length: > 0 } hint)
        {
            output.Write("    hint: ");
            output.WriteLine(hint);
        }
    }

    private readonly List<string> _notes = [];

    public override void Note(string text) => _notes.Add(text);

    public override void Complete(RunSummary summary)
    {
        foreach (var note in _notes) output.WriteLine(note);
        output.WriteLine(SummaryLine(summary));
    }
}
