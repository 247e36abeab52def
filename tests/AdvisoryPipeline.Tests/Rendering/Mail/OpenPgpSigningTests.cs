using System.Text;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Mail;
using AdvisoryPipeline.Rendering.Mail.Signing;
using AdvisoryPipeline.Tests.TestSupport;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace AdvisoryPipeline.Tests.Rendering.Mail;

public sealed class OpenPgpSigningTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestSigningKeys.Now;
    private static readonly MailSettings Mail = ExampleDatabase.Settings.Mail;

    private readonly GnuPgHome gpg = new();
    private readonly List<string> outputs = [];

    public OpenPgpSigningTests() => gpg.Import(TestSigningKeys.Rsa.ArmoredPublicKey);

    public void Dispose()
    {
        // Whatever a test produced (signed text, messages, error messages) must hold neither secret.
        Assert.All(outputs, AssertHoldsNoSecret);
        gpg.Dispose();
    }

    private static OpenPgpSigner Signer(TestSigningKey key) =>
        new(OpenPgpSigningKey.Load(key.SecretKeyring, "test key", TestSigningKeys.Passphrase, Now));

    private static Announcement Announcement(params string[] ids) =>
        AnnouncementTextRenderer.Render([.. ids.Select(ExampleDatabase.View)], ExampleDatabase.Settings);

    [Fact]
    public void Clearsigned_announcement_verifies_with_our_verifier_and_with_gpg()
    {
        var body = Announcement("TSSA-2025-1").Body;

        var signed = Seen(Signer(TestSigningKeys.Rsa).Clearsign(body, Now));

        var message = OpenPgpVerification.ParseClearsigned(signed);
        Assert.Equal(["Hash: SHA256"], message.Headers);
        Assert.Equal(body.TrimEnd('\n'), message.Text);
        Assert.True(OpenPgpVerification.Verifies(message.Signature, message.SignedBytes, TestSigningKeys.Rsa.PublicRing));
        Assert.Equal(PgpSignature.CanonicalTextDocument, message.Signature.SignatureType);
        Assert.Equal(Now.UtcDateTime, message.Signature.CreationTime);

        var file = gpg.WriteFile("announcement.asc", Encoding.UTF8.GetBytes(signed));
        AssertGoodSignature(gpg.Verify(file), TestSigningKeys.Rsa);
        var recovered = gpg.Decrypt(file);
        Assert.Equal(0, recovered.ExitCode);
        Assert.Equal(body, recovered.Status.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Dashes_from_lines_and_trailing_spaces_follow_the_cleartext_framework()
    {
        const string text = "Intro\n- item\n-----BEGIN PGP SIGNATURE----- (not really)\nFrom version 2.8 on\ntrailing   \t\n  indented\n\nend\n";

        var signed = Seen(Signer(TestSigningKeys.Rsa).Clearsign(text, Now));

        Assert.Contains("\nIntro\n- - item\n- -----BEGIN PGP SIGNATURE----- (not really)\n- From version 2.8 on\ntrailing\n  indented\n\nend\n-----BEGIN PGP SIGNATURE-----\n", signed);
        var message = OpenPgpVerification.ParseClearsigned(signed);
        Assert.True(OpenPgpVerification.Verifies(message.Signature, message.SignedBytes, TestSigningKeys.Rsa.PublicRing));
        var file = gpg.WriteFile("dashes.asc", Encoding.UTF8.GetBytes(signed));
        AssertGoodSignature(gpg.Verify(file), TestSigningKeys.Rsa);
        Assert.Equal("Intro\n- item\n-----BEGIN PGP SIGNATURE----- (not really)\nFrom version 2.8 on\ntrailing\n  indented\n\nend\n", gpg.Decrypt(file).Status);
    }

    [Fact]
    public void A_changed_character_fails_verification()
    {
        var signed = Signer(TestSigningKeys.Rsa).Clearsign(Announcement("TSSA-2026-1").Body, Now);
        var tampered = signed.Replace("2.8 or later", "2.7 or later", StringComparison.Ordinal);
        Assert.NotEqual(signed, tampered);

        var message = OpenPgpVerification.ParseClearsigned(tampered);

        Assert.False(OpenPgpVerification.Verifies(message.Signature, message.SignedBytes, TestSigningKeys.Rsa.PublicRing));
        var result = gpg.Verify(gpg.WriteFile("tampered.asc", Encoding.UTF8.GetBytes(tampered)));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("[GNUPG:] BADSIG", result.Status);
    }

    [Fact]
    public void Signing_is_deterministic_for_the_same_text_key_and_time()
    {
        var signer = Signer(TestSigningKeys.Rsa);
        var body = Announcement("TSSA-2024-2").Body;

        Assert.Equal(signer.Clearsign(body, Now), Signer(TestSigningKeys.Rsa).Clearsign(body, Now));
        var mime = AnnouncementMessageBuilder.ToBytes(AnnouncementMessageBuilder.Build(Announcement("TSSA-2024-2"), Mail, Now, signer, SignatureStyle.PgpMime));
        var again = AnnouncementMessageBuilder.ToBytes(AnnouncementMessageBuilder.Build(Announcement("TSSA-2024-2"), Mail, Now, signer, SignatureStyle.PgpMime));
        Assert.Equal(mime, again);
        // No armor headers (a "Version:" line would change with the library's version).
        Assert.Contains("-----BEGIN PGP SIGNATURE-----\r\n\r\n", Encoding.ASCII.GetString(mime));
    }

    [Fact]
    public void Inline_signed_mail_carries_the_clearsigned_text_as_its_body()
    {
        var message = AnnouncementMessageBuilder.Build(Announcement("TSSA-2025-1"), Mail, Now, Signer(TestSigningKeys.Rsa), SignatureStyle.Inline);
        var bytes = AnnouncementMessageBuilder.ToBytes(message);
        outputs.Add(Encoding.UTF8.GetString(bytes));

        var body = Assert.IsType<TextPart>(MimeMessage.Load(new MemoryStream(bytes)).Body).Text.ReplaceLineEndings("\n");

        var clearsigned = OpenPgpVerification.ParseClearsigned(body);
        Assert.True(OpenPgpVerification.Verifies(clearsigned.Signature, clearsigned.SignedBytes, TestSigningKeys.Rsa.PublicRing));
        AssertGoodSignature(gpg.Verify(gpg.WriteFile("inline.txt", Encoding.UTF8.GetBytes(body))), TestSigningKeys.Rsa);
        // The body is 8bit, not quoted-printable, so the saved message itself verifies as it is.
        AssertGoodSignature(gpg.Verify(gpg.WriteFile("inline.eml", bytes)), TestSigningKeys.Rsa);
    }

    [Fact]
    public void Pgp_mime_signature_covers_the_exact_bytes_of_the_first_part()
    {
        var announcement = Announcement("TSSA-2025-1") with { Body = Announcement("TSSA-2025-1").Body + "\nFrom the security team.\n" };
        var bytes = AnnouncementMessageBuilder.ToBytes(AnnouncementMessageBuilder.Build(announcement, Mail, Now, Signer(TestSigningKeys.Rsa), SignatureStyle.PgpMime));
        outputs.Add(Encoding.ASCII.GetString(bytes));
        var parsed = MimeMessage.Load(new MemoryStream(bytes));

        var multipart = Assert.IsType<MultipartSigned>(parsed.Body);
        Assert.Equal("multipart/signed", multipart.ContentType.MimeType);
        Assert.Equal("pgp-sha256", multipart.ContentType.Parameters["micalg"]);
        Assert.Equal("application/pgp-signature", multipart.ContentType.Parameters["protocol"]);
        Assert.Equal(2, multipart.Count);
        var text = Assert.IsType<TextPart>(multipart[0]);
        Assert.Equal(announcement.Body, text.Text.ReplaceLineEndings("\n"));
        Assert.Equal(ContentEncoding.QuotedPrintable, text.ContentTransferEncoding);
        Assert.Equal("application/pgp-signature", multipart[1].ContentType.MimeType);

        var signedPart = OpenPgpVerification.SignedPart(bytes, multipart.Boundary!);
        var signedText = Encoding.ASCII.GetString(signedPart);
        Assert.Contains("\r\n=46rom the security team.", signedText);
        Assert.DoesNotContain("\n\n", signedText.Replace("\r\n", "\u0001"));

        using var signatureText = new MemoryStream();
        ((MimePart)multipart[1]).Content!.DecodeTo(signatureText);
        var armored = Encoding.ASCII.GetString(signatureText.ToArray());
        var signature = OpenPgpVerification.ReadSignature(armored);
        Assert.Equal(PgpSignature.BinaryDocument, signature.SignatureType);
        Assert.True(OpenPgpVerification.Verifies(signature, signedPart, TestSigningKeys.Rsa.PublicRing));
        AssertGoodSignature(gpg.Verify(gpg.WriteFile("signature.asc", Encoding.ASCII.GetBytes(armored)), gpg.WriteFile("part.eml", signedPart)), TestSigningKeys.Rsa);
    }

    [Fact]
    public void The_newest_signing_subkey_is_chosen_over_a_certify_only_primary_and_an_encryption_subkey()
    {
        var key = TestSigningKeys.WithSigningSubkey;
        gpg.Import(key.ArmoredPublicKey);

        var loaded = OpenPgpSigningKey.Load(Encoding.ASCII.GetBytes(key.ArmoredSecretKeyring), "subkeys.asc", TestSigningKeys.Passphrase, Now);
        var signed = Seen(new OpenPgpSigner(loaded).Clearsign("Signed by a subkey.\n", Now));

        Assert.Equal(key.SigningFingerprint, loaded.Fingerprint.Hex);
        Assert.NotEqual(Convert.ToHexString(key.PublicRing.GetPublicKey().GetFingerprint()), loaded.Fingerprint.Hex);
        AssertGoodSignature(gpg.Verify(gpg.WriteFile("subkey.asc", Encoding.UTF8.GetBytes(signed))), key);
    }

    [Fact]
    public void Armored_and_binary_keyrings_load_the_same_key_and_an_unprotected_key_needs_no_passphrase()
    {
        var armored = OpenPgpSigningKey.Load(Encoding.ASCII.GetBytes(TestSigningKeys.Rsa.ArmoredSecretKeyring), "a.asc", TestSigningKeys.Passphrase, Now);
        var binary = OpenPgpSigningKey.Load(TestSigningKeys.Rsa.SecretKeyring, "a.gpg", TestSigningKeys.Passphrase, Now);
        var unprotected = OpenPgpSigningKey.Load(TestSigningKeys.WithoutPassphrase.SecretKeyring, "open.gpg", null, Now);

        Assert.Equal(armored.Fingerprint, binary.Fingerprint);
        Assert.Equal(TestSigningKeys.Rsa.SigningFingerprint, armored.Fingerprint.Hex);
        Assert.Equal(TestSigningKeys.WithoutPassphrase.SigningFingerprint, unprotected.Fingerprint.Hex);
        Assert.Equal("OpenPGP signing key " + armored.KeyId, armored.ToString());
    }

    [Fact]
    public void Key_file_path_and_passphrase_variable_are_read_from_disk_and_environment()
    {
        var path = gpg.WriteFile("signing-key.asc", Encoding.ASCII.GetBytes(TestSigningKeys.Rsa.ArmoredSecretKeyring));
        var variable = "ADVISORY_TEST_PASSPHRASE_" + Guid.NewGuid().ToString("N");
        try
        {
            var unset = Assert.Throws<SigningKeyException>(() => OpenPgpSigningKey.LoadUsingEnvironment(path, variable, Now));
            Assert.Contains($"the environment variable {variable} is not set", Seen(unset.Message));

            Environment.SetEnvironmentVariable(variable, TestSigningKeys.Passphrase);
            Assert.Equal(TestSigningKeys.Rsa.SigningFingerprint, OpenPgpSigningKey.LoadUsingEnvironment(path, variable, Now).Fingerprint.Hex);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    public static TheoryData<string, string> UnusableKeys => new()
    {
        { "wrong passphrase", "wrong passphrase for the signing key {id} in test.asc (from the passphrase)" },
        { "no passphrase", "the signing key {id} in test.asc is protected by a passphrase, and the passphrase is not set" },
        { "encryption only", "test.asc has no key that can sign" },
        { "expired", "test.asc has no usable signing key ({id} is expired)" },
        { "public key", "test.asc holds no OpenPGP secret key (expected an ASCII-armored or binary secret keyring, such as gpg --export-secret-keys writes)" },
        { "garbage", "test.asc holds no OpenPGP secret key (expected an ASCII-armored or binary secret keyring, such as gpg --export-secret-keys writes)" },
        { "empty", "test.asc holds no OpenPGP secret key (expected an ASCII-armored or binary secret keyring, such as gpg --export-secret-keys writes)" },
    };

    [Theory]
    [MemberData(nameof(UnusableKeys))]
    public void An_unusable_key_is_one_clean_line_without_secrets(string problem, string expected)
    {
        var (file, passphrase, key) = problem switch
        {
            "wrong passphrase" => (TestSigningKeys.Rsa.SecretKeyring, "not the passphrase", TestSigningKeys.Rsa),
            "no passphrase" => (TestSigningKeys.Rsa.SecretKeyring, null, TestSigningKeys.Rsa),
            "encryption only" => (TestSigningKeys.EncryptionOnly.SecretKeyring, TestSigningKeys.Passphrase, TestSigningKeys.EncryptionOnly),
            "expired" => (TestSigningKeys.ExpiredSigner.SecretKeyring, TestSigningKeys.Passphrase, TestSigningKeys.ExpiredSigner),
            "public key" => (Encoding.ASCII.GetBytes(TestSigningKeys.Rsa.ArmoredPublicKey), TestSigningKeys.Passphrase, TestSigningKeys.Rsa),
            "garbage" => ("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nbm90IGEga2V5\n"u8.ToArray(), TestSigningKeys.Passphrase, TestSigningKeys.Rsa),
            _ => ([], TestSigningKeys.Passphrase, TestSigningKeys.Rsa),
        };

        var exception = Assert.Throws<SigningKeyException>(() => OpenPgpSigningKey.Load(file, "test.asc", passphrase, Now));

        var keyId = key.SigningFingerprint[^16..];
        Assert.Equal(expected.Replace("{id}", keyId, StringComparison.Ordinal), Seen(exception.Message));
        Assert.Null(exception.InnerException);
        Seen(exception.ToString());
        Assert.DoesNotContain("not the passphrase", exception.ToString());
    }

    [Fact]
    public void A_damaged_key_file_is_a_signing_key_error_never_a_library_exception()
    {
        var binary = TestSigningKeys.Rsa.SecretKeyring;
        var armored = Encoding.ASCII.GetBytes(TestSigningKeys.Rsa.ArmoredSecretKeyring);
        var damaged = new List<byte[]>();
        for (var length = 1; length < binary.Length; length += 97) damaged.Add(binary[..length]);
        for (var length = 40; length < armored.Length; length += 211) damaged.Add(armored[..length]);
        for (var offset = 0; offset < binary.Length; offset += 89)
        {
            var flipped = (byte[])binary.Clone();
            flipped[offset] ^= 0x5A;
            damaged.Add(flipped);
        }

        var refused = 0;
        foreach (var file in damaged)
        {
            try
            {
                // Some damage leaves a usable key (a flipped bit in an unused packet); that is fine too.
                OpenPgpSigningKey.Load(file, "damaged.gpg", TestSigningKeys.Passphrase, Now);
            }
            catch (SigningKeyException e)
            {
                Assert.DoesNotContain('\n', Seen(e.Message));
                refused++;
            }
        }
        Assert.True(refused > damaged.Count / 2, $"only {refused} of {damaged.Count} damaged files were refused");
    }

    [Fact]
    public void A_missing_or_unreadable_key_file_is_a_clean_error()
    {
        var missing = Path.Combine(gpg.Directory, "no-such-key.asc");

        var notFound = Assert.Throws<SigningKeyException>(() => OpenPgpSigningKey.Load(missing, TestSigningKeys.Passphrase, Now));
        var directory = Assert.Throws<SigningKeyException>(() => OpenPgpSigningKey.Load(gpg.Directory, TestSigningKeys.Passphrase, Now));

        Assert.StartsWith($"cannot read the signing key file {missing}: ", Seen(notFound.Message));
        Assert.StartsWith($"cannot read the signing key file {gpg.Directory}: ", Seen(directory.Message));
        Assert.DoesNotContain('\n', notFound.Message + directory.Message);
    }

    [Fact]
    public void A_signing_time_before_the_key_existed_is_refused()
    {
        var exception = Assert.Throws<SigningKeyException>(() =>
            Signer(TestSigningKeys.Rsa).Clearsign("text", new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero)));

        Assert.Contains("was created after the signing time", Seen(exception.Message));
    }

    private string Seen(string output)
    {
        outputs.Add(output);
        return output;
    }

    private static void AssertGoodSignature(GpgResult result, TestSigningKey key)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[GNUPG:] GOODSIG ", result.Status);
        Assert.Contains($"[GNUPG:] VALIDSIG {key.SigningFingerprint} ", result.Status);
    }

    private static void AssertHoldsNoSecret(string output)
    {
        Assert.DoesNotContain(TestSigningKeys.Passphrase, output);
        foreach (var key in new[] { TestSigningKeys.Rsa, TestSigningKeys.WithSigningSubkey })
        {
            var secretLines = key.ArmoredSecretKeyring.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= 40);
            Assert.All(secretLines, line => Assert.DoesNotContain(line, output));
        }
    }
}
