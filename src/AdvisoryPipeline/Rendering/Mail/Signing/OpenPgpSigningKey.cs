using System.Globalization;
using AdvisoryPipeline.OpenPgp;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace AdvisoryPipeline.Rendering.Mail.Signing;

/// <summary>
/// The unlocked key that signs announcements, read from an ASCII-armored or binary OpenPGP secret keyring.
/// Of the keys in the file it takes the newest one that may sign (by its key flags, or by its algorithm
/// when it has none), is not revoked or expired, and has its secret part present (not a gpg stub).
/// </summary>
public sealed class OpenPgpSigningKey
{
    public const string DefaultPassphraseVariable = "ADVISORY_SIGNING_PASSPHRASE";

    private OpenPgpSigningKey(PgpPublicKey publicKey, PgpPrivateKey privateKey)
    {
        PublicKey = publicKey;
        PrivateKey = privateKey;
    }

    internal PgpPublicKey PublicKey { get; }

    internal PgpPrivateKey PrivateKey { get; }

    /// <summary>The 64-bit key ID in hex, as gpg shows it.</summary>
    public string KeyId => PublicKey.KeyId.ToString("X16", CultureInfo.InvariantCulture);

    /// <summary>The signing key's own fingerprint (a subkey's when a subkey signs).</summary>
    public OpenPgpFingerprint Fingerprint => new(PublicKey.GetFingerprint());

    public DateTimeOffset CreatedAt => new(PublicKey.CreationTime, TimeSpan.Zero);

    public override string ToString() => "OpenPGP signing key " + KeyId;

    /// <summary>Loads the key with the passphrase held in the environment variable <paramref name="variable"/>.</summary>
    public static OpenPgpSigningKey LoadUsingEnvironment(string path, string variable, DateTimeOffset now) =>
        Load(path, Environment.GetEnvironmentVariable(variable), now, $"the environment variable {variable}");

    public static OpenPgpSigningKey Load(string path, string? passphrase, DateTimeOffset now, string passphraseOrigin = "the passphrase")
    {
        byte[] keyFile;
        try
        {
            keyFile = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SigningKeyException($"cannot read the signing key file {path}: {e.Message}");
        }
        return Load(keyFile, path, passphrase, now, passphraseOrigin);
    }

    public static OpenPgpSigningKey Load(byte[] keyFile, string source, string? passphrase, DateTimeOffset now, string passphraseOrigin = "the passphrase")
    {
        var secretKey = Choose(ReadKeyRings(keyFile, source), source, now);
        var keyId = secretKey.KeyId.ToString("X16", CultureInfo.InvariantCulture);
        PgpPrivateKey? privateKey;
        try
        {
            privateKey = secretKey.ExtractPrivateKey((passphrase ?? "").ToCharArray());
        }
        catch (PgpException e)
        {
            var protectedWithoutPassphrase = string.IsNullOrEmpty(passphrase) && secretKey.KeyEncryptionAlgorithm != SymmetricKeyAlgorithmTag.Null;
            // BouncyCastle reports a wrong passphrase as a failed checksum of the decrypted key.
            throw new SigningKeyException(protectedWithoutPassphrase
                ? $"the signing key {keyId} in {source} is protected by a passphrase, and {passphraseOrigin} is not set"
                : e.Message.Contains("checksum", StringComparison.OrdinalIgnoreCase)
                    ? $"wrong passphrase for the signing key {keyId} in {source} (from {passphraseOrigin})"
                    : $"cannot unlock the signing key {keyId} in {source}: its protection is not supported");
        }
        if (privateKey is null)
            throw new SigningKeyException($"the signing key {keyId} in {source} has no secret part");
        return new OpenPgpSigningKey(secretKey.PublicKey, privateKey);
    }

    private static List<PgpSecretKeyRing> ReadKeyRings(byte[] keyFile, string source)
    {
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(keyFile, writable: false));
            var rings = new PgpSecretKeyRingBundle(input).GetKeyRings().ToList();
            if (rings.Count > 0) return rings;
        }
        // A file that is not a secret keyring makes BouncyCastle throw from deep inside its packet parser,
        // with types that vary by how the bytes are wrong; all of them mean the same thing to the user.
        catch (Exception e) when (e is IOException or PgpException or ArgumentException or InvalidOperationException or InvalidCastException or IndexOutOfRangeException)
        {
        }
        throw new SigningKeyException($"{source} holds no OpenPGP secret key (expected an ASCII-armored or binary secret keyring, such as gpg --export-secret-keys writes)");
    }

    private static PgpSecretKey Choose(List<PgpSecretKeyRing> rings, string source, DateTimeOffset now)
    {
        var usable = new List<PgpSecretKey>();
        var unusable = new List<string>();
        foreach (var ring in rings)
        {
            var primary = ring.GetPublicKey();
            foreach (var key in ring.GetSecretKeys())
            {
                if (!MaySign(key)) continue;
                var reason = primary.HasRevocation() || key.PublicKey.HasRevocation() ? "revoked"
                    : IsExpired(key.PublicKey, now) ? "expired"
                    : key.IsPrivateKeyEmpty ? "without its secret part"
                    : null;
                if (reason is null) usable.Add(key);
                else unusable.Add($"{key.KeyId.ToString("X16", CultureInfo.InvariantCulture)} is {reason}");
            }
        }
        if (usable.Count == 0)
            throw new SigningKeyException(unusable.Count == 0
                ? $"{source} has no key that can sign"
                : $"{source} has no usable signing key ({string.Join(", ", unusable)})");
        // gpg's choice too: the newest signing key, usually a subkey that replaced an older one.
        return usable.OrderByDescending(k => k.PublicKey.CreationTime).First();
    }

    private static bool MaySign(PgpSecretKey key)
    {
        if (!key.IsSigningKey) return false;
        var publicKey = key.PublicKey;
        var bindings = publicKey.IsMasterKey
            ? publicKey.GetSignatures().Where(s => s.KeyId == publicKey.KeyId && IsSelfSignature(s.SignatureType))
            : publicKey.GetSignatures().Where(s => s.SignatureType == PgpSignature.SubkeyBinding);
        var latest = bindings
            .Where(s => s.GetHashedSubPackets()?.HasSubpacket(SignatureSubpacketTag.KeyFlags) == true)
            .OrderByDescending(s => s.CreationTime)
            .FirstOrDefault();
        return latest is null || (latest.GetHashedSubPackets().GetKeyFlags() & PgpKeyFlags.CanSign) != 0;
    }

    private static bool IsSelfSignature(int type) => type is PgpSignature.DefaultCertification or PgpSignature.NoCertification
        or PgpSignature.CasualCertification or PgpSignature.PositiveCertification or PgpSignature.DirectKey;

    private static bool IsExpired(PgpPublicKey key, DateTimeOffset now)
    {
        var validSeconds = key.GetValidSeconds();
        return validSeconds > 0 && new DateTimeOffset(key.CreationTime, TimeSpan.Zero).AddSeconds(validSeconds) <= now;
    }
}
