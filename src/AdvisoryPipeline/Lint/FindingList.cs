




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

    /// <summary>By file, line, column, code and message: the same input always gives the same output.</summary>
    public IReadOnlyList<Finding> Sorted()
    {
        var sorted = _findings.ToArray();
        Array.Sort(sorted, static (a, b) =>
        {
            var byFile = string.CompareOrdinal(a.Location.File, b.Location.File);
            if (byFile != 0) return byFile;
            var byLine = a.Location.Line.CompareTo(b.Location.Line);
            if (byLine != 0) return byLine;
            var byColumn = a.Location.Column.CompareTo(b.Location.Column);
            if (byColumn != 0) return byColumn;
            var byCode = string.CompareOrdinal(a.Code, b.Code);
            return byCode != 0 ? byCode : string.CompareOrdinal(a.Message, b.Message);
        });
        return sorted;
    }
}
