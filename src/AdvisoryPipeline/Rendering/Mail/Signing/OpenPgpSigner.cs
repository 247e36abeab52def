using System.Text;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace AdvisoryPipeline.Rendering.Mail.Signing;

/// <summary>
/// OpenPGP signatures over announcements with SHA-256: a cleartext-signed text (RFC 4880, section 7) for
/// inline signing, or a detached, ASCII-armored signature over bytes for PGP/MIME. The signing time
/// comes from the caller, so the same input, key and time give byte-identical output (RSA PKCS#1 v1.5
/// and EdDSA signatures are deterministic).
/// </summary>
public sealed class OpenPgpSigner(OpenPgpSigningKey key)
{
    /// <summary>The <c>micalg</c> parameter of a PGP/MIME message signed with this signer's hash.</summary>
    public const string MicAlg = "pgp-sha256";

    private const HashAlgorithmTag Hash = HashAlgorithmTag.Sha256;

    public OpenPgpSigningKey Key { get; } = key;

    /// <summary>
    /// The text, cleartext-signed. Trailing spaces and tabs are removed from every line (the signature
    /// ignores them, so showing them would show text that is not signed); lines starting with "-" are
    /// dash-escaped as the framework requires, and lines starting with "From " too, because mail storage
    /// rewrites them as "&gt;From " and would break the signature.
    /// </summary>
    public string Clearsign(string text, DateTimeOffset signingTime)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd(' ', '\t')).ToList();
        // The line break before the signature belongs to the framework, not to the signed text.
        if (lines.Count > 1 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);

        var signature = Sign(PgpSignature.CanonicalTextDocument, Encoding.UTF8.GetBytes(string.Join("\r\n", lines)), signingTime);
        var output = new StringBuilder("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n");
        foreach (var line in lines)
        {
            if (line.StartsWith('-') || line.StartsWith("From ", StringComparison.Ordinal)) output.Append("- ");
            output.Append(line).Append('\n');
        }
        return output.Append(Armor(signature)).ToString();
    }

    /// <summary>An armored detached signature over exactly <paramref name="data"/> (a binary-document signature).</summary>
    public string SignDetached(byte[] data, DateTimeOffset signingTime) =>
        Armor(Sign(PgpSignature.BinaryDocument, data, signingTime));

    private PgpSignature Sign(int signatureType, byte[] data, DateTimeOffset signingTime)
    {
        if (signingTime < Key.CreatedAt)
            throw new SigningKeyException($"the signing key {Key.KeyId} was created after the signing time {signingTime.UtcDateTime:u}; verifiers would reject the signature");
        var generator = new PgpSignatureGenerator(Key.PublicKey.Algorithm, Hash);
        generator.InitSign(signatureType, Key.PrivateKey);

        var hashed = new PgpSignatureSubpacketGenerator();
        hashed.SetSignatureCreationTime(false, signingTime.UtcDateTime);
        hashed.SetIssuerFingerprint(false, Key.PublicKey);
        generator.SetHashedSubpackets(hashed.Generate());
        // The key ID too, for verifiers older than the issuer fingerprint subpacket.
        var unhashed = new PgpSignatureSubpacketGenerator();
        unhashed.SetIssuerKeyID(false, Key.PublicKey.KeyId);
        generator.SetUnhashedSubpackets(unhashed.Generate());

        generator.Update(data);
        return generator.Generate();
    }

    /// <summary>ASCII armor without the Version header, whose text would change with the library's version.</summary>
    private static string Armor(PgpSignature signature)
    {
        using var buffer = new MemoryStream();
        using (var armor = ArmoredOutputStream.Build().ClearHeaders().Build(buffer))
            signature.Encode(armor);
        return Encoding.ASCII.GetString(buffer.ToArray()).ReplaceLineEndings("\n");
    }
}
