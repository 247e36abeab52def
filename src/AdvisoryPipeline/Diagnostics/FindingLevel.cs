namespace AdvisoryPipeline.Diagnostics;

/// <summary>How serious a finding is. Only <see cref="Error"/> makes a run fail.</summary>
public enum FindingLevel
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
