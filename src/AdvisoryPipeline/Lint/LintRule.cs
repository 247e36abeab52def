using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// One lint rule: a stable code that configurations and documentation refer to, the level its findings
/// have unless the database configuration says otherwise, and a title that names what it requires.
/// </summary>
/// <param name="Code">Stable identifier, <c>OSV</c> and three digits; the first digit is the area (see <see cref="LintRules"/>).</param>
/// <param name="DefaultLevel">Level of its findings when <c>database.yaml</c> does not override it.</param>
/// <param name="Title">What a correct record does, as one short sentence without a final stop.</param>
/// <param name="Scope">Whether the rule looks at one record, at the whole database, or at the repository history.</param>
public sealed record LintRule(string Code, FindingLevel DefaultLevel, string Title, LintScope Scope = LintScope.Record)
{
    public override string ToString() => $"{Code} ({DefaultLevel.ToString().ToLowerInvariant()}): {Title}";
}

/// <summary>What a rule needs to see to decide.</summary>
public enum LintScope
{
    /// <summary>One record and its YAML source.</summary>
    Record,

    /// <summary>The summaries of every record of the database (unique ids, aliases claimed twice).</summary>
    Database,

    /// <summary>The database compared with itself at a git reference (<c>advisory validate --base</c>).</summary>
    History,
}
