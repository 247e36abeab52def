using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Loading.Yaml;

/// <summary>What is wrong with a node, before the converter locates it.</summary>
internal readonly record struct PendingFinding(string Code, FindingLevel Level, string Message, string? Hint)
{
    /// <summary>
    /// Whether the finding depends on where the node is used rather than on how it is written: a value
    /// replayed through an alias is checked again only for these.
    /// </summary>
    public bool DependsOnPosition => Code is LoadFindingCodes.NumberForString or LoadFindingCodes.BooleanForString
        or LoadFindingCodes.NullForString or LoadFindingCodes.NotRepresentable or LoadFindingCodes.TooDeep;
}
