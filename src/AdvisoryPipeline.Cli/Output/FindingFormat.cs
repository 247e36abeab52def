namespace AdvisoryPipeline.Cli.Output;

/// <summary>How findings are printed: for people, for machines, or as GitHub Actions annotations.</summary>
public enum FindingFormat
{
    Text,
    Json,
    GitHub,
}
