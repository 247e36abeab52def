using System.Globalization;
using System.Text;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace AdvisoryPipeline.OpenPgp;

/// <summary>
/// One OpenPGP public key with its user IDs and subkeys (a "certificate", RFC 9580), read from an ASCII-armored
/// or binary file such as <c>gpg --export --armor</c> writes: the security team's key that the policy publishes,
/// or a pre-notification recipient's key. The one reader of public key files.
/// </summary>
public sealed class OpenPgpCertificate
{
    private readonly PgpPublicKeyRing _ring;

    private OpenPgpCertificate(PgpPublicKeyRing ring, string source)
    {
        _ring = ring;
        Source = source;
        var primary = ring.GetPublicKey();
        Fingerprint = new OpenPgpFingerprint(primary.GetFingerprint());
        KeyId = primary.KeyId.ToString("X16", CultureInfo.InvariantCulture);
        CreatedAt = new DateTimeOffset(primary.CreationTime, TimeSpan.Zero);
        var validSeconds = primary.GetValidSeconds();
        ExpiresAt = validSeconds > 0 ? CreatedAt.AddSeconds(validSeconds) : null;
        IsRevoked = primary.HasRevocation();
        UserIds = [.. primary.GetUserIds()];
    }

    /// <summary>Where the key was read, as messages name it.</summary>
    public string Source { get; }

    /// <summary>The primary key's fingerprint: the one people check.</summary>
    public OpenPgpFingerprint Fingerprint { get; }

    /// <summary>The primary key's 64-bit key ID in hex, as gpg shows it.</summary>
    public string KeyId { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>When the primary key expires, or null when it does not.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    public bool IsRevoked { get; }

    /// <summary>The user IDs as written, e.g. <c>Tessera Security Team &lt;security@tessera-project.org&gt;</c>.</summary>
    public IReadOnlyList<string> UserIds { get; }

    /// <summary>The mail addresses of the user IDs: the part in angle brackets, or the whole ID when it is a bare address.</summary>
    public IReadOnlyList<string> Addresses => [.. UserIds.Select(AddressOf).OfType<string>()];

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;

    /// <summary>Whether a user ID carries <paramref name="address"/> (compared without case, as mail domains are).</summary>
    public bool HasAddress(string address) =>
        Addresses.Any(a => string.Equals(a, address.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The key, ASCII-armored without a Version header (so the bytes do not depend on the library's version).</summary>
    public byte[] Armored()
    {
        using var buffer = new MemoryStream();
        using (var armor = ArmoredOutputStream.Build().ClearHeaders().Build(buffer))
            _ring.Encode(armor);
        return Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(buffer.ToArray()).ReplaceLineEndings("\n"));
    }

    /// <summary>
    /// The key that messages to this certificate are encrypted to: the newest key marked for encryption (by its key
    /// flags, or by its algorithm when it has none) that is neither revoked nor expired at <paramref name="now"/>.
    /// </summary>
    /// <exception cref="OpenPgpKeyException">The certificate is revoked or expired, or has no key that may encrypt.</exception>
    internal PgpPublicKey EncryptionKey(DateTimeOffset now)
    {
        if (IsRevoked) throw new OpenPgpKeyException($"the key {KeyId} in {Source} is revoked");
        if (IsExpiredAt(now)) throw new OpenPgpKeyException($"the key {KeyId} in {Source} expired on {ExpiresAt!.Value.UtcDateTime:yyyy-MM-dd}");
        var usable = _ring.GetPublicKeys()
            .Where(key => MayEncrypt(key) && !key.HasRevocation() && !IsExpired(key, now))
            .OrderByDescending(key => key.CreationTime)
            .FirstOrDefault();
        return usable ?? throw new OpenPgpKeyException($"the key {KeyId} in {Source} has no subkey that may encrypt (valid, not revoked, not expired)");
    }

    public override string ToString() => "OpenPGP key " + KeyId;

    public static OpenPgpCertificate Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new OpenPgpKeyException($"cannot read the key file {path}: {e.Message}");
        }
        return Load(bytes, path);
    }

    public static OpenPgpCertificate Load(byte[] bytes, string source)
    {
        if (LooksSecret(bytes))
            throw new OpenPgpKeyException($"{source} holds a secret key: it must hold only the public key (gpg --export --armor KEYID), and the secret key must never be committed or published");
        // The decoder reads the first armor block only: a second block would be left out without a word.
        var blocks = CountOf(Encoding.ASCII.GetString(bytes), "-----BEGIN PGP PUBLIC KEY BLOCK-----");
        if (blocks > 1)
            throw new OpenPgpKeyException($"{source} holds {blocks} keys: give one key per file");
        List<PgpPublicKeyRing> rings;
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(bytes, writable: false));
            rings = [.. new PgpPublicKeyRingBundle(input).GetKeyRings()];
        }
        // BouncyCastle's packet parser throws many types for bytes that are not a keyring; all mean the same here.
        catch (Exception e) when (e is IOException or PgpException or ArgumentException or InvalidOperationException or InvalidCastException or IndexOutOfRangeException)
        {
            rings = [];
        }
        return rings.Count switch
        {
            1 => new OpenPgpCertificate(rings[0], source),
            0 => throw new OpenPgpKeyException($"{source} holds no OpenPGP public key (expected an ASCII-armored or binary key such as gpg --export --armor KEYID writes)"),
            _ => throw new OpenPgpKeyException($"{source} holds {rings.Count} keys: give one key per file"),
        };
    }

    /// <summary>An armored secret key block, or binary data that parses as a secret keyring.</summary>
    private static bool LooksSecret(byte[] bytes)
    {
        if (Encoding.ASCII.GetString(bytes).Contains("PRIVATE KEY BLOCK", StringComparison.Ordinal)) return true;
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(bytes, writable: false));
            return new PgpSecretKeyRingBundle(input).Count > 0;
        }
        catch (Exception e) when (e is IOException or PgpException or ArgumentException or InvalidOperationException or InvalidCastException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    private static int CountOf(string text, string marker)
    {
        var count = 0;
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static bool MayEncrypt(PgpPublicKey key)
    {
        if (!key.IsEncryptionKey) return false;
        var bindings = key.IsMasterKey
            ? key.GetSignatures().Where(s => s.KeyId == key.KeyId && s.SignatureType is PgpSignature.PositiveCertification
                or PgpSignature.DefaultCertification or PgpSignature.CasualCertification or PgpSignature.NoCertification or PgpSignature.DirectKey)
            : key.GetSignatures().Where(s => s.SignatureType == PgpSignature.SubkeyBinding);
        var latest = bindings
            .Where(s => s.GetHashedSubPackets()?.HasSubpacket(SignatureSubpacketTag.KeyFlags) == true)
            .OrderByDescending(s => s.CreationTime)
            .FirstOrDefault();
        return latest is null
            || (latest.GetHashedSubPackets().GetKeyFlags() & (PgpKeyFlags.CanEncryptCommunications | PgpKeyFlags.CanEncryptStorage)) != 0;
    }

    private static bool IsExpired(PgpPublicKey key, DateTimeOffset now)
    {
        var validSeconds = key.GetValidSeconds();
        return validSeconds > 0 && new DateTimeOffset(key.CreationTime, TimeSpan.Zero).AddSeconds(validSeconds) <= now;
    }

    private static string? AddressOf(string userId)
    {
        var open = userId.LastIndexOf('<');
        var close = userId.LastIndexOf('>');
        if (open >= 0 && close > open) return userId[(open + 1)..close].Trim();
        return userId.Contains('@', StringComparison.Ordinal) && !userId.Contains(' ', StringComparison.Ordinal) ? userId.Trim() : null;
    }
}
