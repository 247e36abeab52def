namespace AdvisoryPipeline.Presentation;

/// <summary>
/// A commit of a GIT range: the full hash, a short form for display, and a web URL where the repository is
/// on a forge whose commit URLs we know. Other hosts get no link rather than a guessed one.
/// </summary>
public sealed record CommitLink(string Sha, string? Url)
{
    public string ShortSha => Sha.Length > 12 ? Sha[..12] : Sha;

    public static CommitLink For(string? repo, string sha)
    {
        if (repo is null || sha == "0" || !Uri.TryCreate(repo, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            return new CommitLink(sha, null);
        var baseUrl = repo.TrimEnd('/');
        if (baseUrl.EndsWith(".git", StringComparison.Ordinal)) baseUrl = baseUrl[..^4];
        var url = uri.Host switch
        {
            "github.com" or "gitlab.com" or "codeberg.org" or "gitea.com" => $"{baseUrl}/commit/{sha}",
            "bitbucket.org" => $"{baseUrl}/commits/{sha}",
            _ when uri.Host.EndsWith(".googlesource.com", StringComparison.Ordinal) => $"{baseUrl}/+/{sha}",
            _ when uri.Host.StartsWith("gitlab.", StringComparison.Ordinal) => $"{baseUrl}/-/commit/{sha}",
            _ => null,
        };
        return new CommitLink(sha, url);
    }
}
