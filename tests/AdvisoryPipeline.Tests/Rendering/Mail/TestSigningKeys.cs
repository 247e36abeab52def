using System.Text;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace AdvisoryPipeline.Tests.Rendering.Mail;

/// <summary>A key generated for the tests: the secret keyring as a file would hold it, and the public part.</summary>
internal sealed record TestSigningKey(byte[] SecretKeyring, string ArmoredSecretKeyring, string ArmoredPublicKey, PgpPublicKeyRing PublicRing, string SigningFingerprint);

/// <summary>
/// OpenPGP keys generated once per test run with BouncyCastle (RSA, which every gpg verifies). Nothing
/// here comes from a real key: the tests never depend on key material kept in the repository.
/// </summary>
internal static class TestSigningKeys
{
    public const string Passphrase = "Tessera test passphrase 7f3a-q9!";
    public const string UserId = "Tessera Test Signing <test-signing@tessera-project.org>";

    public static readonly DateTime Created = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The clock the signing tests run at: after the keys were made, before any expiry.</summary>
    public static readonly DateTimeOffset Now = new(2026, 9, 15, 9, 30, 0, TimeSpan.Zero);

    private static readonly SecureRandom Random = new();

    private static readonly Lazy<TestSigningKey> PrimarySigner = new(() => Generate(2048, PgpKeyFlags.CanSign | PgpKeyFlags.CanCertify, Passphrase));
    private static readonly Lazy<TestSigningKey> SubkeySigner = new(() => Generate(2048, PgpKeyFlags.CanCertify, Passphrase, PgpKeyFlags.CanEncryptCommunications | PgpKeyFlags.CanEncryptStorage, PgpKeyFlags.CanSign));
    private static readonly Lazy<TestSigningKey> NoSigner = new(() => Generate(1024, PgpKeyFlags.CanCertify, Passphrase, PgpKeyFlags.CanEncryptCommunications));
    private static readonly Lazy<TestSigningKey> Expired = new(() => Generate(1024, PgpKeyFlags.CanSign | PgpKeyFlags.CanCertify, Passphrase, expiresAfter: TimeSpan.FromDays(30)));
    private static readonly Lazy<TestSigningKey> Unprotected = new(() => Generate(1024, PgpKeyFlags.CanSign | PgpKeyFlags.CanCertify, passphrase: null));

    /// <summary>An RSA 2048 primary key that signs and certifies, protected by <see cref="Passphrase"/>.</summary>
    public static TestSigningKey Rsa => PrimarySigner.Value;

    /// <summary>A certify-only primary key with an encryption subkey and, newer, a signing subkey.</summary>
    public static TestSigningKey WithSigningSubkey => SubkeySigner.Value;

    public static TestSigningKey EncryptionOnly => NoSigner.Value;

    public static TestSigningKey ExpiredSigner => Expired.Value;

    public static TestSigningKey WithoutPassphrase => Unprotected.Value;

    private static TestSigningKey Generate(int bits, int primaryFlags, string? passphrase, params int[] subkeyFlags) =>
        Generate(bits, primaryFlags, passphrase, null, subkeyFlags);

    private static TestSigningKey Generate(int bits, int primaryFlags, string? passphrase, TimeSpan? expiresAfter, params int[] subkeyFlags)
    {
        var primary = NewRsaKey(bits, Created);
        var certification = new PgpSignatureSubpacketGenerator();
        certification.SetKeyFlags(false, primaryFlags);
        if (expiresAfter is { } lifetime) certification.SetKeyExpirationTime(false, (long)lifetime.TotalSeconds);

        var generator = new PgpKeyRingGenerator(
            PgpSignature.PositiveCertification, primary, UserId,
            passphrase is null ? SymmetricKeyAlgorithmTag.Null : SymmetricKeyAlgorithmTag.Aes256,
            HashAlgorithmTag.Sha256, (passphrase ?? "").ToCharArray(), true, certification.Generate(), null, Random);

        var signingKey = primary;
        for (var i = 0; i < subkeyFlags.Length; i++)
        {
            var subkey = NewRsaKey(bits, Created.AddMinutes(i + 1));
            var binding = new PgpSignatureSubpacketGenerator();
            binding.SetKeyFlags(false, subkeyFlags[i]);
            if ((subkeyFlags[i] & PgpKeyFlags.CanSign) != 0)
            {
                // gpg accepts a signing subkey only with its back-signature over the primary key.
                binding.AddEmbeddedSignature(false, BackSignature(primary, subkey));
                signingKey = subkey;
            }
            generator.AddSubKey(subkey, binding.Generate(), null);
        }

        var secret = generator.GenerateSecretKeyRing();
        var publicRing = generator.GeneratePublicKeyRing();
        return new TestSigningKey(
            secret.GetEncoded(),
            Armor(secret.Encode),
            Armor(publicRing.Encode),
            publicRing,
            Convert.ToHexString(signingKey.PublicKey.GetFingerprint()));
    }

    private static PgpKeyPair NewRsaKey(int bits, DateTime created)
    {
        var generator = new RsaKeyPairGenerator();
        generator.Init(new RsaKeyGenerationParameters(BigInteger.ValueOf(0x10001), Random, bits, 80));
        return new PgpKeyPair(PublicKeyAlgorithmTag.RsaGeneral, generator.GenerateKeyPair(), created);
    }

    private static PgpSignature BackSignature(PgpKeyPair primary, PgpKeyPair subkey)
    {
        var generator = new PgpSignatureGenerator(subkey.PublicKey.Algorithm, HashAlgorithmTag.Sha256);
        generator.InitSign(PgpSignature.PrimaryKeyBinding, subkey.PrivateKey);
        var hashed = new PgpSignatureSubpacketGenerator();
        hashed.SetSignatureCreationTime(false, Created.AddMinutes(10));
        generator.SetHashedSubpackets(hashed.Generate());
        return generator.GenerateCertification(primary.PublicKey, subkey.PublicKey);
    }

    private static string Armor(Action<Stream> encode)
    {
        using var buffer = new MemoryStream();
        using (var armor = new ArmoredOutputStream(buffer)) encode(armor);
        return Encoding.ASCII.GetString(buffer.ToArray());
    }
}
