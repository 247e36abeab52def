namespace AdvisoryPipeline.Tests.Architecture;

/// <summary>Rule (a): a type that lies in no declared stage.</summary>
/// <param name="Where">Where it lies instead: "in AdvisoryPipeline.Loading, which is not a declared stage".</param>
public sealed record UnplacedType(DefinedType Type, string Where)
{
    public string Message => $"{Type} is {Where}: declare the stage or move the type";
}

/// <summary>Rule (b): a type uses a type of a stage above its own.</summary>
public sealed record UpwardReference(TypeDependency Reference, string FromStage, string ToStage)
{
    public string Message => $"{Reference.From} (stage {FromStage}) uses {Reference.To} (stage {ToStage}, above it): move the shared piece down or invert the dependency";
}

/// <summary>A type of one sub-folder of a stage uses a type of a sibling sub-folder: the input of the cycle search.</summary>
public sealed record FolderDependency(string Stage, string From, string To, TypeDependency Reference);

/// <summary>One edge of a sub-folder cycle: how many type pairs make it, and the first of them.</summary>
public sealed record FolderEdge(string From, string To, int TypePairs, TypeDependency Example)
{
    public string Message => $"{From} -> {To} ({Plural.Of(TypePairs, "type pair")}), e.g. {Example.From} uses {Example.To}";
}

/// <summary>
/// Rule (c): sub-folders of one stage that use each other in a cycle. <see cref="Folders"/> is the whole strongly connected
/// group, <see cref="Edges"/> every dependency between them (each one lies on a cycle: removing any subset of them is how
/// the cycle is broken), <see cref="Cycle"/> one shortest cycle through the first folder, to read the problem at a glance.
/// </summary>
public sealed record FolderCycle(string Stage, IReadOnlyList<string> Folders, IReadOnlyList<string> Cycle, IReadOnlyList<FolderEdge> Edges)
{
    public string Message =>
        $"Stage {Stage}: {string.Join(", ", Folders)} use each other in a cycle ({string.Join(" -> ", Cycle)}): " +
        "move what they share into one of them or up into the stage's own namespace, or invert a dependency";
}
