using System.Text;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// Stable Atom IDs for a site without a URL: <c>tag:</c> URIs (RFC 4151), <c>tag:AUTHORITY,DATE:SPECIFIC</c>.
/// The authority is the project's home host, or, without one, a name made from the database's name under
/// the reserved <c>.invalid</c> domain (so that it can never claim someone else's domain). The date of an
/// entry is the day its advisory was first published, a day on which the project certainly had its name;
/// the feed's is the earliest such day of the database (<see cref="AtomFeedWriter.Undated"/> for what has no date).
/// </summary>
internal sealed class AtomTagUri(RenderSettings settings, IReadOnlyList<AdvisoryView> advisories)
{
    private readonly string _authority = settings.HomeUrl is { IsAbsoluteUri: true, Host.Length: > 0 } home
        ? home.IdnHost
        : Slug(settings.DatabaseName) + ".invalid";

    public string Entry(AdvisoryView advisory) =>
        $"tag:{_authority},{Day(advisory.Published ?? advisory.LastUpdated ?? AtomFeedWriter.Undated)}:{advisory.Id}";

    public string Feed()
    {
        var first = advisories.Select(a => a.Published ?? a.LastUpdated).OfType<DateTimeOffset>().DefaultIfEmpty(AtomFeedWriter.Undated).Min();
        return $"tag:{_authority},{Day(first)}:feed";
    }

    private static string Day(DateTimeOffset moment) => DisplayTime.Date(moment);

    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? "advisories" : text[..Math.Min(text.Length, 63)].TrimEnd('-');
    }
}
