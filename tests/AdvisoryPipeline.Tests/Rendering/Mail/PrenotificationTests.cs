using System.Text;
using AdvisoryPipeline.Tests.TestSupport;
using MimeKit;

namespace AdvisoryPipeline.Tests.Rendering.Mail;

/// <summary>
/// <c>advisory prenotify</c> end to end with Debian's gpg as the recipients' mail client: each message is PGP/MIME
/// encrypted to its recipients' keys only, decrypts to a PGP/MIME-signed mail whose signature gpg accepts, and starts
/// with the embargo's terms and public date; fixes travel inside the encryption. It refuses public advisories,
/// embargoes longer than the list's maximum and recipients without a key, and nothing else ever writes it.
/// </summary>
public sealed class PrenotificationTests : IDisposable
{
    private static readonly DateTimeOffset Now = CliRunner.DefaultNow;
    private const string HeldId = "TSSA-2026-9";
    private const string HeldSummary = "Heap overflow in the frame decoder";
    private const string PassphraseVariable = "TEST_SIGNING_PASSPHRASE";
    private const string Debian = "tessera@packagers.tessera-project.org";
    private const string Homebrew = "homebrew@packagers.tessera-project.org";

    private readonly TempFolder _temp = new();
    private readonly GnuPgHome _gpg = new(withAgent: true);
    private readonly CliRunner _cli;
    private readonly Dictionary<string, string> _keyIds = [];

    public PrenotificationTests()
    {
        _temp.CopyFromRepository("advisories");
        WriteHeld(HeldId, Now.AddDays(5));
        // The recipients' keys are made here, so that gpg holds their secret parts and can decrypt as they would.
        foreach (var (address, file) in new[] { (Debian, "debian-packaging.asc"), (Homebrew, "homebrew-packaging.asc") })
        {
            var (fingerprint, armored) = _gpg.GenerateKey($"Packager <{address}>", Now.AddDays(-30));
            _temp.Write("advisories/keys/" + file, armored);
            _keyIds[address] = fingerprint;
        }
        _gpg.Import(TestSigningKeys.Rsa.ArmoredPublicKey);
        _temp.Write("team/signing.asc", TestSigningKeys.Rsa.ArmoredSecretKeyring);
        _cli = new CliRunner(_temp.Path) { Variables = { [PassphraseVariable] = TestSigningKeys.Passphrase } };
    }

    public void Dispose()
    {
        _gpg.Dispose();
        _temp.Dispose();
    }

    private CliResult Prenotify(params string[] more) =>
        _cli.Run(["prenotify", .. more, "--sign", "team/signing.asc", "--passphrase-env", PassphraseVariable]);

    [Fact]
    public void One_message_per_recipient_encrypted_to_that_key_signed_and_embargo_first()
    {
        _temp.Write("fix/0001-Bound-the-frame-length.patch", "--- a/decoder.c\n+++ b/decoder.c\n@@ -1 +1 @@\n-len\n+min(len, max)\n");

        var result = Prenotify(HeldId, "--to", "packagers", "--out", "outbox", "--attach", "fix/0001-Bound-the-frame-length.patch");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("nothing was sent", result.Out);
        var files = Directory.GetFiles(_temp.Combine("outbox")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([$"{HeldId}.packagers.{Homebrew}.eml", $"{HeldId}.packagers.{Debian}.eml"], files);
        foreach (var (address, other) in new[] { (Debian, Homebrew), (Homebrew, Debian) })
        {
            var message = MimeMessage.Load(_temp.Combine("outbox", $"{HeldId}.packagers.{address}.eml"));
            Assert.Equal([address], message.To.Mailboxes.Select(m => m.Address));
            Assert.Equal($"[vs] Embargoed security issue: {HeldId}", message.Subject);
            Assert.DoesNotContain(HeldSummary, File.ReadAllText(_temp.Combine("outbox", $"{HeldId}.packagers.{address}.eml")));

            var encrypted = EncryptedPart(message);
            var packets = _gpg.Run("--list-packets", encrypted);
            Assert.Single(packets.Status.Split('\n'), line => line.StartsWith(":pubkey enc packet:", StringComparison.Ordinal));
            Assert.DoesNotContain(KeyIdOfEncryptionSubkey(other), packets.Status + packets.Messages);

            var inner = Decrypt(encrypted);
            var text = VerifiedText(inner, out var attachments);
            Assert.StartsWith("EMBARGOED until 2026-11-27 12:00:00 UTC. Do not share, publish or push\nfixes before then.\n", text);
            Assert.Contains("This is a pre-notification from Tessera Security Advisories to the\npackagers list, ahead of public disclosure. Its terms:", text);
            Assert.Contains("\nPublic date:  2026-11-27 12:00:00 UTC\n", text);
            Assert.Contains("\nAttached:     0001-Bound-the-frame-length.patch\n", text);
            Assert.Contains(HeldSummary, text);
            Assert.Contains("Fixed in:  1.2.0", text);
            var patch = Assert.Single(attachments);
            Assert.Equal("0001-Bound-the-frame-length.patch", patch.FileName);
        }
    }

    [Fact]
    public void Together_is_one_message_encrypted_to_every_key()
    {
        ReplaceInConfig("delivery: per_recipient", "delivery: together");

        var result = Prenotify(HeldId, "--to", "packagers", "--out", "outbox");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        var file = Assert.Single(Directory.GetFiles(_temp.Combine("outbox")));
        Assert.EndsWith($"{HeldId}.packagers.eml", file);
        var message = MimeMessage.Load(file);
        Assert.Equal([Debian, Homebrew], message.To.Mailboxes.Select(m => m.Address));
        var encrypted = EncryptedPart(message);
        Assert.Equal(2, _gpg.Run("--list-packets", encrypted).Status.Split('\n').Count(l => l.StartsWith(":pubkey enc packet:", StringComparison.Ordinal)));
        Assert.StartsWith("EMBARGOED until", VerifiedText(Decrypt(encrypted), out _));
    }

    [Fact]
    public void A_public_advisory_is_refused()
    {
        var result = Prenotify("TSSA-2025-4", "--to", "packagers", "--out", "outbox");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("TSSA-2025-4 is already public", result.Error);
        Assert.False(Directory.Exists(_temp.Combine("outbox")));
    }

    [Fact]
    public void An_embargo_longer_than_the_list_accepts_is_refused_with_the_first_day_it_can_go()
    {
        WriteHeld("TSSA-2026-8", Now.AddDays(20));

        var result = Prenotify("TSSA-2026-8", "--to", "packagers", "--out", "outbox");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("TSSA-2026-8 is embargoed until 2026-12-12 12:00:00 UTC, 20 days from now; the packagers list accepts at most 14 days: " +
            "send the pre-notification on or after 2026-11-28 12:00:00 UTC", result.Error);
        Assert.False(Directory.Exists(_temp.Combine("outbox")));
    }

    [Fact]
    public void A_recipient_without_a_key_stops_everything()
    {
        ReplaceInConfig("        key: keys/homebrew-packaging.asc\n", "");

        var result = Prenotify(HeldId, "--to", "packagers", "--out", "outbox");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"prenotify.packagers.recipients[1] ({Homebrew}) has no OpenPGP key", result.Error);
        Assert.False(Directory.Exists(_temp.Combine("outbox")));
    }

    [Fact]
    public void Unknown_lists_and_unsigned_messages_are_refused()
    {
        var unknown = Prenotify(HeldId, "--to", "distros", "--out", "outbox");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no such list in prenotify: of database.yaml; the lists are: packagers", unknown.Error);

        var unsigned = _cli.Run("prenotify", HeldId, "--to", "packagers", "--out", "outbox");
        Assert.Equal(2, unsigned.ExitCode);
        Assert.Contains("add --sign KEYFILE", unsigned.Error);
        Assert.False(Directory.Exists(_temp.Combine("outbox")));
    }

    [Fact]
    public void Run_render_and_publish_never_write_the_held_advisory_or_a_prenotification()
    {
        var run = _cli.Run("run", "--out", "out");

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Contains($"{HeldId} held until 2026-11-27T12:00:00Z", run.Out);
        var written = Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(_temp.Combine("advisories"), StringComparison.Ordinal) && !f.StartsWith(_temp.Combine(".cache"), StringComparison.Ordinal)
                && !f.StartsWith(_temp.Combine("team"), StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(written);
        Assert.DoesNotContain(written, f => f.EndsWith(".eml", StringComparison.Ordinal));
        Assert.All(written, file =>
        {
            var text = File.ReadAllText(file);
            Assert.False(text.Contains(HeldId, StringComparison.Ordinal) || text.Contains(HeldSummary, StringComparison.Ordinal), file);
        });
    }

    private void WriteHeld(string id, DateTimeOffset until) =>
        _temp.Write($"advisories/{id}.yaml", SampleAdvisories.CleanYaml(id, summary: HeldSummary,
            extra: $"pipeline:\n  embargo_until: \"{until.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\"\n"));

    private void ReplaceInConfig(string from, string to)
    {
        var path = _temp.Combine("advisories", "database.yaml");
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>RFC 3156, section 4: the control part, then the OpenPGP message, written to a file for gpg.</summary>
    private string EncryptedPart(MimeMessage message)
    {
        var multipart = Assert.IsType<Multipart>(message.Body, exactMatch: false);
        Assert.Equal("multipart/encrypted", multipart.ContentType.MimeType);
        Assert.Equal("application/pgp-encrypted", multipart.ContentType.Parameters["protocol"]);
        Assert.Equal(2, multipart.Count);
        var control = Assert.IsType<MimePart>(multipart[0], exactMatch: false);
        Assert.Equal("application/pgp-encrypted", control.ContentType.MimeType);
        using var version = new MemoryStream();
        control.Content!.DecodeTo(version);
        Assert.Equal("Version: 1\r\n", Encoding.ASCII.GetString(version.ToArray()));
        var data = Assert.IsType<MimePart>(multipart[1], exactMatch: false);
        Assert.Equal("application/octet-stream", data.ContentType.MimeType);
        using var armored = new MemoryStream();
        data.Content!.DecodeTo(armored);
        Assert.StartsWith("-----BEGIN PGP MESSAGE-----", Encoding.ASCII.GetString(armored.ToArray()));
        return _gpg.WriteFile("encrypted-" + Guid.NewGuid().ToString("N") + ".asc", armored.ToArray());
    }

    private byte[] Decrypt(string file)
    {
        var output = Path.Combine(_gpg.Directory, "decrypted-" + Guid.NewGuid().ToString("N"));
        var result = _gpg.Run("--output", output, "--decrypt", file);
        Assert.True(result.ExitCode == 0, result.ToString());
        return File.ReadAllBytes(output);
    }

    /// <summary>The decrypted entity is multipart/signed; gpg verifies its signature over the first part's exact bytes.</summary>
    private string VerifiedText(byte[] inner, out IReadOnlyList<MimePart> attachments)
    {
        var entity = MimeEntity.Load(new MemoryStream(inner));
        var signed = Assert.IsType<Multipart>(entity, exactMatch: false);
        Assert.Equal("multipart/signed", signed.ContentType.MimeType);
        Assert.Equal("application/pgp-signature", signed.ContentType.Parameters["protocol"]);
        var signedBytes = OpenPgpVerification.SignedPart(inner, signed.ContentType.Boundary!);
        using var signature = new MemoryStream();
        ((MimePart)signed[1]).Content!.DecodeTo(signature);
        var verified = _gpg.Verify(_gpg.WriteFile("sig.asc", signature.ToArray()), _gpg.WriteFile("signed.bin", signedBytes));
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("[GNUPG:] VALIDSIG " + TestSigningKeys.Rsa.SigningFingerprint, verified.Status);

        var content = signed[0];
        attachments = content is Multipart mixed ? [.. mixed.Skip(1).OfType<MimePart>()] : [];
        var text = content is Multipart parts ? (TextPart)parts[0] : (TextPart)content;
        return text.Text.ReplaceLineEndings("\n");
    }

    private string KeyIdOfEncryptionSubkey(string address)
    {
        var listed = _gpg.Run("--with-colons", "--list-keys", _keyIds[address]);
        return listed.Status.Split('\n').First(l => l.StartsWith("sub:", StringComparison.Ordinal)).Split(':')[4];
    }
}
