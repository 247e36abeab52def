using System.Diagnostics.CodeAnalysis;

namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// One way of spelling and ordering versions (PEP 440, SemVer 2.0, Maven, ...). Versions parsed by
/// one scheme compare with each other and with the OSV boundaries <see cref="ParsedVersion.BeginningOfTime"/>
/// and <see cref="ParsedVersion.EndOfTime"/>.
/// </summary>
public interface IVersionScheme
{
    /// <summary>Human name used in messages, e.g. "PEP 440" or "SemVer 2.0".</summary>
    string Name { get; }

    /// <summary>
    /// Parses <paramref name="text"/>. On failure <paramref name="error"/> is one sentence that quotes the
    /// text and says why, e.g. <c>"1.0.0-" is not a valid SemVer 2.0 version: empty pre-release identifier</c>.
    /// Never throws for bad input.
    /// </summary>
    bool TryParse(string text, [NotNullWhen(true)] out ParsedVersion? version, [NotNullWhen(false)] out string? error);
}
