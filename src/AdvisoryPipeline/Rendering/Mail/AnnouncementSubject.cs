using System.Text.RegularExpressions;
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

    /// <summary>
    /// The longest subject: the title is already at most <see cref="AdvisoryView.MaxTitleLength"/> characters; this
    /// bounds what a template, a long database name or a list of many IDs adds.
    /// </summary>
    public const int MaxLength = 200;

    public static string For(IReadOnlyList<AdvisoryView> advisories, RenderSettings settings)
    {
        var (id, summary) = advisories.Count == 1
            ? (advisories[0].Id, advisories[0].Title)
            : (IdList(advisories), CombinedSummary(advisories));
        // One pass over the template: a summary that itself contains "{id}" is not expanded again.
        var subject = Placeholder().Replace(settings.Mail.SubjectTemplate, match => match.Groups[1].Value switch
        {
            "id" => id,
            "summary" => summary,
            _ => settings.DatabaseName,
        });
        return ShortText.Cut(SingleLineText.Of(subject), MaxLength);
    }

    /// <summary>"A, B, C", and past <see cref="IdsNamed"/> IDs "A, B, C, D, E and 3 more".</summary>
    private static string IdList(IReadOnlyList<AdvisoryView> advisories) =>
        advisories.Count > IdsNamed
            ? NameList.Of([.. advisories.Select(a => a.Id)], IdsNamed)
            : string.Join(", ", advisories.Select(a => a.Id));

    private const int IdsNamed = 5;

    private static string CombinedSummary(IReadOnlyList<AdvisoryView> advisories)
    {
        var packages = advisories.SelectMany(a => a.Affected).Select(p => SingleLineText.Of(p.ShortName))
            .Where(name => name.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var allFixed = advisories.All(a => !a.IsWithdrawn && a.Affected.Any(p => p.FixedVersions.Count > 0));
        var what = allFixed ? $"{advisories.Count} vulnerabilities fixed in" : $"{advisories.Count} security advisories for";
        return packages.Count == 0 ? $"{advisories.Count} security advisories" : $"{what} {NameList.Of(packages, PackagesNamed)}";
    }

    [GeneratedRegex(@"\{(id|summary|database)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
