using AdvisoryPipeline.Configuration;

namespace AdvisoryPipeline.Lint;

/// <summary>Entry point of the lint stage, which runs after the schema on records that deserialize into an OsvRecord.</summary>
public static class Linter
{
    /// <summary>A run for one database: its configuration decides prefixes, allowed ecosystems and rule levels.</summary>
    public static LintRun Create(DatabaseConfig config, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= LintOptions.Default;
        return new LintRun(config, options, RuleLevels.From(config, options));
    }
}
