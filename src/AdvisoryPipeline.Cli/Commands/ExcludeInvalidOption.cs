using System.CommandLine;
using AdvisoryPipeline.Cli.Output;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>
/// <c>--exclude-invalid</c>: produce the valid advisories and leave out those with errors, deliberately. Each one left
/// out is listed with its errors, nothing is written for it, what targets hold of it stays as it is, and the exit code
/// (<see cref="ExitCodes.RecordsExcluded"/>) says that advisories were left out.
/// </summary>
public sealed class ExcludeInvalidOption
{
    public Option<bool> Option { get; } = new("--exclude-invalid")
    {
        Description = "Leave out advisories with errors (each is listed with its errors; what targets hold of it is kept) and produce the rest; exit code 4 says some were left out",
    };

    public bool IsGiven(ParseResult parse) => parse.GetValue(Option);

    /// <summary>Lists what was left out on the error stream; the exit code of a command that otherwise succeeded.</summary>
    public static int Report(CliEnvironment env, PublishableDatabase database)
    {
        if (database.Excluded.Count == 0) return ExitCodes.Success;
        var findings = new TextFindingWriter(env.Error);
        foreach (var excluded in database.Excluded)
            foreach (var error in excluded.Errors)
                findings.Write(error);
        env.Error.WriteLine($"advisory: left out {database.Excluded.Count} advisory(ies) with errors, as --exclude-invalid asks; nothing was written for them:");
        foreach (var excluded in database.Excluded) env.Error.WriteLine("  " + excluded);
        return ExitCodes.RecordsExcluded;
    }
}
