using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Cli.Output;

/// <summary><c>path:line:col: error[CODE]: message</c> and an indented hint line, as compilers print.</summary>
public sealed class TextFindingWriter(TextWriter output) : FindingWriter
{
    public override void Write(Finding finding)
    {
        // Written in parts: a repeat run over 50,000 files prints 155,000 findings, and a string per location showed.
        var location = finding.Location;
        output.Write(location.File);
        if (location.Line > 0)
        {
            Span<char> numbers = stackalloc char[24];
            numbers[0] = ':';
            location.Line.TryFormat(numbers[1..], out var line, provider: System.Globalization.CultureInfo.InvariantCulture);
            numbers[1 + line] = ':';
            location.Column.TryFormat(numbers[(2 + line)..], out var column, provider: System.Globalization.CultureInfo.InvariantCulture);
            output.Write(numbers[..(2 + line + column)]);
        }
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
