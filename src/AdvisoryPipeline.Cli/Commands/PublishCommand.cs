using System.CommandLine;
using System.Text;
using AdvisoryPipeline.Cli.Output;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Publishing;

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
            Description = "Where to publish: dir:PATH, git:PATH[#BRANCH][:FOLDER], github:OWNER/REPO[/FOLDER][#BRANCH], ghsa:OWNER/REPO. Repeatable. Default: publish.targets of database.yaml, else dir:out/osv",
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

        /// <summary>Plans every target, then (unless a dry run) applies the plans; refusals exit 1, failures 3.</summary>
        public IReadOnlyList<TargetPublishResult> Publish(ParseResult parse, CliEnvironment env, PublishableInput input, DateTimeOffset now, bool dryRun)
        {
            var specs = Specs(parse, input);
            var context = new PublishTargetContext(env.WorkingDirectory, env.GetVariable) { PullRequest = parse.GetValue(PullRequest) };
            if (parse.GetValue(TokenVariable) is { } variable) context = context with { TokenVariable = variable };

            var advisories = input.Set.Publishable
                .Select(record => new PublishableAdvisory(record, input.SourceOf(record.Id) ?? record.Id))
                .ToArray();
            var request = new PublishRequest(advisories, [.. input.Set.Held.Select(h => h.Id)], now, dryRun);
            var schema = input.Validation.Report.Advisories[0].Database.Schema;
            try
            {
                var targets = specs.Select(spec => PublishTargets.Create(spec, context)).ToArray();
                return new Publisher(new SchemaRecordValidator(schema)).PublishAsync(request, targets).GetAwaiter().GetResult();
            }
            catch (PublishRefusedException refused)
            {
                var writer = new TextFindingWriter(env.Error);
                foreach (var finding in refused.Findings) writer.Write(finding);
                throw new FindingsException("the publish was refused: nothing was written");
            }
            catch (PublishFailedException failed)
            {
                throw new IOException(failed.Message);
            }
        }

        private IReadOnlyList<PublishTargetSpec> Specs(ParseResult parse, PublishableInput input)
        {
            var texts = parse.GetValue(Targets) is { Length: > 0 } given ? given
                : input.Config.Publish?.Targets is { Count: > 0 } configured ? configured
                : [PublishTargetSpec.DefaultText];
            var specs = new List<PublishTargetSpec>();
            foreach (var text in texts)
            {
                if (!PublishTargetSpec.TryParse(text, out var spec, out var error))
                    throw new UsageException($"target {text}: {error}");
                specs.Add(spec);
            }
            return specs;
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
        var command = new Command("publish",
            "Publish the canonical OSV JSON records of the publishable advisories to the configured targets, in one atomic, idempotent change per target.")
        {
            paths, dryRun, format, clock.Option,
        };
        publish.AddTo(command);
        validation.AddTo(command);
        command.SetAction(parse =>
        {
            var time = clock.Resolve(parse, env);
            var input = PublishableInput.Load(validation, parse, env, parse.GetValue(paths) ?? [], time, preview: false, env.Error);
            var results = publish.Publish(parse, env, input, time.GetUtcNow(), parse.GetValue(dryRun));
            if (parse.GetValue(format) == FindingFormat.Json)
            {
                env.Out.Write(Encoding.UTF8.GetString(PublishPlanJson.Write(results.Select(r => r.Plan))));
                return ExitCodes.Success;
            }
            WriteResults(env.Out, results);
            return ExitCodes.Success;
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
