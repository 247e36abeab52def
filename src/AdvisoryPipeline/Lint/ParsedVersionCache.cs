using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// Parsed versions shared by the records of a run. Advisories of one package list the same versions again and again
/// (the Django advisories each list hundreds), and parsing dominates the cost of the range rules, so each text is
/// parsed once per scheme. Safe for parallel use; it stops growing at <see cref="Capacity"/> entries, after which
/// further versions are parsed every time.
/// </summary>
internal sealed class ParsedVersionCache
{
    public const int Capacity = 500_000;

    private readonly ConcurrentDictionary<(IVersionScheme Scheme, string Text), Result> _results = new();

    public bool TryParse(IVersionScheme scheme, string text, [NotNullWhen(true)] out ParsedVersion? version, [NotNullWhen(false)] out string? error)
    {
        if (!_results.TryGetValue((scheme, text), out var result))
        {
            result = scheme.TryParse(text, out var parsed, out var reason) ? new Result(parsed, null) : new Result(null, reason);
            if (_results.Count < Capacity) _results.TryAdd((scheme, text), result);
        }
        version = result.Version;
        error = result.Error;
        return version is not null;
    }

    private sealed record Result(ParsedVersion? Version, string? Error);
}
