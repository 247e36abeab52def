using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// Checks the <c>lint:</c> section of <c>database.yaml</c> against the rules that exist. The loader checks its shape
/// (codes written as codes, levels among off/info/warning/error); only lint knows which codes are rules.
/// </summary>
public static class LintConfigCheck
{
    /// <summary>A code under <c>lint:</c> that no rule has: a typo silently leaves the intended rule at its default.</summary>
    public const string UnknownRuleCode = "CFG010";

    /// <param name="config">The loaded configuration.</param>
    /// <param name="configPath">The configuration file, as findings name it.</param>
    /// <param name="configMap">Its source map, to locate each unknown code at its key; without it findings name the file.</param>
    public static IReadOnlyList<Finding> Check(DatabaseConfig config, string configPath, SourceMap? configMap = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Lint is null) return [];
        var findings = new List<Finding>();
        foreach (var code in config.Lint.Keys.Order(StringComparer.Ordinal))
        {
            if (LintRules.Find(code) is not null) continue;
            var pointer = "/lint/" + code;
            var near = LintRules.All.FirstOrDefault(rule => string.Equals(rule.Code, code, StringComparison.OrdinalIgnoreCase));
            findings.Add(new Finding(UnknownRuleCode, FindingLevel.Warning,
                $"lint: {code} is not a lint rule, so this line has no effect",
                configMap?.LocateKey(pointer) ?? SourceLocation.WholeFile(configPath),
                near is not null ? $"rule codes are upper case: {near.Code}" : "the rules are listed in docs/lint/ (OSV101 to OSV903)",
                pointer));
        }
        return findings;
    }
}
