using System.Text;
using AdvisoryPipeline.OpenPgp;
using AdvisoryPipeline.Tests.Rendering.Mail;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.OpenPgp;

/// <summary>
/// The one reader of public key files: the example team key reads as Debian's gpg reads it (fingerprint, user ID,
/// expiry), the fingerprint has one display form, re-armoring keeps the key, and a file that holds a secret key,
/// several keys or no key is refused without showing key material.
/// </summary>
public sealed class OpenPgpCertificateTests : IDisposable
{
    private static readonly string ExampleKey = Path.Combine(ExampleDatabase.Folder, "security-team.asc");
    private readonly GnuPgHome _gpg = new();

    public void Dispose() => _gpg.Dispose();

    [Fact]
    public void The_example_team_key_reads_as_gpg_reads_it()
    {
        var key = OpenPgpCertificate.Load(ExampleKey);

        var shown = _gpg.Run("--with-colons", "--show-keys", ExampleKey);
        Assert.Equal(0, shown.ExitCode);
        var gpgFingerprint = shown.Status.Split('\n').First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
        Assert.Equal(gpgFingerprint, key.Fingerprint.Hex);
        Assert.Equal(["Tessera Security Team <security@tessera-project.org>"], key.UserIds);
        Assert.True(key.HasAddress("Security@Tessera-Project.org"));
        // gpg sets an expiry date given as a day to noon of that day.
        Assert.Equal(new DateTime(2031, 1, 1), key.ExpiresAt!.Value.UtcDateTime.Date);
        Assert.False(key.IsRevoked);
    }

    [Fact]
    public void A_fingerprint_has_one_display_form_and_one_uri_form()
    {
        var fingerprint = new OpenPgpFingerprint(Convert.FromHexString("AFCA9D147B1F0CF5013C1F085871C0674AB6A502"));

        Assert.Equal("AFCA 9D14 7B1F 0CF5 013C 1F08 5871 C067 4AB6 A502", fingerprint.Display);
        Assert.Equal(fingerprint.Display, fingerprint.ToString());
        Assert.Equal("openpgp4fpr:afca9d147b1f0cf5013c1f085871c0674ab6a502", fingerprint.Uri);
    }

    [Fact]
    public void The_published_armor_is_the_same_key_without_a_version_header()
    {
        var key = OpenPgpCertificate.Load(ExampleKey);

        var armored = key.Armored();

        var text = Encoding.ASCII.GetString(armored);
        Assert.StartsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----\n", text);
        Assert.DoesNotContain("Version:", text);
        Assert.Equal(key.Fingerprint, OpenPgpCertificate.Load(armored, "again").Fingerprint);
        Assert.Equal(armored, key.Armored());
        var shown = _gpg.Run("--with-colons", "--show-keys", _gpg.WriteFile("published.asc", armored));
        Assert.Contains("fpr:::::::::" + key.Fingerprint.Hex + ":", shown.Status);
    }

    [Fact]
    public void A_secret_key_is_refused_in_either_form_and_its_material_is_not_shown()
    {
        var armored = Assert.Throws<OpenPgpKeyException>(() =>
            OpenPgpCertificate.Load(Encoding.ASCII.GetBytes(TestSigningKeys.Rsa.ArmoredSecretKeyring), "team.asc"));
        var binary = Assert.Throws<OpenPgpKeyException>(() => OpenPgpCertificate.Load(TestSigningKeys.Rsa.SecretKeyring, "team.gpg"));

        foreach (var message in new[] { armored.Message, binary.Message })
        {
            Assert.Contains("holds a secret key", message);
            Assert.Contains("gpg --export --armor", message);
            Assert.DoesNotContain("BEGIN PGP", message);
        }
    }

    [Fact]
    public void Several_keys_or_none_are_refused()
    {
        var two = TestSigningKeys.Rsa.ArmoredPublicKey + TestSigningKeys.EncryptionOnly.ArmoredPublicKey;
        var several = Assert.Throws<OpenPgpKeyException>(() => OpenPgpCertificate.Load(Encoding.ASCII.GetBytes(two), "keys.asc"));
        Assert.Equal("keys.asc holds 2 keys: give one key per file", several.Message);
        byte[] binary = [.. TestSigningKeys.Rsa.PublicRing.GetEncoded(), .. TestSigningKeys.EncryptionOnly.PublicRing.GetEncoded()];
        Assert.Equal("keys.gpg holds 2 keys: give one key per file",
            Assert.Throws<OpenPgpKeyException>(() => OpenPgpCertificate.Load(binary, "keys.gpg")).Message);

        var none = Assert.Throws<OpenPgpKeyException>(() => OpenPgpCertificate.Load("not a key\n"u8.ToArray(), "notes.txt"));
        Assert.StartsWith("notes.txt holds no OpenPGP public key", none.Message);

        var missing = Assert.Throws<OpenPgpKeyException>(() => OpenPgpCertificate.Load(Path.Combine(Path.GetTempPath(), "no-such-key.asc")));
        Assert.StartsWith("cannot read the key file", missing.Message);
    }

    [Fact]
    public void Expiry_and_encryption_subkey_follow_the_clock()
    {
        var expired = OpenPgpCertificate.Load(Encoding.ASCII.GetBytes(TestSigningKeys.ExpiredSigner.ArmoredPublicKey), "old.asc");

        Assert.Equal(new DateTimeOffset(TestSigningKeys.Created).AddDays(30), expired.ExpiresAt);
        Assert.False(expired.IsExpiredAt(new DateTimeOffset(TestSigningKeys.Created).AddDays(29)));
        Assert.True(expired.IsExpiredAt(TestSigningKeys.Now));
        var refused = Assert.Throws<OpenPgpKeyException>(() => expired.EncryptionKey(TestSigningKeys.Now));
        Assert.Contains("expired on 2026-01-31", refused.Message);

        var withSubkey = OpenPgpCertificate.Load(Encoding.ASCII.GetBytes(TestSigningKeys.WithSigningSubkey.ArmoredPublicKey), "team.asc");
        Assert.NotEqual(withSubkey.KeyId, withSubkey.EncryptionKey(TestSigningKeys.Now).KeyId.ToString("X16", System.Globalization.CultureInfo.InvariantCulture));
        var signOnly = OpenPgpCertificate.Load(Encoding.ASCII.GetBytes(TestSigningKeys.Rsa.ArmoredPublicKey), "sign.asc");
        Assert.Contains("has no subkey that may encrypt", Assert.Throws<OpenPgpKeyException>(() => signOnly.EncryptionKey(TestSigningKeys.Now)).Message);
    }
}
