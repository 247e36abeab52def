using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Lint;

namespace AdvisoryPipeline.Validation;

/// <summary>
/// What a group of advisories is validated with: the database configuration that governs them (or the
/// defaults), the OSV schema compiled for that database's prefix, and its lint rules at the configured levels.
/// </summary>
/// <param name="ConfigPath">The <c>database.yaml</c> used, or null for the built-in defaults.</param>
/// <param name="ConfigFingerprint">Hash of the configuration's bytes: part of the validation cache key.</param>
public sealed record DatabaseContext(
    DatabaseConfig Config,
    string? ConfigPath,
    string ConfigFingerprint,
    OsvSchema Schema,
    LintRun Lint)
{
    /// <summary>The policy's OpenPGP key as checked when the context was made, with its findings (see <see cref="PolicyKeyCheck"/>).</summary>
    public PolicyKeyReading PolicyKey { get; init; } = PolicyKeyReading.None;

    // A database is one context (DatabaseContextResolver makes one per configuration file), so equality is identity:
    // comparing and hashing whole configurations, once per file of a 50,000-file run, was a tenth of a cached run.
    public bool Equals(DatabaseContext? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
