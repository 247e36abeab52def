using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// Collects the findings of one check at the levels of the run. Rules ask <see cref="IsOn"/> before costly work
/// and report through <see cref="Add"/>, which drops findings of rules that are off.
/// </summary>
internal sealed class FindingList(RuleLevels levels)
{
    private readonly List<Finding> _findings = [];

    public bool IsOn(LintRule rule) => levels.LevelOf(rule) is not null;

    public void Add(LintRule rule, SourceLocation where, string message, string? hint, string? pointer)
    {
        if (levels.LevelOf(rule) is { } level)
            _findings.Add(new Finding(rule.Code, level, message, where, hint, pointer));
    }

    /// <summary>In <see cref="FindingOrder"/>: the same input always gives the same output.</summary>
    public IReadOnlyList<Finding> Sorted() => FindingOrder.Sort(_findings);
}
