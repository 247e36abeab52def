using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace AdvisoryPipeline.Rendering.Mail.Signing;

/// <summary>
/// PGP/MIME signing (RFC 3156): the message body becomes the first part of a multipart/signed whose second
/// part is a detached signature over that first part's exact canonical bytes (headers, blank line, encoded
/// content, CRLF line ends), which are then re-parsed so that MimeKit writes back those very bytes.
/// </summary>
public static class PgpMimeSigner
{
    /// <summary>Replaces <paramref name="message"/>'s body by its signed form and returns the message.</summary>
    public static MimeMessage Sign(MimeMessage message, OpenPgpSigner signer, DateTimeOffset signingTime)
    {
        var body = message.Body ?? throw new ArgumentException("The message has no body to sign.", nameof(message));
        var signedBytes = CanonicalBytes(body);
        var signedPart = MimeEntity.Load(new MemoryStream(signedBytes, writable: false));

        var signature = new MimePart("application", "pgp-signature")
        {
            Content = new MimeContent(new MemoryStream(Encoding.ASCII.GetBytes(signer.SignDetached(signedBytes, signingTime)), writable: false)),
            ContentTransferEncoding = ContentEncoding.SevenBit,
            ContentDescription = "OpenPGP digital signature",
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "signature.asc" },
        };
        signature.ContentType.Name = "signature.asc";

        var multipart = new Multipart("signed") { signedPart, signature };
        multipart.ContentType.Parameters.Add("micalg", OpenPgpSigner.MicAlg);
        multipart.ContentType.Parameters.Add("protocol", "application/pgp-signature");
        // Derived from the content, so that the same message always gets the same boundary; "=-" cannot
        // occur in quoted-printable text, and a hash will not occur in 7bit text.
        multipart.ContentType.Boundary = "=-" + Convert.ToHexStringLower(SHA256.HashData(signedBytes))[..32];
        message.Body = multipart;
        return message;
    }

    private static byte[] CanonicalBytes(MimeEntity body)
    {
        // RFC 3156 requires the signed part to be 7-bit clean: 8bit would be re-encoded on the way, and
        // the signature would then cover bytes the recipient never sees.
        if (body is MimePart { ContentTransferEncoding: ContentEncoding.EightBit or ContentEncoding.Binary } part)
            part.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        using var buffer = new MemoryStream();
        body.WriteTo(AnnouncementMessageBuilder.WireFormat, buffer);
        var bytes = buffer.ToArray();
        return body is MimePart { ContentTransferEncoding: ContentEncoding.QuotedPrintable } ? EncodeFromLines(bytes) : bytes;
    }

    /// <summary>
    /// "From " at a line start becomes "=46rom " (the same text in quoted-printable), because mbox storage
    /// would otherwise rewrite it as "&gt;From " and break the signature (RFC 3156, section 3).
    /// </summary>
    private static byte[] EncodeFromLines(byte[] bytes)
    {
        var encoded = new MemoryStream(bytes.Length + 64);
        var rest = bytes.AsSpan();
        for (var at = rest.IndexOf("\r\nFrom "u8); at >= 0; at = rest.IndexOf("\r\nFrom "u8))
        {
            encoded.Write(rest[..(at + 2)]);
            encoded.Write("=46"u8);
            rest = rest[(at + 3)..];
        }
        encoded.Write(rest);
        return encoded.ToArray();
    }
}
