using System.Diagnostics.CodeAnalysis;

namespace AdvisoryPipeline.Configuration;

/// <summary>One way of writing a publish target, as README.md and <c>--help</c> list it.</summary>
/// <param name="Syntax">The form, e.g. <c>git:PATH[#BRANCH][:FOLDER]</c>.</param>
/// <param name="Example">A target of that form.</param>
/// <param name="Description">What it publishes to, in a few words.</param>
public sealed record PublishTargetForm(string Kind, string Syntax, string Example, string Description);

/// <summary>
/// A publish target as written in <c>publish.targets</c> of <c>database.yaml</c> or with <c>--target</c>, and the only
/// reader of such text: the configuration check, the command line, their messages, <c>--help</c> and README.md all
/// take the grammar from here (<see cref="Forms"/>).
/// </summary>
/// <remarks>
/// A repository target is <c>KIND:LOCATION[#BRANCH][:FOLDER]</c>. The branch comes after '#' because branch names
/// contain '/'; the folder after ':', which git forbids in branch names. Without '#', the folder follows the last
/// ':' (so a path that contains ':' is written with '#': <c>git:we:ird#</c>). A GitHub repository may also name its
/// folder after the repository (<c>github:acme/db/data/osv</c>), as earlier versions wrote it.
/// </remarks>
public abstract record PublishTargetSpec(string Text)
{
    public const string DefaultText = "dir:out/osv";

    /// <summary>The folder of a repository target when the text names none.</summary>
    public const string DefaultFolder = "osv";

    public static IReadOnlyList<PublishTargetForm> Forms { get; } =
    [
        new("dir", "dir:PATH", "dir:out/osv", "a folder in osv.dev's feed layout (the default, dir:out/osv)"),
        new("git", "git:PATH[#BRANCH][:FOLDER]", "git:../advisory-db#main:osv",
            "a branch of a local git repository (default: the branch HEAD names, folder osv)"),
        new("github", "github:OWNER/REPO[#BRANCH][:FOLDER]", "github:acme/advisory-db#main",
            "a branch of a GitHub repository, through the REST API (default: its default branch, folder osv)"),
        new("ghsa", "ghsa:OWNER/REPO", "ghsa:acme/tessera", "draft repository security advisories of a GitHub repository"),
    ];

    /// <summary>The forms in one line: "dir:PATH, git:PATH[#BRANCH][:FOLDER], … or ghsa:OWNER/REPO".</summary>
    public static string FormsInWords { get; } =
        string.Join(", ", Forms.Take(Forms.Count - 1).Select(form => form.Syntax)) + " or " + Forms[^1].Syntax;

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
            "dir" => ParseFolder(text, rest, out spec),
            "git" => ParseGit(text, rest, out spec),
            "github" => ParseGitHub(text, rest, out spec),
            "ghsa" => ParseGhsa(text, rest, out spec),
            _ => $"'{text}' is not a publish target: write {FormsInWords}.",
        };
        return error is null;
    }

    /// <summary>Whether <paramref name="folder"/> can be a folder of a repository: a relative path of plain names.</summary>
    public static bool IsRepositoryFolder(string folder) =>
        folder.Length > 0
        && folder.Split('/').All(name => name.Length > 0 && name is not ("." or "..") && !name.Any(c => c == '\\' || char.IsControl(c)));

    private static string Expected(string kind) => Forms.Single(form => form.Kind == kind) is var form
        ? $"write {form.Syntax}, e.g. {form.Example}"
        : throw new ArgumentOutOfRangeException(nameof(kind));

    private static string? ParseFolder(string text, string rest, out PublishTargetSpec? spec)
    {
        spec = rest.Length == 0 ? null : new FeedFolderTargetSpec(text, rest);
        return spec is null ? $"'{text}' names no folder: {Expected("dir")}." : null;
    }

    private static string? ParseGit(string text, string rest, out PublishTargetSpec? spec)
    {
        spec = null;
        var (location, branch, folder, error) = SplitRepositoryText(text, rest);
        if (error is not null)
            return error;
        if (location.Length == 0)
            return $"'{text}' names no repository: {Expected("git")}.";
        spec = new GitTargetSpec(text, location, branch, folder ?? DefaultFolder);
        return null;
    }

    private static string? ParseGitHub(string text, string rest, out PublishTargetSpec? spec)
    {
        spec = null;
        var (location, branch, folder, error) = SplitRepositoryText(text, rest);
        if (error is not null)
            return error;
        var parts = location.Split('/', 3);
        if (parts.Length < 2 || !IsGitHubName(parts[0], allowDots: false) || !IsGitHubName(parts[1], allowDots: true))
            return $"'{text}' does not name a GitHub repository: {Expected("github")}.";
        if (parts.Length == 3 && folder is not null)
            return $"'{text}' names the folder twice: give it after the repository or after the branch, not both.";
        folder = parts.Length == 3 ? parts[2].TrimEnd('/') : folder;
        if (folder is not null && !IsRepositoryFolder(folder))
            return $"'{text}': '{folder}' is not a folder of the repository.";
        spec = new GitHubTargetSpec(text, parts[0], parts[1], branch, folder ?? DefaultFolder);
        return null;
    }

    private static string? ParseGhsa(string text, string rest, out PublishTargetSpec? spec)
    {
        spec = null;
        var parts = rest.Split('/');
        if (parts.Length != 2 || !IsGitHubName(parts[0], allowDots: false) || !IsGitHubName(parts[1], allowDots: true))
            return $"'{text}' does not name a GitHub repository: {Expected("ghsa")} (no branch or folder).";
        spec = new GhsaTargetSpec(text, parts[0], parts[1]);
        return null;
    }

    /// <summary>Splits <c>LOCATION[#BRANCH][:FOLDER]</c> (see the remarks).</summary>
    private static (string Location, string? Branch, string? Folder, string? Error) SplitRepositoryText(string text, string rest)
    {
        string location, branch = "";
        string? folder;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            location = rest[..hash];
            var fragment = rest[(hash + 1)..];
            var colon = fragment.IndexOf(':', StringComparison.Ordinal);
            branch = colon < 0 ? fragment : fragment[..colon];
            folder = colon < 0 ? null : fragment[(colon + 1)..];
        }
        else
        {
            var colon = rest.LastIndexOf(':');
            location = colon < 0 ? rest : rest[..colon];
            folder = colon < 0 ? null : rest[(colon + 1)..];
        }
        folder = folder?.TrimEnd('/');
        if (folder is not null && !IsRepositoryFolder(folder))
            return ("", null, null, $"'{text}': '{folder}' is not a folder of the repository.");
        return (location, branch.Length == 0 ? null : branch, folder, null);
    }

    private static bool IsGitHubName(string name, bool allowDots) =>
        name.Length > 0 && name is not ("." or "..") && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' || (allowDots && c is '.' or '_'));
}

/// <summary><c>dir:PATH</c>.</summary>
public sealed record FeedFolderTargetSpec(string Text, string Path) : PublishTargetSpec(Text);

/// <summary><c>git:PATH[#BRANCH][:FOLDER]</c>; a null branch is the one HEAD names.</summary>
public sealed record GitTargetSpec(string Text, string RepositoryPath, string? Branch, string Folder) : PublishTargetSpec(Text);

/// <summary><c>github:OWNER/REPO[#BRANCH][:FOLDER]</c>; a null branch is the repository's default branch.</summary>
public sealed record GitHubTargetSpec(string Text, string Owner, string Repository, string? Branch, string Folder) : PublishTargetSpec(Text);

/// <summary>
/// <c>ghsa:OWNER/REPO</c>: draft repository security advisories in a GitHub repository, usually the project's code
/// repository (not the one holding the OSV feed). It takes no branch or folder.
/// </summary>
public sealed record GhsaTargetSpec(string Text, string Owner, string Repository) : PublishTargetSpec(Text);
