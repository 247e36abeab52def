using System.Globalization;
using System.Text;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Policy;
using AdvisoryPipeline.Tests.Rendering.Mail;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Rendering.Policy;

/// <summary>
/// The example database's <c>/.well-known/security.txt</c> against RFC 9116: only registered fields, at least one
/// Contact, exactly one Expires less than a year ahead and renewed monthly by the renders, https web URIs,
/// Canonical where it is served; clear-signed with --sign, verified by Debian's gpg, still readable as fields.
/// </summary>
public sealed class SecurityTxtTests : IDisposable
{
    private const string Now = "2026-11-22T12:00:00Z";
    private const string PassphraseVariable = "TEST_SIGNING_PASSPHRASE";
    private readonly TempFolder _temp = new();
    private readonly CliRunner _cli;

    public SecurityTxtTests()
    {
        _temp.CopyFromRepository("advisories");
        _cli = new CliRunner(_temp.Path) { Variables = { [PassphraseVariable] = TestSigningKeys.Passphrase } };
    }

    public void Dispose() => _temp.Dispose();

    private string Render(string folder, string now, params string[] more)
    {
        var result = _cli.Run(["render", "--out", folder, "--now", now, .. more]);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        return File.ReadAllText(_temp.Combine(folder, "site", ".well-known", "security.txt"));
    }

    [Fact]
    public void The_file_follows_RFC_9116()
    {
        var fields = Fields(Render("out", Now));

        Assert.All(fields, field => Assert.Contains(field.Name, SecurityTxt.RegisteredFields, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(["mailto:security@tessera-project.org", "https://github.com/tessera-project/tessera/security/advisories/new"], Values(fields, "Contact"));
        var expires = Assert.Single(Values(fields, "Expires"));
        var expiresAt = DateTimeOffset.ParseExact(expires, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var now = DateTimeOffset.Parse(Now, CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt, now, now.AddYears(1).AddTicks(-1));
        Assert.Equal("2027-04-30T00:00:00Z", expires);
        Assert.Equal(["https://security.tessera-project.org/security/openpgp-key.asc", "openpgp4fpr:afca9d147b1f0cf5013c1f085871c0674ab6a502"], Values(fields, "Encryption"));
        Assert.Equal(["https://security.tessera-project.org/.well-known/security.txt"], Values(fields, "Canonical"));
        Assert.Equal(["https://security.tessera-project.org/security/"], Values(fields, "Policy"));
        Assert.Equal(["en, de"], Values(fields, "Preferred-Languages"));
        Assert.Equal(["https://tessera-project.org/security/thanks/"], Values(fields, "Acknowledgments"));
        foreach (var field in fields.Where(f => f.Name is not ("Expires" or "Preferred-Languages")))
            Assert.True(field.Value.StartsWith("https://", StringComparison.Ordinal) || field.Value.StartsWith("mailto:", StringComparison.Ordinal)
                || field.Value.StartsWith("openpgp4fpr:", StringComparison.Ordinal), $"{field.Name}: {field.Value} is not an https, mailto or openpgp4fpr URI");
    }

    [Fact]
    public void Expires_is_renewed_by_the_first_render_of_a_month_and_stable_within_it()
    {
        var first = Render("a", "2026-11-01T00:00:00Z");
        var sameMonth = Render("b", "2026-11-30T23:59:59Z");
        var nextMonth = Render("c", "2026-12-01T00:00:01Z");

        Assert.Equal(first, sameMonth);
        Assert.Equal("2027-05-30T00:00:00Z", Assert.Single(Values(Fields(nextMonth), "Expires")));
        // A second render into the same folder within the month writes nothing.
        var again = _cli.Run("render", "--out", "a", "--now", "2026-11-22T20:00:00Z");
        Assert.Contains("a/site: unchanged", again.Out);
        // With the longest setting, Expires stays less than a year after any render.
        var path = _temp.Combine("advisories", "database.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("expires_after_days: 180", "expires_after_days: 364", StringComparison.Ordinal));
        var longest = DateTimeOffset.Parse(Assert.Single(Values(Fields(Render("d", "2026-12-31T23:59:59Z")), "Expires")), CultureInfo.InvariantCulture);
        Assert.True(longest < new DateTimeOffset(2027, 12, 31, 23, 59, 59, TimeSpan.Zero), longest.ToString("O", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Signed_with_the_team_key_it_verifies_with_gpg_and_still_reads_as_fields()
    {
        var unsigned = Render("plain", Now);
        _temp.Write("keys/signing.asc", TestSigningKeys.Rsa.ArmoredSecretKeyring);

        var signed = Render("signed", Now, "--sign", "keys/signing.asc", "--passphrase-env", PassphraseVariable);

        Assert.StartsWith("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n# The security contact of", signed);
        Assert.EndsWith("-----END PGP SIGNATURE-----\n", signed);
        using var gpg = new GnuPgHome();
        gpg.Import(TestSigningKeys.Rsa.ArmoredPublicKey);
        var file = gpg.WriteFile("security.txt", Encoding.UTF8.GetBytes(signed));
        var verified = gpg.Verify(file);
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("[GNUPG:] GOODSIG", verified.Status);
        Assert.Contains("[GNUPG:] VALIDSIG " + TestSigningKeys.Rsa.SigningFingerprint, verified.Status);
        Assert.Equal(unsigned, gpg.Decrypt(file).Status);
        Assert.Equal(Fields(unsigned), Fields(signed));
        Assert.DoesNotContain(TestSigningKeys.Passphrase, string.Join("", Directory.EnumerateFiles(_temp.Combine("signed"), "*", SearchOption.AllDirectories).Select(File.ReadAllText)));

        var tampered = gpg.WriteFile("tampered.txt", Encoding.UTF8.GetBytes(signed.Replace("mailto:security@", "mailto:attacker@", StringComparison.Ordinal)));
        Assert.NotEqual(0, gpg.Verify(tampered).ExitCode);
    }

    [Fact]
    public void Run_signs_it_too()
    {
        _temp.Write("keys/signing.asc", TestSigningKeys.Rsa.ArmoredSecretKeyring);

        var result = _cli.Run("run", "--out", "out", "--now", Now, "--sign", "keys/signing.asc", "--passphrase-env", PassphraseVariable);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.StartsWith("-----BEGIN PGP SIGNED MESSAGE-----", File.ReadAllText(_temp.Combine("out", "site", ".well-known", "security.txt")));
    }

    [Fact]
    public void Without_a_site_url_only_what_needs_no_address_is_written()
    {
        var settings = ExampleDatabase.Settings with { SiteUrl = null };

        var text = SecurityTxt.Write(settings, DateTimeOffset.Parse(Now, CultureInfo.InvariantCulture));

        var fields = Fields(text);
        Assert.Empty(Values(fields, "Canonical"));
        Assert.Empty(Values(fields, "Policy"));
        Assert.Equal(["openpgp4fpr:afca9d147b1f0cf5013c1f085871c0674ab6a502"], Values(fields, "Encryption"));
        Assert.Single(Values(fields, "Expires"));
    }

    private sealed record Field(string Name, string Value);

    /// <summary>RFC 9116's fields: a signed file's framing and comments skipped, as its section 2.3 and 2.4 read.</summary>
    private static List<Field> Fields(string text)
    {
        var lines = text.Split('\n').ToList();
        if (lines[0] == "-----BEGIN PGP SIGNED MESSAGE-----")
            lines = [.. lines.Skip(lines.IndexOf("") + 1).TakeWhile(line => line != "-----BEGIN PGP SIGNATURE-----")];
        var fields = new List<Field>();
        foreach (var line in lines.Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            Assert.True(colon > 0, $"not a field: {line}");
            fields.Add(new Field(line[..colon], line[(colon + 2)..]));
        }
        return fields;
    }

    private static List<string> Values(List<Field> fields, string name) =>
        [.. fields.Where(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)).Select(f => f.Value)];
}
