using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Announcing;

/// <summary>What a chat post says about an advisory: that it was published, or that it was withdrawn.</summary>
public enum ChatNotice
{
    Announced,
    Withdrawn,
}

/// <summary>One package of a post: the affected versions as comparison text and the fixed versions (commits shortened).</summary>
public sealed record ChatPackage(string Ecosystem, string Name, string Affected, IReadOnlyList<string> Fixed);

/// <summary>
/// The content of one chat post, the same for every service: the advisory's ID, summary, severity, affected and fixed
/// versions, and the links to its page and OSV record. Values are the record's own text, unescaped: each service's
/// message escapes what that service would read as a mention, a link or markup.
/// </summary>
/// <param name="Modified">The record's <c>modified</c> as published: the version the ledger records and Matrix's transaction ID is derived from.</param>
public sealed record ChatAnnouncement(
    ChatNotice Notice,
    string Id,
    string Summary,
    string? Severity,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<ChatPackage> Packages,
    string? PageUrl,
    string? OsvUrl,
    string Modified,
    string DatabaseName)
{
    /// <summary>The post's first line: "TSSA-2025-4: summary", or "Withdrawn: TSSA-2025-4: summary".</summary>
    public string Headline
    {
        get
        {
            var title = Summary.Length == 0 || Summary == Id ? Id : $"{Id}: {Summary}";
            // A withdrawn advisory's summary often says so already ("Withdrawn: ..."): say it once.
            return Notice == ChatNotice.Withdrawn && !Summary.StartsWith("Withdrawn", StringComparison.OrdinalIgnoreCase) ? "Withdrawn: " + title : title;
        }
    }

    /// <summary>A sentence for a withdrawn advisory; null for an announcement.</summary>
    public string? WithdrawnText => Notice == ChatNotice.Withdrawn
        ? $"{Id} has been withdrawn: it no longer describes a vulnerability. The record stays published, marked as withdrawn."
        : null;

    public static ChatAnnouncement From(OsvRecord record, RenderSettings settings, ChatNotice notice)
    {
        var view = AdvisoryView.From(record);
        return new ChatAnnouncement(
            notice,
            view.Id,
            SingleLineText.Of(view.Title),
            view.HighestSeverity?.RatingAndScore,
            view.Aliases,
            [.. view.Affected.Select(package => new ChatPackage(
                package.Ecosystem,
                package.Package,
                package.AffectedText,
                [.. package.Ranges.SelectMany(range => range.Fixed.Select(version => range.IsGit ? CommitLink.For(null, version).ShortSha : version))
                    .Distinct(StringComparer.Ordinal)]))],
            settings.Links.Absolute(SiteLinks.AdvisoryPagePath(view.Id)),
            settings.Links.Absolute(SiteLinks.OsvJsonPath(view.Id)),
            record.Modified ?? "",
            SingleLineText.Of(settings.DatabaseName));
    }
}
