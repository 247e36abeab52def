namespace AdvisoryPipeline.Tests.Architecture;

/// <summary>
/// "Lower stages never use higher ones", as data: the stages are namespaces under a root namespace, listed bottom first,
/// and the rules check a type-reference graph against that list. Nothing here knows today's folders, so the table can
/// be edited while the source tree is reorganised.
/// </summary>
/// <remarks>
/// The rules: (a) every type lies in a declared stage (the stage's namespace or one below it); (b) a type uses only types
/// of its own stage or of stages below it; (c) inside a stage, the sub-folders one level below it do not use each other in a
/// cycle, while the stage's own namespace and its sub-folders may use each other freely (composition root and shared
/// abstractions). A stage may itself be nested ("Osv.Versions" below "Osv"): a type belongs to the longest declared stage
/// its namespace starts with.
/// </remarks>
public sealed class StageRules
{
    private readonly string[] _stages;

    /// <param name="rootNamespace">The namespace the stages are relative to ("AdvisoryPipeline").</param>
    /// <param name="stagesBottomFirst">The stages, the one that uses nothing of the others first ("Diagnostics", ..., "Publishing").</param>
    public StageRules(string rootNamespace, IEnumerable<string> stagesBottomFirst)
    {
        if (string.IsNullOrWhiteSpace(rootNamespace) || !IsNamespace(rootNamespace))
            throw new ArgumentException($"The root namespace \"{rootNamespace}\" is not a namespace name.", nameof(rootNamespace));
        _stages = [.. stagesBottomFirst];
        var invalid = _stages.Where(stage => !IsNamespace(stage)).ToList();
        if (invalid.Count > 0)
            throw new ArgumentException($"Stage table: \"{string.Join("\", \"", invalid)}\" is not a namespace name relative to {rootNamespace} (e.g. \"Osv\" or \"Osv.Versions\").", nameof(stagesBottomFirst));
        var repeated = _stages.GroupBy(stage => stage, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        if (repeated.Count > 0)
            throw new ArgumentException($"Stage table: {string.Join(", ", repeated)} listed more than once; each stage has one place in the order.", nameof(stagesBottomFirst));
        RootNamespace = rootNamespace;
    }

    public string RootNamespace { get; }

    /// <summary>The stages, bottom first.</summary>
    public IReadOnlyList<string> Stages => _stages;

    /// <summary>A stage's position in the table (0 for the bottom one), -1 for a name the table does not hold.</summary>
    public int LevelOf(string stage) => Array.IndexOf(_stages, stage);

    /// <summary>
    /// Types the compiler or a source generator adds, which no person placed and no rule applies to: those in the global
    /// namespace with an unspeakable name (&lt;Module&gt;, &lt;PrivateImplementationDetails&gt;, &lt;&gt;z__ReadOnlyArray`1,
    /// anonymous types), those in System.* (the regex source generator's System.Text.RegularExpressions.Generated,
    /// attributes the compiler embeds in System.Runtime.CompilerServices) and Microsoft.CodeAnalysis's EmbeddedAttribute.
    /// </summary>
    public static bool IsCompilerGenerated(DefinedType type) =>
        (type.Namespace.Length == 0 && type.Name.StartsWith('<'))
        || type.Namespace.StartsWith("System.", StringComparison.Ordinal)
        || type.Namespace == "Microsoft.CodeAnalysis";

    /// <summary>The stage and folder of a namespace, or null when it is in no declared stage.</summary>
    public StagePlacement? Place(string space)
    {
        if (!space.StartsWith(RootNamespace + ".", StringComparison.Ordinal))
            return null;
        var relative = space[(RootNamespace.Length + 1)..];
        var level = -1;
        for (var i = 0; i < _stages.Length; i++)
        {
            var candidate = _stages[i];
            var inside = relative == candidate || relative.StartsWith(candidate + ".", StringComparison.Ordinal);
            if (inside && (level < 0 || candidate.Length > _stages[level].Length))
                level = i;
        }
        if (level < 0)
            return null;
        var stage = _stages[level];
        var stageNamespace = RootNamespace + "." + stage;
        if (relative.Length == stage.Length)
            return new StagePlacement(level, stage, stageNamespace, IsStageRoot: true);
        var below = relative[(stage.Length + 1)..];
        var dot = below.IndexOf('.', StringComparison.Ordinal);
        return new StagePlacement(level, stage, stageNamespace + "." + (dot < 0 ? below : below[..dot]), IsStageRoot: false);
    }

    /// <summary>
    /// Checks the three rules. <paramref name="types"/> are all the types of the assembly (so that a type nothing uses is
    /// still placed); the ends of <paramref name="references"/> are checked too, so hand-made edge lists need no type list.
    /// </summary>
    public StageCheck Check(IEnumerable<DefinedType> types, IEnumerable<TypeDependency> references)
    {
        var edges = references.Where(edge => edge.From != edge.To && !IsCompilerGenerated(edge.From) && !IsCompilerGenerated(edge.To)).Distinct().Order().ToList();
        var all = types.Concat(edges.SelectMany(edge => new[] { edge.From, edge.To })).Where(type => !IsCompilerGenerated(type)).Distinct().Order().ToList();

        var unplaced = all.Where(type => Place(type.Namespace) is null).Select(type => new UnplacedType(type, WhyUnplaced(type.Namespace))).ToList();

        var upward = new List<UpwardReference>();
        var folderEdges = new List<FolderDependency>();
        foreach (var edge in edges)
        {
            if (Place(edge.From.Namespace) is not { } from || Place(edge.To.Namespace) is not { } to)
                continue;
            if (to.Level > from.Level)
                upward.Add(new UpwardReference(edge, from.Stage, to.Stage));
            else if (to.Level == from.Level && !from.IsStageRoot && !to.IsStageRoot && from.Folder != to.Folder)
                folderEdges.Add(new FolderDependency(from.Stage, from.Folder, to.Folder, edge));
        }
        var cycles = folderEdges.GroupBy(edge => edge.Stage, StringComparer.Ordinal)
            .OrderBy(group => LevelOf(group.Key))
            .SelectMany(group => FolderCycleFinder.Find(group.Key, group))
            .ToList();
        return new StageCheck(this, unplaced, upward, cycles);
    }

    private string WhyUnplaced(string space)
    {
        if (space == RootNamespace)
            return $"in the bare root namespace {RootNamespace}, which is no stage";
        if (!space.StartsWith(RootNamespace + ".", StringComparison.Ordinal))
            return $"outside the root namespace {RootNamespace}, in {(space.Length == 0 ? "the global namespace" : space)}";
        var relative = space[(RootNamespace.Length + 1)..];
        return $"in {RootNamespace}.{relative.Split('.')[0]}, which is not a declared stage";
    }

    private static bool IsNamespace(string name) =>
        name.Length > 0 && name.Split('.').All(part => part.Length > 0 && part.All(c => char.IsLetterOrDigit(c) || c == '_'));
}
