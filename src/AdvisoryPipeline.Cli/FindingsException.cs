namespace AdvisoryPipeline.Cli;

/// <summary>
/// The input has errors the command already printed (or summarised in the message); exit code 1. Commands that
/// render or publish stop here rather than produce output from invalid advisories.
/// </summary>
public sealed class FindingsException(string message) : Exception(message);
