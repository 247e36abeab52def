using System.Text.RegularExpressions;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>
/// The announcement's subject from the configured template. For one advisory <c>{id}</c> and
/// <c>{summary}</c> are its own; for several (a release fixing several issues), <c>{id}</c> lists the IDs
/// and <c>{summary}</c> says how many and where: "2 vulnerabilities fixed in @tessera/client and
/// tessera-cli". Reusing the one template keeps the list's subject convention (its "[SECURITY]" tag,
/// say) configured in one place for both cases.
/// </summary>
public static partial class AnnouncementSubject
{
    private const int PackagesNamed = 3;

    public static string For(IReadOnlyList<AdvisoryView> advisories, RenderSettings settings)
    {
        var (id, summary) = advisories.Count == 1
            ? (advisories[0].Id, advisories[0].Title)
            : (string.Join(", ", advisories.Select(a => a.Id)), CombinedSummary(advisories));
        // One pass over the template: a summary that itself contains "{id}" is not expanded again.
        var subject = Placeholder().Replace(settings.Mail.SubjectTemplate, match => match.Groups[1].Value switch
        {
            "id" => id,
            "summary" => summary,
            _ => settings.DatabaseName,
        });
        return SingleLineText.Of(subject);
    }

    private static string CombinedSummary(IReadOnlyList<AdvisoryView> advisories)
    {
        var packages = advisories.SelectMany(a => a.Affected).Select(ShortName)
            .Where(name => name.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var allFixed = advisories.All(a => !a.IsWithdrawn && a.Affected.Any(p => p.FixedVersions.Count > 0));
        var what = allFixed ? $"{advisories.Count} vulnerabilities fixed in" : $"{advisories.Count} security advisories for";
        return packages.Count == 0 ? $"{advisories.Count} security advisories" : $"{what} {NameList(packages)}";
    }

    /// <summary>A GIT package is named by its repository URL; its last path segment is the name people use.</summary>
    private static string ShortName(AffectedPackageView package)
    {
        if (package.Ecosystem != "GIT") return package.Package;
        var name = package.Package.TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        return name.EndsWith(".git", StringComparison.Ordinal) ? name[..^4] : name;
    }

    private static string NameList(IReadOnlyList<string> names)
    {
        if (names.Count > PackagesNamed)
            return $"{string.Join(", ", names.Take(PackagesNamed))} and {names.Count - PackagesNamed} more";
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
    }

    [GeneratedRegex(@"\{(id|summary|database)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
