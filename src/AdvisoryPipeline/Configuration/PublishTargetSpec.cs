using System.Diagnostics.CodeAnalysis;
using AdvisoryPipeline.Publishing.Repository;

namespace AdvisoryPipeline.Configuration;

/// <summary>
/// A publish target as written in <c>publish.targets</c> or on the command line:
/// <list type="bullet">
/// <item><c>dir:PATH</c>: a consumer feed in a folder (default <c>dir:out/osv</c>);</item>
/// <item><c>git:PATH[#[BRANCH][:FOLDER]]</c>: a branch of a local repository (default: the branch HEAD names, folder <c>osv</c>);</item>
/// <item><c>github:OWNER/REPO[/FOLDER][#[BRANCH][:FOLDER]]</c>: a branch of a GitHub repository (default: its default branch, folder <c>osv</c>);</item>
/// <item><c>ghsa:OWNER/REPO</c>: draft repository security advisories of a GitHub repository (<see cref="GhsaTargetSpec"/>).</item>
/// </list>
/// The branch comes after '#' because branch names contain '/'; a folder after the branch follows ':', which git
/// forbids in branch names. Examples: <c>git:../advisory-db#main</c>, <c>git:.#osv-feed:data/osv</c>,
/// <c>github:acme/advisory-db#main</c>, <c>github:acme/advisory-db/data/osv</c>.
/// </summary>
public abstract record PublishTargetSpec(string Text)
{
    public const string DefaultText = "dir:out/osv";

    public static PublishTargetSpec Default { get; } = Parse(DefaultText);

    /// <exception cref="FormatException">The text is not a target; the message says what is wrong.</exception>
    public static PublishTargetSpec Parse(string text) =>
        TryParse(text, out var spec, out var error) ? spec : throw new FormatException(error);

    public static bool TryParse(string text, [NotNullWhen(true)] out PublishTargetSpec? spec, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        spec = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? "" : text[..colon];
        var rest = colon < 0 ? "" : text[(colon + 1)..];
        error = kind switch
        {
            "dir" => rest.Length == 0 ? $"'{text}' names no folder: write dir:PATH, e.g. {DefaultText}." : null,
            "git" => ParseGit(text, rest, out spec),
            "github" => ParseGitHub(text, rest, out spec),
            "ghsa" => GhsaTargetSpec.Parse(text, rest, out spec),
            _ => $"'{text}' is not a publish target: write dir:PATH, git:PATH[#BRANCH[:FOLDER]], github:OWNER/REPO[#BRANCH[:FOLDER]] or ghsa:OWNER/REPO.",
        };
        if (kind == "dir" && error is null)
            spec = new FeedFolderTargetSpec(text, rest);
        return error is null;
    }

    private static string? ParseGit(string text, string rest, out PublishTargetSpec? spec)
    {
        spec = null;
        var (location, branch, folder, error) = SplitFragment(text, rest);
        if (error is not null)
            return error;
        if (location.Length == 0)
            return $"'{text}' names no repository: write git:PATH, e.g. git:../advisory-db#main.";
        spec = new GitTargetSpec(text, location, branch, folder ?? RecordLayout.DefaultFolder);
        return null;
    }

    private static string? ParseGitHub(string text, string rest, out PublishTargetSpec? spec)
    {
        spec = null;
        var (location, branch, folder, error) = SplitFragment(text, rest);
        if (error is not null)
            return error;
        var parts = location.Split('/', 3);
        if (parts.Length < 2 || !IsGitHubName(parts[0], allowDots: false) || !IsGitHubName(parts[1], allowDots: true))
            return $"'{text}' does not name a GitHub repository: write github:OWNER/REPO, e.g. github:acme/advisory-db#main.";
        if (parts.Length == 3 && folder is not null)
            return $"'{text}' names the folder twice: give it after the repository or after the branch, not both.";
        folder = parts.Length == 3 ? parts[2].TrimEnd('/') : folder;
        if (folder is not null && !RecordLayout.IsValidFolder(folder))
            return $"'{text}': '{folder}' is not a folder of the repository.";
        spec = new GitHubTargetSpec(text, parts[0], parts[1], branch, folder ?? RecordLayout.DefaultFolder);
        return null;
    }

    private static (string Location, string? Branch, string? Folder, string? Error) SplitFragment(string text, string rest)
    {
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
            return (rest, null, null, null);
        var fragment = rest[(hash + 1)..];
        var colon = fragment.IndexOf(':', StringComparison.Ordinal);
        var branch = colon < 0 ? fragment : fragment[..colon];
        var folder = colon < 0 ? null : fragment[(colon + 1)..].TrimEnd('/');
        if (folder is not null && !RecordLayout.IsValidFolder(folder))
            return ("", null, null, $"'{text}': '{folder}' is not a folder of the repository.");
        return (rest[..hash], branch.Length == 0 ? null : branch, folder, null);
    }

    internal static bool IsGitHubName(string name, bool allowDots) =>
        name.Length > 0 && name is not ("." or "..") && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' || (allowDots && c is '.' or '_'));
}

/// <summary><c>dir:PATH</c>.</summary>
public sealed record FeedFolderTargetSpec(string Text, string Path) : PublishTargetSpec(Text);

/// <summary><c>git:PATH[#[BRANCH][:FOLDER]]</c>; a null branch is the one HEAD names.</summary>
public sealed record GitTargetSpec(string Text, string RepositoryPath, string? Branch, string Folder) : PublishTargetSpec(Text);

/// <summary><c>github:OWNER/REPO[/FOLDER][#[BRANCH][:FOLDER]]</c>; a null branch is the repository's default branch.</summary>
public sealed record GitHubTargetSpec(string Text, string Owner, string Repository, string? Branch, string Folder) : PublishTargetSpec(Text);
