using AdvisoryPipeline.Osv.Cvss;
using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Lint;

/// <summary>The caches of one <see cref="LintRun"/>, shared by all its records.</summary>
internal sealed class RunCaches
{
    public ParsedVersionCache Versions { get; } = new();

    /// <summary>What is wrong with a severity's vector, by severity type and vector.</summary>
    public RunCache<(string Type, string Vector), SeverityProblem?> Severities { get; } = new(100_000);

    /// <summary>Why a purl does not identify a package (null when it does), by ecosystem, name and purl.</summary>
    public RunCache<(string Ecosystem, string Name, string Purl), string?> Purls { get; } = new(100_000);
}

/// <summary>A CVSS vector that does not parse (<see cref="Offset"/> where, if known), or parses as <see cref="OtherVersion"/>.</summary>
internal sealed record SeverityProblem(string Message, int? Offset, Osv.Cvss.CvssVersion? OtherVersion);
