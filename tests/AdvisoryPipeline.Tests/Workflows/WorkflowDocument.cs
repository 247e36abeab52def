using AdvisoryPipeline.Lifecycle;
using YamlDotNet.RepresentationModel;

namespace AdvisoryPipeline.Tests.Workflows;

/// <summary>One step of a workflow job or of the composite action, as written.</summary>
internal sealed record WorkflowStep(
    string Name,
    string? Id,
    string? Run,
    string? Uses,
    string? If,
    string? Shell,
    IReadOnlyDictionary<string, string> With,
    IReadOnlyDictionary<string, string> Env,
    YamlMappingNode Node)
{
    /// <summary>Whether the step runs the tool's own action: <c>./</c> in this repository, the released one elsewhere.</summary>
    public bool UsesTheAction => Uses is { } uses
        && (uses == "./" || uses.StartsWith(AdopterWorkflows.DefaultAction.Split('@')[0] + "@", StringComparison.Ordinal));
}

internal sealed record WorkflowJob(string Key, YamlMappingNode Node, IReadOnlyList<WorkflowStep> Steps);

/// <summary>
/// A GitHub Actions file as the tests read it: a workflow (<c>jobs</c>) or the composite action (<c>runs.steps</c>),
/// parsed with YamlDotNet (YAML 1.1 like GitHub's parser where it matters: everything here is a string).
/// </summary>
internal sealed class WorkflowDocument
{
    public static readonly string RepositoryWorkflowFolder = Path.Combine(SharedData.RepositoryRoot, ".github", "workflows");

    public static readonly string ActionFile = Path.Combine(SharedData.RepositoryRoot, "action.yml");

    private WorkflowDocument(string name, string text)
    {
        Name = name;
        Text = text;
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        Root = (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>The file's name as the tests show it (<c>publish.yml</c>, <c>init: advisories-pr.yml</c>, <c>action.yml</c>).</summary>
    public string Name { get; }

    public string Text { get; }

    public YamlMappingNode Root { get; }

    public bool IsAction => Root.Children.ContainsKey("runs");

    public static WorkflowDocument Parse(string name, string text) => new(name, text);

    public static WorkflowDocument Repository(string fileName) =>
        new(fileName, File.ReadAllText(Path.Combine(RepositoryWorkflowFolder, fileName)));

    public static WorkflowDocument Action() => new("action.yml", File.ReadAllText(ActionFile));

    /// <summary>This repository's workflows.</summary>
    public static IEnumerable<string> RepositoryWorkflowNames() =>
        Directory.GetFiles(RepositoryWorkflowFolder, "*.yml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>
    /// The workflows <c>advisory init</c> writes into an adopting repository, with the default action: for the usual
    /// <c>advisories/</c>, and for an existing database in another folder (<c>--advisories vulns</c>).
    /// </summary>
    public static IEnumerable<WorkflowDocument> Generated() =>
    [
        new("init: " + Path.GetFileName(AdopterWorkflows.PullRequestPath), AdopterWorkflows.PullRequest(AdopterWorkflows.DefaultAction)),
        new("init: " + Path.GetFileName(AdopterWorkflows.PublishPath), AdopterWorkflows.Publish(AdopterWorkflows.DefaultAction)),
        new("init --advisories vulns: " + Path.GetFileName(AdopterWorkflows.PullRequestPath), AdopterWorkflows.PullRequest(AdopterWorkflows.DefaultAction, "vulns")),
        new("init --advisories vulns: " + Path.GetFileName(AdopterWorkflows.PublishPath), AdopterWorkflows.Publish(AdopterWorkflows.DefaultAction, "vulns")),
    ];

    /// <summary>Every workflow file the project has or writes, and the action: what the lint tests check.</summary>
    public static IEnumerable<WorkflowDocument> All() =>
        [.. RepositoryWorkflowNames().Select(Repository), .. Generated(), Action()];

    /// <summary>The document by its <see cref="Name"/> (for theories, whose data must be serializable).</summary>
    public static WorkflowDocument Named(string name) => All().Single(d => d.Name == name);

    public IReadOnlyList<WorkflowJob> Jobs => IsAction
        ? [new WorkflowJob("(composite)", (YamlMappingNode)Root["runs"], StepsOf((YamlMappingNode)Root["runs"]))]
        : [.. ((YamlMappingNode)Root["jobs"]).Children.Select(job =>
            new WorkflowJob(job.Key.ToString(), (YamlMappingNode)job.Value, StepsOf((YamlMappingNode)job.Value)))];

    public IEnumerable<WorkflowStep> Steps => Jobs.SelectMany(j => j.Steps);

    public WorkflowJob Job(string key) => Jobs.Single(j => j.Key == key);

    /// <summary>The action's inputs and their defaults.</summary>
    public IReadOnlyDictionary<string, string> InputDefaults =>
        ((YamlMappingNode)Root["inputs"]).Children.ToDictionary(
            input => input.Key.ToString(),
            input => ((YamlMappingNode)input.Value).Children.TryGetValue("default", out var value) ? value.ToString() : "");

    private static List<WorkflowStep> StepsOf(YamlMappingNode job) =>
        job.Children.TryGetValue("steps", out var steps)
            ? [.. ((YamlSequenceNode)steps).Children.Cast<YamlMappingNode>().Select(ToStep)]
            : [];

    private static WorkflowStep ToStep(YamlMappingNode step)
    {
        string? Scalar(string key) => step.Children.TryGetValue(key, out var value) ? value.ToString() : null;
        Dictionary<string, string> Map(string key) => step.Children.TryGetValue(key, out var value) && value is YamlMappingNode map
            ? map.Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString())
            : [];
        return new WorkflowStep(Scalar("name") ?? "", Scalar("id"), Scalar("run"), Scalar("uses"), Scalar("if"), Scalar("shell"),
            Map("with"), Map("env"), step);
    }
}
