using System.CommandLine;
using System.Text;
using AdvisoryPipeline.Cli.Output;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Cli.Commands;

/// <summary>
/// <c>advisory publish</c>: the canonical OSV JSON of the publishable advisories to every target, planned first
/// (<c>--dry-run</c> stops there), with <c>modified</c>/<c>published</c> managed against what each target holds.
/// </summary>
public static class PublishCommand
{
    /// <summary>The options <c>publish</c> and <c>run</c> share.</summary>
    public sealed class PublishOptions
    {
        public Option<string[]> Targets { get; } = new("--target")
        {
            Description = $"Where to publish: {PublishTargetSpec.FormsInWords}. Repeatable. Default: publish.targets of database.yaml, else {PublishTargetSpec.DefaultText}",
            HelpName = "SPEC",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };

        public Option<bool> PullRequest { get; } = new("--pull-request")
        {
            Description = "github: targets: push a branch and open a pull request instead of moving the branch",
        };

        public Option<string?> TokenVariable { get; } = new("--token-env")
        {
            Description = "The environment variable holding the GitHub token (default: GITHUB_TOKEN)",
            HelpName = "NAME",
        };

        public void AddTo(Command command)
        {
            command.Add(Targets);
            command.Add(PullRequest);
            command.Add(TokenVariable);
        }

        /// <summary>The targets of the run: <c>--target</c>, else <c>publish.targets</c> of the configuration, else the default.</summary>
        public IReadOnlyList<IPublishTarget> CreateTargets(ParseResult parse, CliEnvironment env, PublishableDatabase database)
        {
            var context = new PublishTargetContext(env.WorkingDirectory, env.GetVariable) { PullRequest = parse.GetValue(PullRequest) };
            if (parse.GetValue(TokenVariable) is { } variable) context = context with { TokenVariable = variable };
            return [.. PublishTargets.Choose(parse.GetValue(Targets) ?? [], database.Config).Select(spec => PublishTargets.Create(spec, context))];
        }
    }

    public static Command Create(CliEnvironment env)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Advisory files or folders of one database. Default: advisories/",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan (new, changed, withdrawn, unchanged, held) and write nothing" };
        var format = new Option<FindingFormat>("--format")
        {
            Description = "text, or json for programs (github is accepted and prints text)",
            DefaultValueFactory = _ => FindingFormat.Text,
        };
        var clock = new ClockOption();
        var publish = new PublishOptions();
        var validation = new CommonValidationOptions();
        var exclude = new ExcludeInvalidOption();
        var command = new Command("publish",
            "Publish the canonical OSV JSON records of the publishable advisories to the configured targets, in one atomic, idempotent change per target.")
        {
            paths, dryRun, format, clock.Option, exclude.Option,
        };
        publish.AddTo(command);
        validation.AddTo(command);
        command.SetAction(parse =>
        {
            var time = clock.Resolve(parse, env);
            var database = validation.LoadDatabase(parse, env, parse.GetValue(paths) ?? [], time, preview: false, exclude.IsGiven(parse));
            var results = Publisher.For(database)
                .PublishAsync(PublishRequest.For(database, time.GetUtcNow(), parse.GetValue(dryRun)), publish.CreateTargets(parse, env, database))
                .GetAwaiter().GetResult();
            if (parse.GetValue(format) == FindingFormat.Json)
            {
                env.Out.Write(Encoding.UTF8.GetString(PublishPlanJson.Write(results.Select(r => r.Plan))));
                return ExcludeInvalidOption.Report(env, database);
            }
            WriteResults(env.Out, results);
            return ExcludeInvalidOption.Report(env, database);
        });
        return command;
    }

    public static void WriteResults(TextWriter output, IReadOnlyList<TargetPublishResult> results)
    {
        foreach (var result in results)
        {
            output.Write(PublishPlanText.Render(result.Plan));
            if (result.Outcome is { } outcome) output.WriteLine(outcome.Description);
        }
    }
}
