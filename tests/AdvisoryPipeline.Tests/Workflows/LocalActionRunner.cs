using System.Text.RegularExpressions;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Workflows;

/// <summary>What one step of the action did: run (exit code and output), or skipped, and why.</summary>
internal sealed record ActionStepResult(string Name, bool Ran, int ExitCode, string Out, string Error)
{
    public override string ToString() => $"step \"{Name}\": " + (Ran ? $"exit {ExitCode}\n{Out}\n{Error}" : "not run: " + Out);
}

/// <summary>A run of the action: its steps in order (it stops at the first that fails, as GitHub does) and the job summary.</summary>
internal sealed record ActionRunResult(IReadOnlyList<ActionStepResult> Steps, string Summary)
{
    public bool Succeeded => Steps.All(s => s.ExitCode == 0);

    public ActionStepResult Step(string name) => Steps.Single(s => s.Name == name);

    public override string ToString() => string.Join("\n", Steps);
}

/// <summary>
/// Runs the composite action of <c>action.yml</c> here as the GitHub runner does, step by step with the same commands:
/// each <c>run:</c> script with <c>bash --noprofile --norc -eo pipefail</c>, its <c>env:</c> from the inputs, and the
/// runner's files (<c>GITHUB_OUTPUT</c> read into <c>steps.ID.outputs</c>, <c>GITHUB_PATH</c> put before PATH for the
/// next steps, <c>GITHUB_STEP_SUMMARY</c>). <c>actions/setup-dotnet</c> is the one <c>uses:</c> step, and it is not
/// run: this machine has the .NET SDK. The expressions are the few the action uses (<c>inputs.X</c>,
/// <c>steps.ID.outputs.X</c>, <c>a || b</c>, <c>a == 'b'</c>, <c>a != 'b'</c>); any other fails the test, which keeps
/// the action that simple.
/// </summary>
internal sealed partial class LocalActionRunner(string workspace, string runnerTemp)
{
    private int _runs;

    public string Workspace { get; } = workspace;

    public string RunnerTemp { get; } = runnerTemp;

    /// <summary>Variables every step gets besides the runner's: what a workflow's step would pass in its <c>env:</c>.</summary>
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public ActionRunResult Run(IReadOnlyDictionary<string, string> inputs)
    {
        var action = WorkflowDocument.Action();
        var values = new Dictionary<string, string>(action.InputDefaults, StringComparer.Ordinal);
        foreach (var (name, value) in inputs)
            values[name] = values.ContainsKey(name) ? value : throw new ArgumentException($"action.yml has no input {name}");

        var files = Directory.CreateDirectory(Path.Combine(RunnerTemp, "_runner_file_commands", $"run-{++_runs}")).FullName;
        var summary = Path.Combine(files, "step_summary.md");
        File.WriteAllText(summary, "");
        var outputs = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var path = new List<string>();
        var results = new List<ActionStepResult>();
        var evaluator = new Expressions(values, outputs);
        foreach (var (step, index) in action.Steps.Select((s, i) => (s, i)))
        {
            if (step.Uses is { } uses)
            {
                Assert.StartsWith("actions/setup-dotnet@", uses);
                results.Add(new ActionStepResult(step.Name, false, 0, "the machine has the .NET SDK", ""));
                continue;
            }
            if (step.If is { } condition && !Expressions.IsTrue(evaluator.Evaluate(condition)))
            {
                results.Add(new ActionStepResult(step.Name, false, 0, "if: " + condition, ""));
                continue;
            }
            Assert.Equal("bash", step.Shell);
            var script = Path.Combine(files, $"step-{index}.sh");
            File.WriteAllText(script, step.Run);
            var output = Path.Combine(files, $"output-{index}");
            var pathFile = Path.Combine(files, $"path-{index}");
            File.WriteAllText(output, "");
            File.WriteAllText(pathFile, "");
            var environment = new Dictionary<string, string>(Variables, StringComparer.Ordinal)
            {
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_WORKSPACE"] = Workspace,
                ["GITHUB_ACTION_PATH"] = SharedData.RepositoryRoot,
                ["RUNNER_TEMP"] = RunnerTemp,
                ["GITHUB_OUTPUT"] = output,
                ["GITHUB_PATH"] = pathFile,
                ["GITHUB_STEP_SUMMARY"] = summary,
                ["PATH"] = string.Join(':', [.. Enumerable.Reverse(path), Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin"]),
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["XDG_CACHE_HOME"] = Path.Combine(RunnerTemp, "cache"),
                ["GIT_CONFIG_NOSYSTEM"] = "1",
                ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            };
            foreach (var (name, value) in step.Env) environment[name] = evaluator.Interpolate(value);
            var result = ExternalProcess.Run("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], Workspace, environment, TimeSpan.FromMinutes(5));
            results.Add(new ActionStepResult(step.Name, true, result.ExitCode, result.Out, result.Error));
            if (step.Id is { } id)
                outputs[id] = File.ReadAllLines(output).Where(l => l.Contains('=', StringComparison.Ordinal))
                    .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);
            path.AddRange(File.ReadAllLines(pathFile).Where(l => l.Length > 0));
            if (result.ExitCode != 0) break;
        }
        return new ActionRunResult(results, File.ReadAllText(summary));
    }

    /// <summary>The expressions of <c>action.yml</c>, evaluated as GitHub does (strings; <c>||</c> gives its first non-empty operand).</summary>
    private sealed partial class Expressions(IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, Dictionary<string, string>> steps)
    {
        public static bool IsTrue(string value) => value.Length > 0 && value != "false";

        public string Interpolate(string text) => Embedded().Replace(text, match => Evaluate(match.Groups[1].Value));

        public string Evaluate(string expression)
        {
            var text = expression.Trim();
            if (text.StartsWith("${{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal)) text = text[3..^2].Trim();
            if (text.Contains("||", StringComparison.Ordinal))
                return text.Split("||").Select(Evaluate).FirstOrDefault(v => v.Length > 0) ?? "";
            foreach (var (symbol, equal) in new[] { ("!=", false), ("==", true) })
            {
                var at = text.IndexOf(symbol, StringComparison.Ordinal);
                if (at < 0) continue;
                var same = string.Equals(Evaluate(text[..at]), Evaluate(text[(at + 2)..]), StringComparison.OrdinalIgnoreCase);
                return same == equal ? "true" : "false";
            }
            if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'') return text[1..^1];
            if (text.StartsWith("inputs.", StringComparison.Ordinal))
                return inputs.TryGetValue(text["inputs.".Length..], out var input) ? input : throw new InvalidOperationException($"no input in {text}");
            if (StepOutput().Match(text) is { Success: true } output)
                return steps.GetValueOrDefault(output.Groups[1].Value)?.GetValueOrDefault(output.Groups[2].Value) ?? "";
            throw new NotSupportedException($"action.yml uses the expression {text}, which the local runner does not know: keep the action's expressions simple, or teach it here");
        }

        [GeneratedRegex(@"\$\{\{(.*?)\}\}")]
        private static partial Regex Embedded();

        [GeneratedRegex(@"^steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$")]
        private static partial Regex StepOutput();
    }
}
