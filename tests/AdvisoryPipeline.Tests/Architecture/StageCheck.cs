namespace AdvisoryPipeline.Tests.Architecture;

/// <summary>What <see cref="StageRules.Check"/> found, one list per rule, each sorted.</summary>
public sealed class StageCheck(StageRules rules, IReadOnlyList<UnplacedType> unplacedTypes, IReadOnlyList<UpwardReference> upwardReferences, IReadOnlyList<FolderCycle> folderCycles)
{
    public StageRules Rules { get; } = rules;

    /// <summary>Rule (a), sorted by type.</summary>
    public IReadOnlyList<UnplacedType> UnplacedTypes { get; } = unplacedTypes;

    /// <summary>Rule (b), sorted by using type, then used type.</summary>
    public IReadOnlyList<UpwardReference> UpwardReferences { get; } = upwardReferences;

    /// <summary>Rule (c), by stage (bottom first), then by first folder.</summary>
    public IReadOnlyList<FolderCycle> FolderCycles { get; } = folderCycles;

    public bool IsClean => UnplacedTypes.Count == 0 && UpwardReferences.Count == 0 && FolderCycles.Count == 0;

    /// <summary>The whole finding as text for a test failure; see <see cref="StageReport"/>.</summary>
    public string Describe(string subject, int examplesPerGroup = StageReport.DefaultExamplesPerGroup) => StageReport.Write(this, subject, examplesPerGroup);
}
