using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Lint;

/// <summary>OSV509-OSV510: a GIT range names full commits of a repository that anyone can clone.</summary>
internal static partial class GitRangeChecks
{
    public static void Check(RecordContext context, int index, int rangeIndex, OsvRange range, IReadOnlyList<OsvEvent> events)
    {
        var rangePointer = Pointers.Range(index, rangeIndex);
        if (range.Repo is not { } repo)
            context.ReportAtKey(LintRules.GitRepository, rangePointer + "/repo", "the GIT range has no repo",
                "add repo: with the https URL of the repository the commits belong to");
        else if (!IsHttpsUrl(repo))
            context.Report(LintRules.GitRepository, rangePointer + "/repo", $"repo {repo} is not an https URL",
                RepositoryHint(repo));

        for (var k = 0; k < events.Count; k++)
        {
            if (events[k] is not { } e) continue;
            var version = e.Version;
            if (IsCommitHash(version) || (version == "0" && e.Kind == OsvEventKind.Introduced)) continue;
            context.Report(LintRules.GitCommits, Pointers.Event(index, rangeIndex, k, e.Kind),
                $"{Pointers.EventKey(e.Kind)} {version} is not a full commit hash (40 or 64 lower-case hex digits)", CommitHint(version));
        }
    }

    private static bool IsCommitHash(string text) =>
        text.Length is 40 or 64 && !text.AsSpan().ContainsAnyExcept("0123456789abcdef");

    private static string CommitHint(string version)
    {
        if (version.Length is 40 or 64 && !version.AsSpan().ContainsAnyExcept("0123456789abcdefABCDEF"))
            return $"write it in lower case: {version.ToLowerInvariant()}";
        if (version.Length is >= 4 and < 40 && !version.AsSpan().ContainsAnyExcept("0123456789abcdefABCDEF"))
            return $"write the full hash: git rev-parse {version}";
        // A hash with something around it: a patch file name (PyPA's 195caac...82.patch) or a commit URL.
        if (EmbeddedHash().Match(version) is { Success: true } hash)
            return $"write the hash alone: {hash.Value.ToLowerInvariant()}";
        return $"write the commit, not a tag or branch: git rev-parse {version}^{{commit}}";
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<![0-9a-fA-F])([0-9a-fA-F]{64}|[0-9a-fA-F]{40})(?![0-9a-fA-F])", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex EmbeddedHash();

    private static bool IsHttpsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0
        && text.StartsWith("https://", StringComparison.Ordinal);

    private static string RepositoryHint(string repo)
    {
        if (repo.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) return "write https://" + repo["http://".Length..];
        // scp-like git@host:owner/repo, which git accepts but a browser and most tools do not.
        var at = repo.IndexOf('@');
        var colon = repo.IndexOf(':');
        if (at > 0 && colon > at && !repo.Contains("://", StringComparison.Ordinal))
            return $"write https://{repo[(at + 1)..colon]}/{repo[(colon + 1)..]}";
        return "write the https URL of the repository, e.g. https://github.com/owner/project";
    }
}
