using System.Security.Cryptography;
using System.Text;
using AdvisoryPipeline.Presentation;
using MimeKit;

namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>
/// A stable Message-ID for an announcement: derived from the advisories' IDs and their <c>modified</c>
/// timestamps, at the site's host. Generating the mail twice gives the same ID (so a resent draft is
/// recognised as a duplicate), while an announcement of an updated advisory gets a new one.
/// </summary>
public static class AnnouncementMessageId
{
    public static string For(IReadOnlyList<AdvisoryView> advisories, RenderSettings settings)
    {
        var revisions = string.Join("\n", advisories.Select(a => a.Id + " " + a.Record.Modified));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(revisions)))[..24];
        var first = new string([.. advisories[0].Id.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-')]);
        return $"{first}.{hash}@{Host(settings)}";
    }

    private static string Host(RenderSettings settings)
    {
        if (settings.SiteUrl is { IdnHost.Length: > 0 } site) return site.IdnHost;
        if (MailboxAddress.TryParse(SingleLineText.Of(settings.Mail.From), out var from) && from.Domain.Length > 0)
            return from.Domain;
        return "localhost";
    }
}
