using System.Text;
using AdvisoryPipeline.OpenPgp;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Security;

namespace AdvisoryPipeline.Rendering.Mail.Signing;

/// <summary>
/// Encrypts bytes to recipients' OpenPGP keys (RFC 4880): a random AES-256 session key, encrypted to each
/// recipient's encryption key, over a literal data packet, with the integrity-protection packet (SEIPD) that gpg
/// requires. The result is ASCII-armored. Unlike signatures it is not reproducible: a new session key every time.
/// </summary>
public static class OpenPgpEncryptor
{
    /// <param name="recipients">Every key that may decrypt; each must have a valid encryption key at <paramref name="now"/>.</param>
    /// <exception cref="OpenPgpKeyException">A recipient's key is revoked, expired or cannot encrypt.</exception>
    public static string Encrypt(byte[] data, IReadOnlyList<OpenPgpCertificate> recipients, DateTimeOffset now)
    {
        if (recipients.Count == 0) throw new ArgumentException("Encryption needs at least one recipient.", nameof(recipients));
        var keys = recipients.Select(recipient => recipient.EncryptionKey(now)).ToList();

        var generator = new PgpEncryptedDataGenerator(SymmetricKeyAlgorithmTag.Aes256, withIntegrityPacket: true, new SecureRandom());
        foreach (var key in keys) generator.AddMethod(key);

        using var buffer = new MemoryStream();
        using (var armor = ArmoredOutputStream.Build().ClearHeaders().Build(buffer))
        using (var encrypted = generator.Open(armor, new byte[1 << 16]))
        {
            var literal = new PgpLiteralDataGenerator();
            // No file name and time 0: nothing about the sender's machine goes into the packet.
            using var content = literal.Open(encrypted, PgpLiteralData.Binary, "", data.Length, DateTime.UnixEpoch);
            content.Write(data);
        }
        return Encoding.ASCII.GetString(buffer.ToArray()).ReplaceLineEndings("\n");
    }
}
