using System.Text;
using AdvisoryPipeline.Cli;
using AdvisoryPipeline.Lifecycle;
using AdvisoryPipeline.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace AdvisoryPipeline.Tests.Workflows;

/// <summary>
/// The GitHub Actions workflows call the <c>advisory</c> command line, through the tool's action (<c>command:</c>) or in
/// scripts; a renamed command or option would only fail on GitHub, after merge. Every <c>advisory</c> invocation in this
/// repository's workflows, in the action and in the workflows <c>advisory init</c> writes must parse with the real
/// command tree, and the workflows keep the properties the pipeline relies on.
/// </summary>
public sealed class WorkflowCommandsTests
{
    public static TheoryData<string> WorkflowFiles() => [.. WorkflowDocument.RepositoryWorkflowNames()];

    /// <summary>This repository's workflows, the generated ones and the action: every file that calls the tool.</summary>
    public static TheoryData<string> FilesThatRunTheTool() => [.. WorkflowDocument.All().Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(FilesThatRunTheTool))]
    public void Every_advisory_command_exists_with_those_options(string file)
    {
        var invocations = Invocations(WorkflowDocument.Named(file)).ToArray();

        Assert.NotEmpty(invocations);
        var root = AdvisoryCli.BuildRoot(new CliRunner(Path.GetTempPath()).Environment());
        foreach (var (step, arguments) in invocations)
        {
            var parse = root.Parse(arguments);
            Assert.True(parse.Errors.Count == 0,
                $"{file}, step \"{step}\": advisory {string.Join(' ', arguments)}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
            Assert.NotSame(root, parse.CommandResult.Command);
            // An unknown option would otherwise pass as a PATH or ID argument.
            var optionLike = parse.Tokens.Where(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && t.Value.StartsWith('-')).ToArray();
            Assert.True(optionLike.Length == 0,
                $"{file}, step \"{step}\": advisory {string.Join(' ', arguments)}: unknown option {string.Join(", ", optionLike.Select(t => t.Value))}");
        }
    }

    /// <summary>The tool's own tests are a job of this repository only; the advisories are checked through the action, as adopters do.</summary>
    [Fact]
    public void The_pull_request_workflow_tests_the_tool_in_one_job_and_checks_the_advisories_through_the_action_in_another()
    {
        var document = WorkflowDocument.Repository("pull-request.yml");

        var test = document.Job("test");
        Assert.Contains(test.Steps, s => s.Run == "dotnet test AdvisoryPipeline.sln");
        Assert.Contains(test.Steps, s => s.Run?.Contains("../shared", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(test.Steps, s => s.UsesTheAction);

        var advisories = document.Job("advisories");
        var check = Assert.Single(advisories.Steps, s => s.UsesTheAction);
        Assert.Equal("./", check.Uses);
        Assert.Equal("true", check.With["from-source"]);
        Assert.Equal("validate --format github", check.With["command"]);
        Assert.Equal("origin/${{ github.base_ref }}", check.With["base"]);
        Assert.Equal("true", check.With["preview"]);
        Assert.DoesNotContain(advisories.Steps, s => s.Run?.Contains("dotnet", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void The_publish_workflow_assigns_ids_publishes_deploys_and_never_runs_twice_at_once()
    {
        var document = WorkflowDocument.Repository("publish.yml");
        var commands = Invocations(document).Select(i => i.Arguments[0]).ToArray();

        Assert.Equal(["assign-ids", "validate", "run", "cve", "announce"], commands);
        var concurrency = (YamlMappingNode)document.Root["concurrency"];
        Assert.Equal("false", concurrency["cancel-in-progress"].ToString());
        var uses = document.Steps.Select(s => s.Uses).OfType<string>().ToArray();
        Assert.Contains(uses, u => u.StartsWith("actions/deploy-pages@", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
        var run = document.Steps.Single(s => s.With.GetValueOrDefault("command")?.StartsWith("run ", StringComparison.Ordinal) == true);
        Assert.Equal("${{ secrets.ADVISORY_DATABASE_TOKEN }}", run.Env["GITHUB_TOKEN"]);
        Assert.Contains("--target github:${{ vars.ADVISORY_DATABASE_REPOSITORY }}", run.With["command"]);
        // This repository's workflows run the action from their own checkout.
        Assert.All(document.Steps.Where(s => s.UsesTheAction), s => Assert.Equal(("./", "true"), (s.Uses, s.With["from-source"])));
        var commit = document.Steps.SkipWhile(s => s.With.GetValueOrDefault("command") != "assign-ids").Skip(1).First();
        Assert.Contains("git push origin HEAD:main", commit.Run);
        Assert.Contains("gh pr create", commit.Run);
    }

    /// <summary>Chat posts are opt-in, come after a successful publish, read secrets only from the environment, and keep their ledger.</summary>
    [Fact]
    public void The_publish_workflow_announces_in_chat_only_when_enabled_and_commits_the_ledger()
    {
        var steps = WorkflowDocument.Repository("publish.yml").Steps.ToList();
        var announce = steps.FindIndex(s => s.With.GetValueOrDefault("command")?.StartsWith("announce", StringComparison.Ordinal) == true);
        var run = steps.FindIndex(s => s.With.GetValueOrDefault("command")?.StartsWith("run ", StringComparison.Ordinal) == true);

        Assert.True(announce > run, "chat posts come after the publish");
        Assert.Equal("${{ vars.ADVISORY_CHAT_ANNOUNCE == 'true' }}", steps[announce].If);
        Assert.Contains("--chat", steps[announce].With["command"]);
        foreach (var variable in new[] { "SLACK_SECURITY_WEBHOOK", "DISCORD_SECURITY_WEBHOOK", "MATRIX_ANNOUNCE_TOKEN" })
            Assert.Equal("${{ secrets." + variable + " }}", steps[announce].Env[variable]);
        // The ledger is committed right after, also when a post failed (the posts that were made are recorded).
        var ledger = steps[announce + 1];
        Assert.Contains("git add -- advisories/.announcements", ledger.Run);
        Assert.StartsWith("${{ !cancelled() && steps.announce.outcome != 'skipped'", ledger.If);
        Assert.Equal("announce", steps[announce].Id);
    }

    [Fact]
    public void Cve_records_are_published_after_the_osv_records_only_when_the_repository_turns_it_on()
    {
        var steps = WorkflowDocument.Repository("publish.yml").Steps.ToList();
        var run = steps.FindIndex(s => s.With.GetValueOrDefault("command")?.StartsWith("run ", StringComparison.Ordinal) == true);
        var cve = steps.FindIndex(s => s.With.GetValueOrDefault("command") == "cve publish --all");

        Assert.True(cve > run, "the CVE records go after the OSV records");
        Assert.Equal("${{ vars.ADVISORY_PUBLISH_CVE == 'true' }}", steps[cve].If);
        Assert.Equal("${{ secrets.CVE_API_KEY }}", steps[cve].Env["CVE_API_KEY"]);
    }

    /// <summary>An adopting repository installs the released tool through the action: it never builds the tool or needs this repository's test data.</summary>
    [Fact]
    public void The_workflows_init_writes_use_the_released_action_and_never_build_the_tool()
    {
        foreach (var document in WorkflowDocument.Generated())
        {
            var actionSteps = document.Steps.Where(s => s.UsesTheAction).ToArray();
            Assert.NotEmpty(actionSteps);
            Assert.All(actionSteps, s => Assert.Equal(AdopterWorkflows.DefaultAction, s.Uses));
            Assert.All(actionSteps, s => Assert.False(s.With.ContainsKey("from-source"), $"{document.Name}: {s.Name} builds the tool"));
            foreach (var forbidden in new[] { "dotnet", "../shared", "scripts/", "AdvisoryPipeline.sln", "publish-native" })
                Assert.DoesNotContain(forbidden, document.Text);
        }
        var pullRequest = WorkflowDocument.Generated().First();
        var check = Assert.Single(pullRequest.Steps, s => s.UsesTheAction);
        Assert.Equal(("validate --format github", "origin/${{ github.base_ref }}", "true"), (check.With["command"], check.With["base"], check.With["preview"]));
        var publish = WorkflowDocument.Generated().ElementAt(1);
        Assert.Equal(["assign-ids", "validate", "run"], Invocations(publish).Select(i => i.Arguments[0]));
        Assert.Contains(publish.Steps, s => s.With.GetValueOrDefault("command") == $"run --target git:.#{AdopterWorkflows.RecordsBranch} --out out");
        Assert.Contains(publish.Steps, s => s.Run?.Contains($"git push origin {AdopterWorkflows.RecordsBranch}", StringComparison.Ordinal) == true);
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Permissions_are_read_only_by_default_and_widened_per_job(string workflow)
    {
        foreach (var document in new[] { WorkflowDocument.Repository(workflow) }.Concat(WorkflowDocument.Generated()))
        {
            var top = (YamlMappingNode)document.Root["permissions"];
            Assert.Equal("read", top["contents"].ToString());
            Assert.Single(top.Children);
        }
    }

    /// <summary>A history check, a preview against a base, assign-ids and git diff need the whole history.</summary>
    [Theory]
    [MemberData(nameof(FilesThatRunTheTool))]
    public void Jobs_that_read_git_history_check_out_all_of_it(string file)
    {
        var document = WorkflowDocument.Named(file);
        if (document.IsAction) return;
        foreach (var job in document.Jobs)
        {
            var readsHistory = job.Steps.Any(s =>
                (s.Run is { } run && (run.Contains("--base", StringComparison.Ordinal) || run.Contains("git diff", StringComparison.Ordinal)))
                || (s.UsesTheAction && (s.With.ContainsKey("base") || s.With.GetValueOrDefault("command") == "assign-ids")));
            if (!readsHistory) continue;
            var checkout = job.Steps.First(s => s.Uses?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
            Assert.Equal("0", checkout.With.GetValueOrDefault("fetch-depth"));
        }
    }

    /// <summary>
    /// Every <c>advisory …</c> command of the file: the <c>command</c> input of each step that uses the action, and each
    /// one in a <c>run:</c> script, with its arguments as the shell would pass them. A script's <c>advisory "${args[@]}"</c>
    /// (the action running its input) names no command of its own and is left out.
    /// </summary>
    internal static IEnumerable<(string Step, string[] Arguments)> Invocations(WorkflowDocument document)
    {
        foreach (var step in document.Steps)
        {
            if (step.UsesTheAction && step.With.GetValueOrDefault("command") is { Length: > 0 } command)
                yield return (step.Name, command.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (step.Run is null) continue;
            foreach (var line in ShellWords.LogicalLines(step.Run))
            {
                var words = ShellWords.Split(line);
                for (var i = 0; i < words.Count; i++)
                {
                    if (words[i] != "advisory" || (i > 0 && !ShellWords.StartsCommand(words[i - 1]))) continue;
                    var arguments = words.Skip(i + 1).TakeWhile(w => !ShellWords.EndsCommand(w)).ToArray();
                    if (arguments is [ShellWords.Expansion, ..]) continue;
                    yield return (step.Name, arguments);
                }
            }
        }
    }

    /// <summary>
    /// Enough of the POSIX shell's word splitting for workflow scripts: line continuations, single and double
    /// quotes, and parameter expansions replaced by a placeholder word (their values come from the runner).
    /// </summary>
    private static class ShellWords
    {
        /// <summary>What a parameter expansion becomes: its value comes from the runner.</summary>
        public const string Expansion = "VALUE";

        private static readonly HashSet<string> CommandStarters = ["if", "then", "else", "do", "!", "&&", "||", ";", "|", "$("];
        private static readonly HashSet<string> CommandEnders = ["&&", "||", ";", "|", ">", ">>", "2>", "then", ")"];

        public static bool StartsCommand(string previous) => CommandStarters.Contains(previous);

        public static bool EndsCommand(string word) => CommandEnders.Contains(word);

        public static IEnumerable<string> LogicalLines(string script) =>
            script.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n');

        public static List<string> Split(string line)
        {
            var words = new List<string>();
            var word = new StringBuilder();
            var inWord = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (c == '#' && !inWord) break;
                if (char.IsWhiteSpace(c))
                {
                    if (inWord) words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                    continue;
                }
                inWord = true;
                if (c == '\'')
                {
                    var end = line.IndexOf('\'', i + 1);
                    word.Append(line, i + 1, end - i - 1);
                    i = end;
                }
                else if (c == '"')
                {
                    var end = line.IndexOf('"', i + 1);
                    word.Append(Expand(line[(i + 1)..end]));
                    i = end;
                }
                else if (c == '$')
                {
                    var end = i + 1;
                    if (end < line.Length && line[end] == '{') end = line.IndexOf('}', end) + 1;
                    else while (end < line.Length && (char.IsAsciiLetterOrDigit(line[end]) || line[end] == '_')) end++;
                    word.Append(Expansion);
                    i = end - 1;
                }
                else word.Append(c);
            }
            if (inWord) words.Add(word.ToString());
            return words;
        }

        private static string Expand(string quoted) =>
            System.Text.RegularExpressions.Regex.Replace(quoted, @"\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)", Expansion);
    }
}
