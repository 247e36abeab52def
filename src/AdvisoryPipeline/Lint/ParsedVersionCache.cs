using System.Diagnostics.CodeAnalysis;
using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// Parsed versions shared by the records of a run. Advisories of one package list the same versions again and again
/// (the Django advisories each list hundreds), and parsing dominates the cost of the range rules, so each text is
/// parsed once per scheme.
/// </summary>
internal sealed class ParsedVersionCache
{
    private readonly RunCache<(IVersionScheme Scheme, string Text), Result> _results = new(500_000);

    public bool TryParse(IVersionScheme scheme, string text, [NotNullWhen(true)] out ParsedVersion? version, [NotNullWhen(false)] out string? error)
    {
        var result = _results.GetOrAdd((scheme, text), 0, static (key, _) =>
            key.Scheme.TryParse(key.Text, out var parsed, out var reason) ? new Result(parsed, null) : new Result(null, reason));
        version = result.Version;
        error = result.Error;
        return version is not null;
    }

    private sealed record Result(ParsedVersion? Version, string? Error);
}
