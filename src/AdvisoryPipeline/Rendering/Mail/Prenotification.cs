using System.Security.Cryptography;
using System.Text;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.OpenPgp;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Mail.Signing;
using AdvisoryPipeline.Validation;
using MimeKit;

namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>A recipient of a pre-notification list with the key its messages are encrypted to.</summary>
public sealed record PrenotificationRecipient(string Address, OpenPgpCertificate Key);

/// <summary>A fix or patch sent along (inside the encryption), e.g. <c>0001-Bound-the-chunk-length.patch</c>.</summary>
public sealed record PrenotificationAttachment(string FileName, byte[] Content);

/// <summary>One message of a pre-notification: who it goes to, the keys it is encrypted to, and the message.</summary>
public sealed record PrenotificationMessage(IReadOnlyList<PrenotificationRecipient> Recipients, MimeMessage Message);

/// <summary>
/// The pre-notification of embargoed advisories to a list such as distros, following the distros and oss-security
/// conventions: the embargo's terms and the planned public date and time in UTC in the first lines, then the
/// advisories as the announcement will tell them (affected and fixed versions, details, credits, references), with
/// the fixes attached. Each message is signed (PGP/MIME) and then encrypted to its recipients' keys (RFC 3156, 6.1):
/// one message per recipient or one for all keys, as the list is configured. It refuses an embargo longer than the
/// list's maximum, counted from <c>now</c>, and advisories that are already public (see <see cref="EmbargoedAdvisories"/>).
/// </summary>
public static class Prenotification
{
    private const int Width = PlainTextWrapper.MailWidth;

    /// <exception cref="UsageException">An embargo is longer than the list accepts, or already over.</exception>
    public static void CheckEmbargo(IReadOnlyList<EmbargoedAdvisory> advisories, string listName, PrenotifyListConfig list, DateTimeOffset now)
    {
        var limit = TimeSpan.FromDays(list.MaxEmbargoDays);
        foreach (var advisory in advisories)
        {
            if (advisory.Until <= now)
                throw new UsageException($"{advisory.Record.Id}: its embargo ended on {DisplayTime.Full(advisory.Until)}; it is public now: announce it instead");
            if (advisory.Until - now > limit)
                throw new UsageException($"{advisory.Record.Id} is embargoed until {DisplayTime.Full(advisory.Until)}, {Days(advisory.Until - now)} from now; " +
                    $"the {listName} list accepts at most {list.MaxEmbargoDays} days: send the pre-notification on or after {DisplayTime.Full(advisory.Until - limit)}");
        }
    }

    /// <summary>The text every recipient reads once decrypted: the embargo's terms first, then the advisories.</summary>
    public static string Text(IReadOnlyList<EmbargoedAdvisory> advisories, string listName, PrenotifyListConfig list, RenderSettings settings,
        IReadOnlyList<PrenotificationAttachment> attachments, DateTimeOffset now)
    {
        var publicDate = advisories.Min(a => a.Until);
        var text = new PlainTextDocument(Width);
        text.Paragraph($"EMBARGOED until {DisplayTime.Full(publicDate)}. Do not share, publish or push fixes before then.");
        var terms = new List<string>
        {
            $"This is a pre-notification from {SingleLineText.Of(settings.DatabaseName)} to the {listName} list, ahead of public disclosure. Its terms:",
        };
        text.Block(terms.SelectMany(line => PlainTextWrapper.Wrap(line, Width)));
        text.Block(new[]
        {
            $"Keep it confidential until the public date and time above, {Days(publicDate - now)} from the sending of this mail (the list accepts at most {list.MaxEmbargoDays} days).",
            "Share it only with the people who need it to prepare fixed packages.",
            "Do not push fixes to public repositories or public build services before the public date.",
            "If the issue becomes public earlier, tell us at once by replying to this mail: we then publish immediately.",
        }.SelectMany(item => PlainTextWrapper.Wrap(item, Width, "- ", "  ")));

        var facts = new FieldList();
        facts.Add("Public date", DisplayTime.Full(publicDate));
        if (advisories.Count > 1 || advisories[0].Until != publicDate)
            facts.Add("Per advisory", advisories.Select(a => $"{a.Record.Id}: {DisplayTime.Full(a.Until)}"));
        facts.Add("Attached", attachments.Count == 0 ? ["no patches"] : attachments.Select(a => a.FileName));
        text.Block(facts.Lines(Width));

        var announcement = AnnouncementTextRenderer.Render([.. advisories.Select(a => AdvisoryView.From(a.Record))], settings);
        return text + "\n" + announcement.Body;
    }

    /// <summary>The messages, signed by <paramref name="signer"/> and encrypted, one per recipient or one for all.</summary>
    /// <exception cref="MailSettingsException">The configuration's sender address is missing or not an address.</exception>
    /// <exception cref="OpenPgpKeyException">A recipient's key cannot encrypt (revoked, expired, no encryption key).</exception>
    public static IReadOnlyList<PrenotificationMessage> Build(IReadOnlyList<EmbargoedAdvisory> advisories, string listName, PrenotifyListConfig list,
        IReadOnlyList<PrenotificationRecipient> recipients, RenderSettings settings, IReadOnlyList<PrenotificationAttachment> attachments,
        OpenPgpSigner signer, DateTimeOffset now)
    {
        var body = Text(advisories, listName, list, settings, attachments, now);
        var views = advisories.Select(a => AdvisoryView.From(a.Record)).ToList();
        var subject = SingleLineText.Of(list.Subject
            .Replace("{id}", string.Join(", ", views.Select(v => v.Id)), StringComparison.Ordinal)
            .Replace("{summary}", views.Count == 1 ? views[0].Title : $"{views.Count} advisories", StringComparison.Ordinal));
        var groups = list.Delivery == PrenotifyDelivery.Together ? [recipients] : recipients.Select(r => (IReadOnlyList<PrenotificationRecipient>)[r]).ToList();
        return [.. groups.Select(group => new PrenotificationMessage(group, Message(views, group, subject, body, settings, attachments, signer, now)))];
    }

    private static MimeMessage Message(IReadOnlyList<AdvisoryView> views, IReadOnlyList<PrenotificationRecipient> recipients, string subject, string body,
        RenderSettings settings, IReadOnlyList<PrenotificationAttachment> attachments, OpenPgpSigner signer, DateTimeOffset now)
    {
        var announcement = new Announcement(subject, body, MessageId(views, recipients, settings));
        var message = AnnouncementMessageBuilder.Build(announcement, settings.Mail with { To = string.Join(", ", recipients.Select(r => r.Address)) }, now);
        // The signed part must be 7-bit clean inside a multipart too (RFC 3156): UTF-8 text goes quoted-printable.
        var text = message.Body as TextPart ?? throw new InvalidOperationException("An announcement message has a text body.");
        if (text.ContentTransferEncoding is ContentEncoding.EightBit or ContentEncoding.Binary)
            text.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        if (attachments.Count > 0)
        {
            var mixed = new Multipart("mixed") { text };
            foreach (var attachment in attachments)
            {
                var part = new MimePart("text", "x-diff")
                {
                    Content = new MimeContent(new MemoryStream(attachment.Content, writable: false)),
                    ContentTransferEncoding = ContentEncoding.Base64,
                    ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = attachment.FileName },
                };
                mixed.Add(part);
            }
            message.Body = mixed;
        }
        PgpMimeSigner.Sign(message, signer, now);
        return PgpMimeEncryptor.Encrypt(message, [.. recipients.Select(r => r.Key)], now);
    }

    /// <summary>Stable for the same advisories, revisions and recipients, so that a resent draft is recognised.</summary>
    private static string MessageId(IReadOnlyList<AdvisoryView> views, IReadOnlyList<PrenotificationRecipient> recipients, RenderSettings settings)
    {
        var announcementId = AnnouncementMessageId.For(views, settings);
        var seed = announcementId + "\n" + string.Join("\n", recipients.Select(r => r.Address + " " + r.Key.Fingerprint.Hex));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..16];
        return "prenotify." + hash + "." + announcementId;
    }

    private static string Days(TimeSpan span)
    {
        var days = span.TotalDays;
        return days >= 1.95 ? $"{Math.Round(days, 1, MidpointRounding.AwayFromZero):0.#} days" : days >= 0.95 ? "1 day" : $"{Math.Max(1, (int)Math.Ceiling(span.TotalHours))} hours";
    }
}
