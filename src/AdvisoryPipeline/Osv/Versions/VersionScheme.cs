using System.Diagnostics.CodeAnalysis;

namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// Base of every scheme: handles OSV's reserved <c>"0"</c> and <c>"*"</c> once for all schemes and phrases
/// the error, so that each scheme only says why its own syntax rejects a string.
/// </summary>
internal abstract class VersionScheme : IVersionScheme
{
    public abstract string Name { get; }

    public bool TryParse(string text, [NotNullWhen(true)] out ParsedVersion? version, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (OsvBoundaryVersion.TryGet(text, out var boundary))
        {
            version = boundary!;
            error = null;
            return true;
        }
        string? reason;
        if (string.IsNullOrWhiteSpace(text))
        {
            version = null;
            reason = "the version is empty";
        }
        else if (TryParseVersion(text, out version, out reason))
        {
            error = null;
            return true;
        }
        error = $"{QuotedText.Of(text)} is not a valid {Name} version: {reason}";
        return false;
    }

    /// <summary>
    /// Parses a real version, never empty or only whitespace; on failure <paramref name="reason"/> is a
    /// lower-case clause without a final stop.
    /// </summary>
    private protected abstract bool TryParseVersion(
        string text, [NotNullWhen(true)] out ParsedVersion? version, [NotNullWhen(false)] out string? reason);

    public override string ToString() => Name;
}
