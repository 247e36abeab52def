using System.Text;
using AdvisoryPipeline.Cli;
using AdvisoryPipeline.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace AdvisoryPipeline.Tests.Workflows;

/// <summary>
/// The GitHub Actions workflows call the <c>advisory</c> command line; a renamed command or option would only
/// fail on GitHub, after merge. Every <c>advisory</c> invocation in every <c>run:</c> script must parse with the
/// real command tree, and the workflows keep the properties the pipeline relies on.
/// </summary>
public sealed class WorkflowCommandsTests
{
    private static readonly string WorkflowFolder = Path.Combine(SharedData.RepositoryRoot, ".github", "workflows");

    public static TheoryData<string> WorkflowFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(WorkflowFolder, "*.yml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Every_advisory_command_exists_with_those_options(string workflow)
    {
        var invocations = Invocations(Load(workflow)).ToArray();

        Assert.NotEmpty(invocations);
        var root = AdvisoryCli.BuildRoot(new CliRunner(Path.GetTempPath()).Environment());
        foreach (var (step, arguments) in invocations)
        {
            var parse = root.Parse(arguments);
            Assert.True(parse.Errors.Count == 0,
                $"{workflow}, step \"{step}\": advisory {string.Join(' ', arguments)}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
            Assert.NotSame(root, parse.CommandResult.Command);
            // An unknown option would otherwise pass as a PATH or ID argument.
            var optionLike = parse.Tokens.Where(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && t.Value.StartsWith('-')).ToArray();
            Assert.True(optionLike.Length == 0,
                $"{workflow}, step \"{step}\": advisory {string.Join(' ', arguments)}: unknown option {string.Join(", ", optionLike.Select(t => t.Value))}");
        }
    }

    [Fact]
    public void The_pull_request_workflow_validates_with_annotations_checks_history_and_previews()
    {
        var commands = Invocations(Load("pull-request.yml")).Select(i => string.Join(' ', i.Arguments)).ToArray();

        Assert.Contains(commands, c => c.StartsWith("validate", StringComparison.Ordinal) && c.Contains("--format github", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("validate", StringComparison.Ordinal) && c.Contains("--base", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("render --preview", StringComparison.Ordinal));
    }

    [Fact]
    public void The_publish_workflow_assigns_ids_publishes_deploys_and_never_runs_twice_at_once()
    {
        var document = Load("publish.yml");
        var commands = Invocations(document).Select(i => i.Arguments[0]).ToArray();

        Assert.Equal(["assign-ids", "validate", "run", "cve", "announce"], commands);
        var concurrency = (YamlMappingNode)document["concurrency"];
        Assert.Equal("false", concurrency["cancel-in-progress"].ToString());
        var uses = Steps(document).Select(s => s.Uses).OfType<string>().ToArray();
        Assert.Contains(uses, u => u.StartsWith("actions/deploy-pages@", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
        var env = Steps(document).Single(s => s.Run?.Contains("advisory run", StringComparison.Ordinal) == true).Env;
        Assert.Equal("${{ secrets.ADVISORY_DATABASE_TOKEN }}", env["GITHUB_TOKEN"]);
    }

    /// <summary>Chat posts are opt-in, come after a successful publish, read secrets only from the environment, and keep their ledger.</summary>
    [Fact]
    public void The_publish_workflow_announces_in_chat_only_when_enabled_and_commits_the_ledger()
    {
        var steps = Steps(Load("publish.yml")).ToList();
        var announce = steps.Single(s => s.Run?.Contains("advisory announce", StringComparison.Ordinal) == true);
        var run = steps.FindIndex(s => s.Run?.Contains("advisory run", StringComparison.Ordinal) == true);

        Assert.True(steps.IndexOf(announce) > run, "chat posts come after the publish");
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(WorkflowFolder, "publish.yml"))));
        var step = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["jobs"])["publish"])["steps"])
            .Children.Cast<YamlMappingNode>().Single(s => s.Children.TryGetValue("name", out var name) && name.ToString() == announce.Name);
        Assert.Equal("${{ vars.ADVISORY_CHAT_ANNOUNCE == 'true' }}", step["if"].ToString());
        Assert.Contains("--chat", announce.Run);
        Assert.Contains("git add -- advisories/.announcements", announce.Run);
        foreach (var variable in new[] { "SLACK_SECURITY_WEBHOOK", "DISCORD_SECURITY_WEBHOOK", "MATRIX_ANNOUNCE_TOKEN" })
            Assert.Equal("${{ secrets." + variable + " }}", announce.Env[variable]);
    }

    [Fact]
    public void Cve_records_are_published_after_the_osv_records_only_when_the_repository_turns_it_on()
    {
        var steps = Steps(Load("publish.yml")).ToList();
        var run = steps.FindIndex(s => s.Run?.Contains("advisory run", StringComparison.Ordinal) == true);
        var cve = steps.FindIndex(s => s.Run?.Contains("advisory cve publish --all", StringComparison.Ordinal) == true);

        Assert.True(cve > run, "the CVE records go after the OSV records");
        Assert.Equal("${{ vars.ADVISORY_PUBLISH_CVE == 'true' }}", steps[cve].If);
        Assert.Equal("${{ secrets.CVE_API_KEY }}", steps[cve].Env["CVE_API_KEY"]);
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Permissions_are_read_only_by_default_and_widened_per_job(string workflow)
    {
        var document = Load(workflow);

        var top = (YamlMappingNode)document["permissions"];
        Assert.Equal("read", top["contents"].ToString());
        Assert.Single(top.Children);
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Jobs_that_read_git_history_check_out_all_of_it(string workflow)
    {
        foreach (var job in Jobs(Load(workflow)))
        {
            var steps = job.Steps;
            var readsHistory = steps.Any(s => s.Run is { } run && (run.Contains("--base", StringComparison.Ordinal)
                || run.Contains("assign-ids", StringComparison.Ordinal) || run.Contains("git diff", StringComparison.Ordinal)));
            if (!readsHistory) continue;
            var checkout = steps.First(s => s.Uses?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
            Assert.Equal("0", checkout.With.GetValueOrDefault("fetch-depth"));
        }
    }

    private sealed record Step(string Name, string? Run, string? Uses, Dictionary<string, string> With, Dictionary<string, string> Env, string? If = null);

    private sealed record Job(string Name, IReadOnlyList<Step> Steps);

    private static YamlMappingNode Load(string workflow)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(WorkflowFolder, workflow))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<Job> Jobs(YamlMappingNode document) =>
        ((YamlMappingNode)document["jobs"]).Children.Select(job => new Job(job.Key.ToString(),
            [.. ((YamlSequenceNode)((YamlMappingNode)job.Value)["steps"]).Children.Cast<YamlMappingNode>().Select(ToStep)]));

    private static IEnumerable<Step> Steps(YamlMappingNode document) => Jobs(document).SelectMany(j => j.Steps);

    private static Step ToStep(YamlMappingNode step)
    {
        string? Scalar(string key) => step.Children.TryGetValue(key, out var value) ? value.ToString() : null;
        Dictionary<string, string> Map(string key) => step.Children.TryGetValue(key, out var value) && value is YamlMappingNode map
            ? map.Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString())
            : [];
        return new Step(Scalar("name") ?? "", Scalar("run"), Scalar("uses"), Map("with"), Map("env"), Scalar("if"));
    }

    /// <summary>Every <c>advisory …</c> command in the workflow's scripts, with its arguments as the shell would pass them.</summary>
    private static IEnumerable<(string Step, string[] Arguments)> Invocations(YamlMappingNode document)
    {
        foreach (var step in Steps(document))
        {
            if (step.Run is null) continue;
            foreach (var line in ShellWords.LogicalLines(step.Run))
            {
                var words = ShellWords.Split(line);
                for (var i = 0; i < words.Count; i++)
                {
                    if (words[i] != "advisory" || (i > 0 && !ShellWords.StartsCommand(words[i - 1]))) continue;
                    var arguments = words.Skip(i + 1).TakeWhile(w => !ShellWords.EndsCommand(w)).ToArray();
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
                    word.Append("VALUE");
                    i = end - 1;
                }
                else word.Append(c);
            }
            if (inWord) words.Add(word.ToString());
            return words;
        }

        private static string Expand(string quoted) =>
            System.Text.RegularExpressions.Regex.Replace(quoted, @"\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)", "VALUE");
    }
}
