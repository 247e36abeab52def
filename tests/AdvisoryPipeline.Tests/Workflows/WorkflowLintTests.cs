using System.Text.RegularExpressions;
using AdvisoryPipeline.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace AdvisoryPipeline.Tests.Workflows;

/// <summary>
/// actionlint's checks, for every workflow of this repository, the workflows <c>advisory init</c> writes and
/// <c>action.yml</c> (actionlint itself, a Go program, is not in the registries this project may use): the files are
/// valid against GitHub's workflow and action schemas (SchemaStore's, through <c>@action-validator/cli</c> from npm),
/// every <c>run:</c> script passes shellcheck (Debian's), expressions stand only where GitHub evaluates them (never inside
/// a script, where a value could become shell code) and name only contexts that exist there, and every reference
/// (<c>inputs.X</c>, <c>steps.ID</c>, <c>needs</c>, <c>uses</c>) resolves.
/// </summary>
public sealed partial class WorkflowLintTests : IDisposable
{
    private readonly TempFolder _temp = new("advisory-workflow-lint-");

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Files() => [.. WorkflowDocument.All().Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Files))]
    public void The_file_is_valid_against_githubs_schema(string name)
    {
        var document = WorkflowDocument.Named(name);
        var file = _temp.Write((document.IsAction ? "action" : Path.GetFileNameWithoutExtension(name.Replace("init: ", "", StringComparison.Ordinal))) + ".yml", document.Text);

        var result = ExternalProcess.Run(ActionValidator.Path, [file], _temp.Path, timeout: TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, $"{name} breaks GitHub's {(document.IsAction ? "action" : "workflow")} schema:\n{result}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_script_passes_shellcheck(string name)
    {
        var shellcheck = DebianPackages.EnsureInstalled("shellcheck", "shellcheck");
        foreach (var (step, index) in WorkflowDocument.Named(name).Steps.Select((s, i) => (s, i)).Where(p => p.s.Run is not null))
        {
            Assert.True(step.Shell is null or "bash", $"{name}, step \"{step.Name}\": shell {step.Shell}; the scripts are bash");
            var script = _temp.Write($"step-{index}.sh", step.Run!);
            // As actionlint runs it: the variables the runner sets are not assigned in the script (SC2154).
            var result = ExternalProcess.Run(shellcheck, ["--shell=bash", "--exclude=SC2154", "--format=gcc", script], _temp.Path);
            Assert.True(result.ExitCode == 0, $"{name}, step \"{step.Name}\":\n{result.Out.Replace(script, "script", StringComparison.Ordinal)}");
        }
    }

    /// <summary>
    /// A <c>${{ }}</c> inside a script is replaced by its value before the shell reads it: a pull request's title or an
    /// input would become code. Values reach scripts through <c>env:</c>.
    /// </summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Expressions_never_stand_inside_a_script_and_name_only_contexts_that_exist_there(string name)
    {
        var document = WorkflowDocument.Named(name);
        foreach (var step in document.Steps.Where(s => s.Run is not null))
            Assert.False(step.Run!.Contains("${{", StringComparison.Ordinal), $"{name}, step \"{step.Name}\": an expression inside the script; pass it through env:");

        // The contexts GitHub offers: a composite action has no secrets or vars of its own, a workflow no inputs here.
        string[] contexts = document.IsAction ? ["inputs", "steps", "github", "runner", "env"] : ["github", "vars", "secrets", "steps", "runner", "env", "needs"];
        string[] functions = ["cancelled", "always", "success", "failure"];
        foreach (var (path, value) in Scalars(document.Root, ""))
        {
            Assert.Equal(Count(value, "${{"), Count(value, "}}"));
            var expressions = Embedded().Matches(value).Select(m => m.Groups[1].Value).ToList();
            // An if: is an expression whether or not it is written inside ${{ }}.
            if (path.EndsWith("/if", StringComparison.Ordinal) && expressions.Count == 0) expressions.Add(value);
            foreach (var expression in expressions)
                foreach (Match identifier in Identifier().Matches(StringLiteral().Replace(expression, "''")))
                {
                    var context = identifier.Groups[1].Value;
                    Assert.True(contexts.Contains(context) || functions.Contains(context),
                        $"{document.Name}, {path}: {context} is not a context here ({string.Join(", ", contexts)})");
                }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_reference_resolves_and_every_action_is_pinned_to_a_version(string name)
    {
        var document = WorkflowDocument.Named(name);
        var inputs = document.IsAction ? document.InputDefaults.Keys.ToHashSet(StringComparer.Ordinal) : [];
        foreach (var (path, value) in Scalars(document.Root, ""))
            foreach (Match input in InputReference().Matches(value))
                Assert.True(inputs.Contains(input.Groups[1].Value), $"{name}, {path}: no input {input.Groups[1].Value}");

        var jobs = document.IsAction ? [] : ((YamlMappingNode)document.Root["jobs"]).Children.Keys.Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);
        foreach (var job in document.Jobs)
        {
            if (job.Node.Children.TryGetValue("needs", out var needs))
                foreach (var need in needs is YamlSequenceNode list ? list.Children.Select(c => c.ToString()) : [needs.ToString()])
                    Assert.True(jobs.Contains(need), $"{name}, job {job.Key}: needs {need}, which is no job");
            var ids = job.Steps.Select(s => s.Id).OfType<string>().ToList();
            Assert.Equal(ids.Distinct().Count(), ids.Count);
            var earlier = new HashSet<string>(StringComparer.Ordinal);
            foreach (var step in job.Steps)
            {
                Assert.True(step.Run is null != (step.Uses is null), $"{name}, step \"{step.Name}\": exactly one of run and uses");
                Assert.False(string.IsNullOrEmpty(step.Name), $"{name}, job {job.Key}: a step without a name");
                foreach (var (path, value) in Scalars(step.Node, ""))
                    foreach (Match reference in StepReference().Matches(value))
                        Assert.True(earlier.Contains(reference.Groups[1].Value), $"{name}, step \"{step.Name}\" ({path}): steps.{reference.Groups[1].Value} is no earlier step");
                if (step.Uses is { } uses)
                    Assert.True(uses == "./" || PinnedAction().IsMatch(uses), $"{name}, step \"{step.Name}\": uses {uses}: pin a version (OWNER/REPO@vN or a commit)");
                if (step.Id is { } id) earlier.Add(id);
            }
            // A job's environment URL may name the job's steps.
            foreach (var (path, value) in Scalars(job.Node, "").Where(p => !p.Path.StartsWith("/steps", StringComparison.Ordinal)))
                foreach (Match reference in StepReference().Matches(value))
                    Assert.True(ids.Contains(reference.Groups[1].Value), $"{name}, job {job.Key} ({path}): steps.{reference.Groups[1].Value} is no step of the job");
        }
    }

    /// <summary>Every scalar of the document with its path (<c>/jobs/publish/steps/2/run</c>).</summary>
    private static IEnumerable<(string Path, string Value)> Scalars(YamlNode node, string path) => node switch
    {
        YamlScalarNode scalar => [(path, scalar.Value ?? "")],
        YamlMappingNode map => map.Children.SelectMany(e => Scalars(e.Value, $"{path}/{e.Key}")),
        YamlSequenceNode list => list.Children.SelectMany((c, i) => Scalars(c, $"{path}/{i}")),
        _ => [],
    };

    private static int Count(string text, string part) => Regex.Count(text, Regex.Escape(part));

    [GeneratedRegex(@"\$\{\{(.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex Embedded();

    /// <summary>The first word of each property path or function call (<c>inputs</c> of <c>inputs.base</c>).</summary>
    [GeneratedRegex(@"(?<![\w.'-])([A-Za-z_][A-Za-z0-9_]*)(?=\s*[.(])")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\binputs\.([A-Za-z0-9_-]+)")]
    private static partial Regex InputReference();

    [GeneratedRegex(@"\bsteps\.([A-Za-z0-9_-]+)\.")]
    private static partial Regex StepReference();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?@(v[0-9]+(\.[0-9]+)*|[0-9a-f]{40})$")]
    private static partial Regex PinnedAction();

    /// <summary>
    /// <c>@action-validator/cli</c> from npm, which validates workflow and action files against SchemaStore's schemas for
    /// GitHub: installed once into <c>.tools/</c> (ignored by git), like the native binary, with the ordinary npm client.
    /// </summary>
    private static class ActionValidator
    {
        private const string Package = "@action-validator/cli@0.6.0";

        private static readonly Lazy<string> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

        public static string Path => Installed.Value;

        private static string Install()
        {
            var folder = System.IO.Path.Combine(SharedData.RepositoryRoot, ".tools", "action-validator-0.6.0");
            var program = System.IO.Path.Combine(folder, "node_modules", ".bin", "action-validator");
            if (File.Exists(program)) return program;
            var npm = File.Exists("/usr/bin/npm") ? "/usr/bin/npm" : DebianPackages.EnsureInstalled("npm", "npm");
            Directory.CreateDirectory(folder);
            var install = ExternalProcess.Run(npm, ["install", "--no-audit", "--no-fund", "--no-save", "--silent", "--prefix", folder, Package],
                folder, timeout: TimeSpan.FromMinutes(5));
            return File.Exists(program) ? program : throw new InvalidOperationException($"npm install {Package} failed:\n{install}");
        }
    }
}
