using System.Collections.Frozen;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// The level each rule reports at in one run: the rule's default, replaced by <c>database.yaml</c>'s
/// <c>lint:</c> entry when there is one (null = off), with <see cref="PlaceholderIds.Refused"/> forcing OSV104 to error.
/// Codes the configuration names but no rule has are left to <see cref="LintConfigCheck"/>.
/// </summary>
internal sealed class RuleLevels
{
    private readonly FrozenDictionary<string, FindingLevel?> _levels;

    private RuleLevels(FrozenDictionary<string, FindingLevel?> levels) => _levels = levels;

    public static RuleLevels From(DatabaseConfig config, LintOptions options)
    {
        var levels = new Dictionary<string, FindingLevel?>(StringComparer.Ordinal);
        foreach (var rule in LintRules.All)
            levels[rule.Code] = config.Lint is { } overrides && overrides.TryGetValue(rule.Code, out var configured)
                ? ToFindingLevel(configured)
                : rule.DefaultLevel;
        if (options.Placeholders == PlaceholderIds.Refused)
            levels[LintRules.PlaceholderId.Code] = FindingLevel.Error;
        return new RuleLevels(levels.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The level of the rule's findings in this run, or null when the rule is off.</summary>
    public FindingLevel? LevelOf(LintRule rule) => _levels[rule.Code];

    private static FindingLevel? ToFindingLevel(LintLevel level) => level switch
    {
        LintLevel.Info => FindingLevel.Info,
        LintLevel.Warning => FindingLevel.Warning,
        LintLevel.Error => FindingLevel.Error,
        _ => null,
    };
}
