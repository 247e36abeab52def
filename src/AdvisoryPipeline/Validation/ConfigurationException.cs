




using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Validation;

/// <summary>The database configuration or the schema cannot be used; nothing was validated.</summary>
public sealed class ConfigurationException(string message, IReadOnlyList<Finding> findings) : Exception(message)
{
    public IReadOnlyList<Finding> Findings { get; } = findings;
}
