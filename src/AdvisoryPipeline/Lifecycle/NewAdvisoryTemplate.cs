using System.Text;
using System.Text.RegularExpressions;
using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Osv.Identifiers;
using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Lifecycle;

/// <summary>What <c>advisory new</c> is asked for.</summary>
/// <param name="Introduced">First affected version; <c>"0"</c> (the beginning of history) when not given.</param>
public sealed record NewAdvisoryRequest(
    PackageArgument Package,
    string? Introduced = null,
    string? Fixed = null,
    IReadOnlyList<string>? Aliases = null,
    string? Summary = null);

/// <summary>
/// The text of a new advisory: a placeholder ID, <c>modified</c> set to now and no <c>published</c> (the first publish
/// sets it, at disclosure), the
/// package with its canonical name and purl, one range, and every version quoted. What the author still has
/// to write is left visibly empty (<c>summary: ""</c> when none was given, <c>details: ""</c>): the authoring
/// schema (minLength) and lint flag empty text, and the placeholder ID keeps the advisory out of every public
/// output until <c>assign-ids</c> runs. The output is <c>advisory fix</c>-clean.
/// </summary>
public static partial class NewAdvisoryTemplate
{
    public const string SchemaVersion = "1.7.0";

    /// <summary>The range type for a package: GIT for repositories, SEMVER where the ecosystem's versions are SemVer, else ECOSYSTEM.</summary>
    public static string RangeTypeFor(PackageArgument package) =>
        package.IsGit ? "GIT"
        : Ecosystem.BaseName(package.Ecosystem) is "npm" or "crates.io" or "Go" or "Hex" or "Pub" ? "SEMVER"
        : "ECOSYSTEM";

    /// <summary>Why <paramref name="version"/> cannot be an event of the range <see cref="RangeTypeFor"/> gives, or null.</summary>
    public static string? VersionProblem(PackageArgument package, string version)
    {
        if (package.IsGit)
            return GitCommit().IsMatch(version) ? null : $"\"{version}\" is not a full git commit hash (40 or 64 lower-case hex digits) or \"0\"";
        var scheme = RangeTypeFor(package) == "SEMVER" ? VersionSchemes.SemVer : VersionSchemes.ForEcosystem(package.Ecosystem);
        return scheme is null || scheme.TryParse(version, out _, out var error) ? null : error;
    }

    public static string Render(AdvisoryId id, NewAdvisoryRequest request, DateTimeOffset now, string? schemaReference, string? siteUrl)
    {
        var timestamp = YamlScalarText.DoubleQuoted(OsvTimestamp.FormatWholeSeconds(now));
        var package = request.Package;
        var text = new StringBuilder();
        if (schemaReference is not null) text.Append("# yaml-language-server: $schema=").Append(schemaReference).Append('\n');
        text.Append("schema_version: ").Append(YamlScalarText.DoubleQuoted(SchemaVersion)).Append('\n');
        text.Append("id: ").Append(Plain(id.ToString())).Append('\n');
        text.Append("modified: ").Append(timestamp).Append('\n');
        if (request.Aliases is { Count: > 0 } aliases)
        {
            text.Append("aliases:\n");
            foreach (var alias in aliases) text.Append("  - ").Append(Plain(alias)).Append('\n');
        }
        text.Append("summary: ").Append(Plain(request.Summary ?? "")).Append('\n');
        text.Append("details: \"\"\n");
        text.Append("affected:\n");
        text.Append("  - package:\n");
        text.Append("      ecosystem: ").Append(Plain(package.Ecosystem)).Append('\n');
        text.Append("      name: ").Append(Plain(package.Name)).Append('\n');
        if (!package.IsGit && Purl.For(package.Ecosystem, package.Name) is { } purl)
            text.Append("      purl: ").Append(Plain(purl.ToString())).Append('\n');
        text.Append("    ranges:\n");
        text.Append("      - type: ").Append(RangeTypeFor(package)).Append('\n');
        if (package.IsGit) text.Append("        repo: ").Append(Plain(package.Name)).Append('\n');
        text.Append("        events:\n");
        text.Append("          - introduced: ").Append(YamlScalarText.DoubleQuoted(request.Introduced ?? "0")).Append('\n');
        if (request.Fixed is { } fixedVersion)
            text.Append("          - fixed: ").Append(YamlScalarText.DoubleQuoted(fixedVersion)).Append('\n');
        if (siteUrl is not null)
        {
            text.Append("references:\n");
            text.Append("  - type: ADVISORY\n");
            text.Append("    url: ").Append(Plain(siteUrl + id + "/")).Append('\n');
        }
        return text.ToString();
    }

    private static string Plain(string value) => YamlScalarText.InStyleOf(YamlScalarStyle.Plain, value)!;

    [GeneratedRegex("^(0|[a-f0-9]{40}|[a-f0-9]{64})$", RegexOptions.CultureInvariant)]
    private static partial Regex GitCommit();
}
