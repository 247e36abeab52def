using System.CommandLine;
using AdvisoryPipeline.Cli.Output;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Publishing;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>
/// <c>advisory run</c>: the whole pipeline with the database's settings: validate, publish the OSV records to the
/// configured targets (default <c>dir:out/osv</c>), then render the site, Markdown pages and mails to <c>out/</c>
/// from the records as published, so that pages show the timestamps the targets hold. A second run with nothing
/// changed writes nothing.
/// </summary>
public static class RunCommand
{
    public static Command Create(CliEnvironment env)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Advisory files or folders of one database. Default: advisories/",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder to render site/, markdown/ and mail/ into",
            DefaultValueFactory = _ => RenderCommand.DefaultOut,
            HelpName = "DIR",
        };
        var clock = new ClockOption();
        var publish = new PublishCommand.PublishOptions();
        var validation = new CommonValidationOptions();
        var command = new Command("run", "Validate, publish and render: the whole pipeline on one database with its embedded defaults.")
        {
            paths, output, clock.Option,
        };
        publish.AddTo(command);
        validation.AddTo(command);
        command.SetAction(parse =>
        {
            var time = clock.Resolve(parse, env);
            var input = PublishableInput.Load(validation, parse, env, parse.GetValue(paths) ?? [], time, preview: false, env.Out);
            var report = input.Validation.Report;
            var findings = FindingWriter.Create(FindingFormat.Text, env.Out);
            foreach (var note in input.Validation.Notes) findings.Note(note);
            foreach (var finding in report.AllFindings.Where(f => f.Level == Diagnostics.FindingLevel.Warning)) findings.Write(finding);
            findings.Complete(new RunSummary(report.Advisories.Count, report.Errors, report.Warnings, input.Set.Held.Count));

            var results = publish.Publish(parse, env, input, time.GetUtcNow(), dryRun: false);
            PublishCommand.WriteResults(env.Out, results);

            // Pages show each record as its first target holds it: with the timestamps that target manages.
            var published = results[0].Plan.Advisories
                .Where(a => a.Action != PublishAction.Held && a.Record is not null)
                .Select(a => a.Record!)
                .ToArray();
            RenderCommand.Render(env, input, published, parse.GetValue(output)!, time.GetUtcNow());
            return ExitCodes.Success;
        });
        return command;
    }
}
