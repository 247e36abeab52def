using System.Text;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Tests.Rendering.Mail;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Configuration;

/// <summary>
/// The policy:, prenotify: and chat: blocks of database.yaml: read into records, their values checked with hints,
/// secrets never repeated, and the policy's key refused by validate, at its line, when it cannot protect reports
/// (unreadable, secret, expired, without the contact address).
/// </summary>
public sealed class PolicyConfigTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static LoadedDatabaseConfig Load(string yaml) => DatabaseConfigLoader.Load("database.yaml", Encoding.UTF8.GetBytes(yaml));

    private const string Head = "name: Policy Test\nid_prefix: TSSA\nsite_url: https://security.example.org/\n";

    [Fact]
    public void The_example_configuration_reads_its_policy_lists_and_channels()
    {
        var loaded = DatabaseConfigLoader.LoadFile(Path.Combine(ExampleDatabase.Folder, "database.yaml"));

        Assert.Empty(loaded.Findings);
        var config = loaded.Config!;
        var policy = config.Policy!;
        Assert.Equal(["mailto:security@tessera-project.org", "https://github.com/tessera-project/tessera/security/advisories/new"], policy.Contacts);
        Assert.Equal(["security@tessera-project.org"], policy.ContactAddresses);
        Assert.Equal("security-team.asc", policy.EncryptionKey);
        Assert.Equal(["Affected artifacts and versions", "Overview", "Description", "Impact", "Solution"], policy.ReportTemplate!.Select(s => s.Title));
        Assert.Equal(5, policy.Handling!.Count);
        Assert.Equal(90, policy.EmbargoDays);
        Assert.Equal(180, policy.ExpiresAfterDays);
        Assert.Equal(["en", "de"], policy.PreferredLanguages!);
        var packagers = config.Prenotify!["packagers"];
        Assert.Equal(14, packagers.MaxEmbargoDays);
        Assert.Equal(PrenotifyDelivery.PerRecipient, packagers.Delivery);
        Assert.Equal(2, packagers.Recipients.Count);
        Assert.Equal("SLACK_SECURITY_WEBHOOK", config.Chat!.Slack!["security-announce"].WebhookEnv);
        Assert.Equal("MATRIX_ANNOUNCE_TOKEN", config.Chat.Matrix!["tessera-announce"].TokenEnv);
        Assert.DoesNotContain("AFCA", File.ReadAllText(Path.Combine(ExampleDatabase.Folder, "database.yaml")));
    }

    [Fact]
    public void Defaults_apply_to_what_a_block_leaves_out()
    {
        var config = Load(Head + "policy:\n  contacts: [\"mailto:security@example.org\"]\nprenotify:\n  distros:\n    recipients:\n      - address: distros@vs.openwall.org\n").Config!;

        Assert.Equal(PolicyConfig.DefaultEmbargoDays, config.Policy!.EmbargoDays);
        Assert.Equal(PolicyConfig.DefaultExpiresAfterDays, config.Policy.ExpiresAfterDays);
        Assert.Null(config.Policy.EncryptionKey);
        Assert.Equal(14, config.Prenotify!["distros"].MaxEmbargoDays);
        Assert.Equal(PrenotifyListConfig.DefaultSubject, config.Prenotify["distros"].Subject);
        Assert.Null(config.Prenotify["distros"].Recipients[0].Key);
    }

    [Theory]
    [InlineData("policy:\n  contacts: [\"security@example.org\"]\n", "/policy/contacts/0", "mailto:")]
    [InlineData("policy:\n  contacts: [\"http://example.org/report\"]\n", "/policy/contacts/0", "https:")]
    [InlineData("policy:\n  contacts: [\"mailto:a@b.org\"]\n  expires_after_days: 400\n", "/policy/expires_after_days", "RFC 9116")]
    [InlineData("policy:\n  contacts: [\"mailto:a@b.org\"]\n  embargo_days: 0\n", "/policy/embargo_days", "from 1 to 365")]
    [InlineData("policy:\n  contacts: [\"mailto:a@b.org\"]\n  preferred_languages: [English!]\n", "/policy/preferred_languages/0", "language tag")]
    [InlineData("policy:\n  contacts: [\"mailto:a@b.org\"]\n  acknowledgments: http://example.org/thanks\n", "/policy/acknowledgments", "https")]
    [InlineData("prenotify:\n  Distros:\n    recipients: []\n", "/prenotify/Distros", "lower-case")]
    [InlineData("prenotify:\n  distros:\n    delivery: bcc\n    recipients: []\n", "/prenotify/distros/delivery", "per_recipient, together")]
    [InlineData("prenotify:\n  distros:\n    recipients:\n      - address: not an address\n", "/prenotify/distros/recipients/0/address", "mail address")]
    [InlineData("chat:\n  matrix:\n    room1:\n      homeserver: http://matrix.example.org\n      room: \"!a:example.org\"\n      token_env: T\n", "/chat/matrix/room1/homeserver", "https")]
    [InlineData("chat:\n  matrix:\n    room1:\n      homeserver: https://matrix.example.org\n      room: \"#announce:example.org\"\n      token_env: T\n", "/chat/matrix/room1/room", "room ID")]
    public void Values_that_break_a_rule_are_located_with_a_hint(string block, string pointer, string hint)
    {
        var loaded = Load(Head + block);

        var finding = Assert.Single(loaded.Findings, f => f.IsError);
        Assert.Equal(ConfigFindingCodes.InvalidValue, finding.Code);
        Assert.Equal(pointer, finding.Pointer);
        Assert.True(finding.Location.Line > 3, finding.Location.ToString());
        Assert.Contains(hint, finding.Hint);
    }

    [Fact]
    public void A_fingerprint_cannot_be_typed_and_a_recipient_needs_an_address()
    {
        var loaded = Load(Head + "policy:\n  contacts: [\"mailto:a@b.org\"]\n  fingerprint: AFCA9D14\nprenotify:\n  distros:\n    recipients:\n      - key: k.asc\n");

        Assert.Contains(loaded.Findings, f => f.Code == ConfigFindingCodes.UnknownKey && f.Message.Contains("fingerprint", StringComparison.Ordinal));
        Assert.Contains(loaded.Findings, f => f.Code == ConfigFindingCodes.MissingKey && f.Pointer == "/prenotify/distros/recipients/0/address");
    }

    [Fact]
    public void A_secret_written_where_a_variable_name_belongs_is_refused_without_being_repeated()
    {
        const string secret = "https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/s3cr3tT0k3nDoNotLeak";
        var loaded = Load(Head + $"chat:\n  slack:\n    announce:\n      webhook_env: \"{secret}\"\n  matrix:\n    room:\n      homeserver: https://m.example.org\n      room: \"!r:example.org\"\n      token_env: syt_s3cr3tT0k3nDoNotLeak\n");

        var findings = loaded.Findings.Where(f => f.IsError).ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, finding =>
        {
            Assert.DoesNotContain("s3cr3t", finding.Message + finding.Hint);
            Assert.Contains("never the secret itself", finding.Hint);
        });
    }

    [Fact]
    public void Validate_refuses_an_expired_key_at_its_line()
    {
        WriteDatabase("mailto:test-signing@tessera-project.org", TestSigningKeys.ExpiredSigner.ArmoredPublicKey);

        var result = new CliRunner(_temp.Path).Run("validate", "db");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("db/database.yaml:6:19: error[CFG005]: policy.encryption_key: the key ", result.Out);
        Assert.Contains(" in security-team.asc expired on 2026-01-31", result.Out);
        Assert.Contains("gpg --quick-set-expire", result.Out);

        var render = new CliRunner(_temp.Path).Run("render", "db", "--out", "out");
        Assert.Equal(1, render.ExitCode);
        Assert.False(Directory.Exists(_temp.Combine("out")));
    }

    [Fact]
    public void Validate_refuses_a_key_whose_user_ids_lack_the_contact_address()
    {
        WriteDatabase("mailto:security@example.org", TestSigningKeys.WithSigningSubkey.ArmoredPublicKey);

        var result = new CliRunner(_temp.Path).Run("validate", "db");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("db/database.yaml:6:19: error[CFG006]: policy.encryption_key: no user ID of the key ", result.Out);
        Assert.Contains("carries security@example.org (it has: test-signing@tessera-project.org)", result.Out);
    }

    [Fact]
    public void Validate_refuses_a_secret_key_and_shows_none_of_it()
    {
        WriteDatabase("mailto:test-signing@tessera-project.org", TestSigningKeys.Rsa.ArmoredSecretKeyring);

        var result = new CliRunner(_temp.Path).Run("validate", "db");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error[CFG004]: policy.encryption_key: security-team.asc holds a secret key", result.Out);
        Assert.DoesNotContain("BEGIN PGP", result.Out + result.Error);
    }

    [Fact]
    public void Validate_refuses_a_missing_key_file_and_accepts_a_good_key()
    {
        WriteDatabase("mailto:test-signing@tessera-project.org", armoredKey: null);

        var missing = new CliRunner(_temp.Path).Run("validate", "db");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("error[CFG004]: policy.encryption_key: there is no file security-team.asc", missing.Out);

        _temp.Write("db/security-team.asc", TestSigningKeys.WithSigningSubkey.ArmoredPublicKey);
        var good = new CliRunner(_temp.Path).Run("validate", "db");
        Assert.Equal(0, good.ExitCode);
        Assert.DoesNotContain("CFG00", good.Out);
    }

    [Fact]
    public void A_key_that_expires_within_30_days_is_a_warning()
    {
        using var gpg = new GnuPgHome(withAgent: true);
        var (_, armored) = gpg.GenerateKey("Security <security@example.org>", CliRunner.DefaultNow.AddDays(-10), "30d");
        WriteDatabase("mailto:security@example.org", armored);

        var result = new CliRunner(_temp.Path).Run("validate", "db");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("db/database.yaml:6:19: warning[CFG007]: policy.encryption_key: the key ", result.Out);
        Assert.Contains("expires on 2026-12-12", result.Out);
    }

    private void WriteDatabase(string contact, string? armoredKey)
    {
        _temp.Write("db/database.yaml", $"""
            name: Policy Test
            id_prefix: TSSA
            policy:
              contacts:
                - "{contact}"
              encryption_key: security-team.asc

            """);
        if (armoredKey is not null) _temp.Write("db/security-team.asc", armoredKey);
        _temp.Write("db/TSSA-2026-1.yaml", SampleAdvisories.CleanYaml("TSSA-2026-1"));
    }
}
