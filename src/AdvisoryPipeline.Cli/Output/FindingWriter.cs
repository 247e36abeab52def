using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Cli.Output;

/// <summary>Totals printed after the findings of a run.</summary>
public readonly record struct RunSummary(int Advisories, int Errors, int Warnings, int Held = 0);

/// <summary>Prints the findings of a run in one <see cref="FindingFormat"/>.</summary>
public abstract class FindingWriter
{
    public abstract void Write(Finding finding);

    /// <summary>
    /// A line that is not a finding, such as "TSSA-2026-4 held until 2026-12-01T00:00:00Z": shown with the summary, after
    /// the findings, because findings are written while the run goes on and notes are known only at its end.
    /// </summary>
    public abstract void Note(string text);

    /// <summary>Ends the output; called exactly once, last.</summary>
    public abstract void Complete(RunSummary summary);

    public static FindingWriter Create(FindingFormat format, TextWriter output) => format switch
    {
        FindingFormat.Json => new JsonFindingWriter(output),
        FindingFormat.GitHub => new GitHubFindingWriter(output),
        _ => new TextFindingWriter(output),
    };

    public static string LevelName(FindingLevel level) => level switch
    {
        FindingLevel.Error => "error",
        FindingLevel.Warning => "warning",
        _ => "info",
    };

    public static string SummaryLine(RunSummary s)
    {
        var line = $"{Count(s.Advisories, "advisory", "advisories")} checked, {Count(s.Errors, "error", "errors")}, {Count(s.Warnings, "warning", "warnings")}";
        return s.Held > 0 ? $"{line}, {s.Held} held" : line;
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
