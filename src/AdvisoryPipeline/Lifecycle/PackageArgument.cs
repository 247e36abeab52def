using System.Diagnostics.CodeAnalysis;
using AdvisoryPipeline.Osv.Ecosystems;

namespace AdvisoryPipeline.Lifecycle;

/// <summary>
/// A package named on the command line as <c>ECOSYSTEM/NAME</c>. Names may contain slashes (npm
/// <c>@scope/name</c>, Go <c>github.com/x/y</c>) and so may ecosystem suffixes (<c>Maven:https://…</c>), so the
/// split is at the first slash whose left part is a valid ecosystem: <c>npm/@scope/name</c> is npm and
/// <c>@scope/name</c>. <c>GIT</c> (a repository identified by its URL) is accepted beside the OSV ecosystems.
/// </summary>
public readonly record struct PackageArgument(string Ecosystem, string Name)
{
    public const string Git = "GIT";

    public bool IsGit => Ecosystem == Git;

    public static bool TryParse(string text, out PackageArgument package, [NotNullWhen(false)] out string? error)
    {
        package = default;
        for (var slash = text.IndexOf('/'); slash >= 0; slash = text.IndexOf('/', slash + 1))
        {
            var ecosystem = text[..slash];
            var name = text[(slash + 1)..];
            if (name.Length == 0 || !(ecosystem == Git || Osv.Ecosystems.Ecosystem.TryParse(ecosystem, out _))) continue;
            var problem = ecosystem == Git ? null : PackageNames.Problem(ecosystem, name);
            if (problem is not null)
            {
                error = $"{text}: {problem}";
                return false;
            }
            package = new PackageArgument(ecosystem, ecosystem == Git ? name : PackageNames.SafeCanonical(ecosystem, name));
            error = null;
            return true;
        }

        var first = text.IndexOf('/');
        var prefix = first < 0 ? text : text[..first];
        error = first < 0 || first == text.Length - 1
            ? $"{text}: expected ECOSYSTEM/NAME, e.g. PyPI/requests or npm/@scope/name"
            : Osv.Ecosystems.Ecosystem.TryParse(prefix, out _, out var why) ? $"{text}: no package name after the ecosystem" : $"{text}: {why}";
        return false;
    }
}
