namespace AdvisoryPipeline.Cli;

/// <summary>Thrown by a command for a usage or configuration problem; reported as one line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
