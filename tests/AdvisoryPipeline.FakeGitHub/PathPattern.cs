using System.Text.RegularExpressions;

namespace AdvisoryPipeline.FakeGitHub;

/// <summary>
/// A glob over request paths: <c>*</c> matches within one segment, <c>**</c> across segments. Matching ignores
/// case because GitHub treats owner and repository names that way. Example: <c>/repos/*/*/git/refs/**</c>.
/// </summary>
public sealed class PathPattern
{
    private readonly Regex _regex;

    public PathPattern(string glob)
    {
        Glob = glob;
        var body = Regex.Escape(glob).Replace(@"\*\*", "\u0001", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace("\u0001", ".*", StringComparison.Ordinal);
        _regex = new Regex("^" + body + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public string Glob { get; }

    public bool Matches(string path) => _regex.IsMatch(path);

    public override string ToString() => Glob;
}
