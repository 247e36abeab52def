using System.Text;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Mail.Signing;
using MimeKit;

namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>
/// The announcement as a complete RFC 5322 message: From, To and Reply-To from the settings, the Date
/// from the caller's clock, the announcement's stable Message-ID, and the text as a UTF-8 text/plain body.
/// Every header value is first reduced to one line without control or bidi characters, so that a summary
/// holding "\r\nBcc: …" stays inside the Subject instead of becoming a header.
/// </summary>
public static class AnnouncementMessageBuilder
{
    /// <summary>RFC 5322's limit on a line, CRLF excluded; longer lines must be encoded.</summary>
    private const int MaxLineLength = 998;

    public static MimeMessage Build(Announcement announcement, MailSettings mail, DateTimeOffset now)
    {
        var message = new MimeMessage();
        message.From.AddRange(Addresses("mailing_list.from", mail.From));
        message.To.AddRange(Addresses("mailing_list.to", mail.To));
        if (!string.IsNullOrWhiteSpace(mail.ReplyTo))
            message.ReplyTo.AddRange(Addresses("mailing_list.reply_to", mail.ReplyTo));
        message.Date = now;
        message.MessageId = SingleLineText.Of(announcement.MessageId);
        message.Subject = SingleLineText.Of(announcement.Subject);
        message.Body = TextBody(announcement.Body);
        return message;
    }

    /// <summary>The message, signed inline (a cleartext-signed body) or as PGP/MIME.</summary>
    public static MimeMessage Build(Announcement announcement, MailSettings mail, DateTimeOffset now, OpenPgpSigner signer, SignatureStyle style) =>
        style == SignatureStyle.Inline
            ? Build(announcement with { Body = signer.Clearsign(announcement.Body, now) }, mail, now)
            : PgpMimeSigner.Sign(Build(announcement, mail, now), signer, now);

    /// <summary>
    /// The message as an .eml file: CRLF line ends as RFC 5322 requires, so that the bytes on disk are the
    /// bytes a PGP/MIME signature covers.
    /// </summary>
    public static void WriteTo(MimeMessage message, Stream output) => message.WriteTo(WireFormat, output);

    public static byte[] ToBytes(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        WriteTo(message, buffer);
        return buffer.ToArray();
    }

    internal static FormatOptions WireFormat { get; } = CreateWireFormat();

    /// <summary>
    /// A UTF-8 text/plain part. ASCII text goes as 7bit and UTF-8 text as 8bit, so that the raw message
    /// stays readable and a cleartext-signed body can be checked by piping the saved mail to gpg (relays
    /// without 8BITMIME convert 8bit to quoted-printable, which decodes to the same text). Text whose
    /// lines a relay or mbox storage would change goes as quoted-printable.
    /// </summary>
    internal static TextPart TextBody(string text)
    {
        var body = new TextPart("plain");
        body.SetText(Encoding.UTF8, text);
        body.ContentTransferEncoding = HasFragileLines(text) ? ContentEncoding.QuotedPrintable
            : Ascii.IsValid(text) ? ContentEncoding.SevenBit
            : ContentEncoding.EightBit;
        return body;
    }

    /// <summary>
    /// Over-long lines (RFC 5322 allows 998 characters), lines that mbox storage rewrites as "&gt;From ",
    /// and trailing whitespace, which relays may strip.
    /// </summary>
    private static bool HasFragileLines(string text) =>
        text.Split('\n').Any(line => line.Length > MaxLineLength
            || line.StartsWith("From ", StringComparison.Ordinal)
            || line.EndsWith(' ') || line.EndsWith('\t'));

    private static InternetAddressList Addresses(string setting, string value)
    {
        var cleaned = SingleLineText.Of(value);
        if (cleaned.Length == 0)
            throw new MailSettingsException(setting, "is not set; the announcement mail needs it.");
        if (!InternetAddressList.TryParse(cleaned, out var addresses) || addresses.Count == 0)
            throw new MailSettingsException(setting, $"'{cleaned}' is not a list of email addresses.");
        // A group ("name: members;") is legal in To but hides who receives the mail, and is how a stray
        // colon in a display name is read; an announcement names its addresses plainly.
        if (addresses.Any(a => a is not MailboxAddress))
            throw new MailSettingsException(setting, $"'{cleaned}' is a group; give addresses as 'Name <name@domain>', separated by commas.");
        foreach (var mailbox in addresses.Mailboxes)
            if (mailbox.LocalPart.Length == 0 || mailbox.Domain.Length == 0)
                throw new MailSettingsException(setting, $"'{mailbox.Address}' is not an email address (expected name@domain).");
        return addresses;
    }

    private static FormatOptions CreateWireFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
