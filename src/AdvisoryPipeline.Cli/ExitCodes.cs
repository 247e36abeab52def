namespace AdvisoryPipeline.Cli;

/// <summary>Process exit codes; documented in README.md and in <c>--help</c>.</summary>
public static class ExitCodes
{
    /// <summary>Everything checked is valid (warnings allowed) or the command did its job.</summary>
    public const int Success = 0;

    /// <summary>Findings at error level, or a check such as <c>fix --check</c> that wants changes.</summary>
    public const int Findings = 1;

    /// <summary>Wrong usage or configuration: bad option, missing path, no advisories found, invalid config.</summary>
    public const int Usage = 2;

    /// <summary>A fault of the tool itself or of its environment (I/O failure, remote API down).</summary>
    public const int Failure = 3;
}
