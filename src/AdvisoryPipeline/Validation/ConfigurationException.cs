using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Validation;

/// <summary>The database configuration, the schema or the base reference cannot be used; nothing was validated.</summary>
public sealed class ConfigurationException(string message, IReadOnlyList<Finding> findings) : UsageException(message, findings);
