namespace AdvisoryPipeline.Configuration;

/// <summary>
/// <c>ghsa:OWNER/REPO</c>: draft repository security advisories in a GitHub repository, usually the project's code
/// repository (not the one holding the OSV feed). It takes no branch or folder.
/// </summary>
public sealed record GhsaTargetSpec(string Text, string Owner, string Repository) : PublishTargetSpec(Text)
{
    /// <param name="text">The whole target text, for messages.</param>
    /// <param name="rest">What follows <c>ghsa:</c>.</param>
    /// <param name="spec">The target, when the text names one.</param>
    /// <returns>Null, or what is wrong with the text.</returns>
    internal static string? Parse(string text, string rest, out PublishTargetSpec? spec)
    {
        spec = null;
        var parts = rest.Split('/');
        if (parts.Length != 2 || !PublishTargetSpec.IsGitHubName(parts[0], allowDots: false) || !PublishTargetSpec.IsGitHubName(parts[1], allowDots: true))
            return $"'{text}' does not name a GitHub repository: write ghsa:OWNER/REPO (no branch or folder), e.g. ghsa:acme/tessera.";
        spec = new GhsaTargetSpec(text, parts[0], parts[1]);
        return null;
    }
}
