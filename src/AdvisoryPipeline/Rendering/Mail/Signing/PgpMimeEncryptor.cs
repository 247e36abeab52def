using System.Text;
using AdvisoryPipeline.OpenPgp;
using MimeKit;

namespace AdvisoryPipeline.Rendering.Mail.Signing;

/// <summary>
/// PGP/MIME encryption (RFC 3156, section 4): the message body, exactly as it would be sent (for a signed message,
/// the whole multipart/signed entity: sign, then encrypt, as section 6.1 describes), becomes an OpenPGP message in
/// a multipart/encrypted body whose first part is the <c>Version: 1</c> control part. Only the headers stay readable.
/// </summary>
public static class PgpMimeEncryptor
{
    /// <summary>Replaces <paramref name="message"/>'s body by its encrypted form and returns the message.</summary>
    public static MimeMessage Encrypt(MimeMessage message, IReadOnlyList<OpenPgpCertificate> recipients, DateTimeOffset now)
    {
        var body = message.Body ?? throw new ArgumentException("The message has no body to encrypt.", nameof(message));
        using var plain = new MemoryStream();
        body.WriteTo(AnnouncementMessageBuilder.WireFormat, plain);
        var armored = OpenPgpEncryptor.Encrypt(plain.ToArray(), recipients, now);

        var control = new MimePart("application", "pgp-encrypted")
        {
            Content = new MimeContent(new MemoryStream("Version: 1\r\n"u8.ToArray(), writable: false)),
            ContentTransferEncoding = ContentEncoding.SevenBit,
            ContentDescription = "PGP/MIME version identification",
        };
        var data = new MimePart("application", "octet-stream")
        {
            Content = new MimeContent(new MemoryStream(Encoding.ASCII.GetBytes(armored), writable: false)),
            ContentTransferEncoding = ContentEncoding.SevenBit,
            ContentDescription = "OpenPGP encrypted message",
            ContentDisposition = new ContentDisposition(ContentDisposition.Inline) { FileName = "encrypted.asc" },
        };
        data.ContentType.Name = "encrypted.asc";
        var multipart = new Multipart("encrypted") { control, data };
        multipart.ContentType.Parameters.Add("protocol", "application/pgp-encrypted");
        message.Body = multipart;
        return message;
    }
}
