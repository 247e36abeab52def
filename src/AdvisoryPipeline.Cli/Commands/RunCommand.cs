using System.CommandLine;
using AdvisoryPipeline.Cli.Output;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Pipeline;
using AdvisoryPipeline.Validation;

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
        var signing = new SigningOptions("the site's .well-known/security.txt");
        var publish = new PublishCommand.PublishOptions();
        var validation = new CommonValidationOptions();
        var exclude = new ExcludeInvalidOption();
        var command = new Command("run", "Validate, publish and render: the whole pipeline on one database with its embedded defaults.")
        {
            paths, output, clock.Option, exclude.Option,
        };
        publish.AddTo(command);
        signing.AddTo(command);
        validation.AddTo(command);
        command.SetAction(parse =>
        {
            var time = clock.Resolve(parse, env);
            var now = time.GetUtcNow();
            var validated = validation.Run(parse, env with { Clock = time }, parse.GetValue(paths) ?? [], keepRecords: true);
            var database = PublishableDatabase.From(validated.Report, now, excludeInvalid: exclude.IsGiven(parse));
            var report = validated.Report;
            var findings = FindingWriter.Create(FindingFormat.Text, env.Out);
            foreach (var note in validated.Notes) findings.Note(note);
            foreach (var finding in report.AllFindings.Where(f => f.Level == FindingLevel.Warning)) findings.Write(finding);
            findings.Complete(new RunSummary(report.Advisories.Count, report.Errors, report.Warnings, database.Held.Count));

            var folder = parse.GetValue(output)!;
            var signer = signing.CreateSigner(parse, env, now);
            var result = PipelineRun.RunAsync(database, publish.CreateTargets(parse, env, database), Path.GetFullPath(folder, env.WorkingDirectory), folder, now,
                    signer)
                .GetAwaiter().GetResult();
            PublishCommand.WriteResults(env.Out, result.Published);
            RenderCommand.WriteFindings(env, result.Rendered);
            foreach (var line in result.RenderLines) env.Out.WriteLine(line);
            return ExcludeInvalidOption.Report(env, database);
        });
        return command;
    }
}
