using System.CommandLine;
using AdvisoryPipeline.Cli.Output;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Lint;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary><c>advisory validate [PATH...]</c>: load, schema-check and lint advisories; report findings.</summary>
public static class ValidateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Advisory files or folders (searched recursively for *.yaml, *.yml and *.json). Default: advisories/",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var options = new CommonValidationOptions();
        var format = new Option<FindingFormat>("--format")
        {
            Description = "Output: text (path:line:col: level[CODE]: message), json (one object per finding), github (workflow annotations)",
            DefaultValueFactory = _ => FindingFormat.Text,
        };

        var explain = new Option<string?>("--explain")
        {
            Description = "Print the explanation of a lint rule (e.g. OSV101) and exit",
            HelpName = "CODE",
        };

        var command = new Command("validate", "Check advisories against the OSV schema and the lint rules.")
        {
            paths, format, explain,
        };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            if (parse.GetValue(explain) is { } code)
            {
                var page = LintRules.Explain(code.Trim().ToUpperInvariant())
                    ?? throw new UsageException($"no lint rule {code}; the rules are {LintRules.All[0].Code} to {LintRules.All[^1].Code}");
                env.Out.Write(page);
                return ExitCodes.Success;
            }

            var writer = FindingWriter.Create(parse.GetValue(format), env.Out);
            // Each file's findings are printed as soon as it and the files before it are checked, not held for the run.
            var run = options.Run(parse, env, parse.GetValue(paths) ?? [], onChecked: checkedFile =>
            {
                foreach (var finding in checkedFile.Findings) writer.Write(finding);
            });
            foreach (var finding in run.Report.AllFindings) writer.Write(finding);
            foreach (var note in run.Notes) writer.Note(note);
            writer.Complete(new RunSummary(run.Report.Advisories.Count, run.Report.Errors, run.Report.Warnings, run.Notes.Count));
            return run.Report.HasErrors ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }
}
