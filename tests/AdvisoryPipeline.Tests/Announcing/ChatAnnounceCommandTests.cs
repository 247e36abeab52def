using AdvisoryPipeline.Announcing;
using AdvisoryPipeline.FakeChat;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Announcing;

/// <summary>
/// <c>advisory announce --chat</c> on a copy of the example database, against fake Slack, Discord and Matrix services on
/// 127.0.0.1: only published advisories are posted, once per channel (the ledger makes a re-run post nothing), a
/// withdrawn one gets one notice, an embargoed one never appears, a failing channel does not stop the others, a dry
/// run sends nothing, and no output ever holds a secret.
/// </summary>
public sealed class ChatAnnounceCommandTests : IAsyncLifetime
{
    private const string HeldId = "TSSA-2026-9";
    private const string HeldSummary = "Embargoed overflow in the frame decoder";
    private const string SlackSecret = "slkSECRETslkSECRETslkSECRET";
    private const string DiscordSecret = "dscSECRETdscSECRETdscSECRET";

    private readonly TempFolder _temp = new();
    private readonly List<CliResult> _results = [];
    private FakeChatServer _server = null!;
    private CliRunner _cli = null!;

    /// <summary>The example advisories that are not withdrawn: each gets one post per channel.</summary>
    private static readonly int Announceable = ExampleDatabase.All.Count(r => !r.IsWithdrawn);

    public async Task InitializeAsync()
    {
        _server = await FakeChatServer.StartNewAsync();
        _temp.CopyFromRepository("advisories");
        _temp.Write($"advisories/{HeldId}.yaml", SampleAdvisories.CleanYaml(HeldId, summary: HeldSummary, extra: "pipeline:\n  embargo_until: \"2026-12-20T00:00:00Z\"\n"));
        var config = _temp.Combine("advisories", "database.yaml");
        File.WriteAllText(config, File.ReadAllText(config).Replace("homeserver: https://matrix.tessera-project.org", "homeserver: " + _server.BaseUri, StringComparison.Ordinal));
        _cli = new CliRunner(_temp.Path)
        {
            Variables =
            {
                ["SLACK_SECURITY_WEBHOOK"] = _server.SlackWebhook(SlackSecret),
                ["DISCORD_SECURITY_WEBHOOK"] = _server.DiscordWebhook(DiscordSecret),
                ["MATRIX_ANNOUNCE_TOKEN"] = _server.MatrixToken,
            },
        };
    }

    public async Task DisposeAsync()
    {
        // Whatever the commands printed holds no secret.
        foreach (var result in _results)
            foreach (var secret in new[] { SlackSecret, DiscordSecret, _server.MatrixToken, "/slack/services/", "/api/webhooks/" })
                Assert.DoesNotContain(secret, result.Out + result.Error);
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    private CliResult Run(params string[] args)
    {
        var result = _cli.Run(args);
        _results.Add(result);
        return result;
    }

    private string Ledger => File.ReadAllText(_temp.Combine("advisories", AnnouncementLedger.FileName));

    private static int Entries(string ledger) => ledger.Split('\n').Count(l => l.Length > 0 && !l.StartsWith('#'));

    [Fact]
    public void Nothing_is_posted_before_it_is_published()
    {
        var result = Run("announce", "--chat");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("TSSA-2025-4: not announced: it is not published yet in dir:out/osv (publish it first)", result.Out);
        Assert.EndsWith("nothing to post\n", result.Out);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void Published_advisories_are_posted_once_per_channel_and_a_rerun_posts_nothing()
    {
        Assert.Equal(0, Run("publish").ExitCode);

        var first = Run("announce", "--chat");

        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        Assert.Equal(3 * Announceable, _server.Messages.Count);
        foreach (var service in new[] { "slack", "discord", "matrix" })
            Assert.Equal(Announceable, _server.Messages.Count(m => m.Service == service));
        Assert.Contains("slack/security-announce: TSSA-2025-4 announced\n", first.Out);
        Assert.Contains("matrix/tessera-announce: TSSA-2025-4 announced\n", first.Out);
        Assert.EndsWith($"{3 * Announceable} of {3 * Announceable} post(s) made; ledger: advisories/.announcements\n", first.Out);
        Assert.DoesNotContain(_server.Requests, r => r.Body.Contains(HeldId, StringComparison.Ordinal) || r.Body.Contains(HeldSummary, StringComparison.Ordinal));
        Assert.DoesNotContain(_server.Requests, r => r.Body.Contains("TSSA-2025-3", StringComparison.Ordinal));
        var ledger = Ledger;
        Assert.Equal(3 * Announceable, Entries(ledger));
        // The version posted is the record as published: the first publish kept the modified of its file.
        Assert.Contains("discord/community TSSA-2025-4 announced 2025-09-02T13:27:40Z 2026-11-22T12:00:00Z\n", ledger);

        var requests = _server.Requests.Count;
        var again = Run("announce", "--chat");

        Assert.Equal((0, "nothing to post\n"), (again.ExitCode, again.Out));
        Assert.Equal(requests, _server.Requests.Count);
        Assert.Equal(ledger, Ledger);
    }

    [Fact]
    public void A_withdrawn_advisory_gets_one_withdrawn_notice()
    {
        Assert.Equal(0, Run("publish").ExitCode);
        Assert.Equal(0, Run("announce", "--chat").ExitCode);
        _cli.Clock = new FixedClock(CliRunner.DefaultNow.AddHours(1));
        Assert.Equal(0, Run("withdraw", "TSSA-2025-4", "--reason", "The reported code path cannot be reached.").ExitCode);

        var unpublished = Run("announce", "--chat");
        Assert.True(unpublished.Out.Contains("TSSA-2025-4: not announced: it is not published yet", StringComparison.Ordinal), unpublished.Out + unpublished.Error);
        Assert.Equal(0, Run("publish").ExitCode);
        var before = _server.Messages.Count;

        var withdrawn = Run("announce", "--chat");

        Assert.True(withdrawn.ExitCode == 0, withdrawn.Out + withdrawn.Error);
        var notices = _server.Messages.Skip(before).ToList();
        Assert.Equal(3, notices.Count);
        Assert.Contains("slack/security-announce: TSSA-2025-4 withdrawn\n", withdrawn.Out);
        Assert.All(notices, m => Assert.Contains("TSSA-2025-4 has been withdrawn", m.Body));
        Assert.Equal(3 * Announceable + 3, Entries(Ledger));
        Assert.Equal("nothing to post\n", Run("announce", "--chat").Out);
        Assert.Equal(before + 3, _server.Messages.Count);
    }

    /// <summary>A target that refuses the plan (here: it holds a record the advisories no longer have) cannot say what is published.</summary>
    [Fact]
    public void Nothing_is_posted_when_the_target_cannot_be_compared()
    {
        Assert.Equal(0, Run("publish").ExitCode);
        File.Delete(_temp.Combine("advisories", "TSSA-2025-4.yaml"));

        var result = Run("announce", "--chat");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error[PUB004]", result.Error);
        Assert.Contains("advisory: dir:out/osv cannot be compared with the advisories, so what is published is unknown: nothing was posted", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void A_dry_run_prints_the_payloads_and_sends_nothing_without_reading_a_secret()
    {
        Assert.Equal(0, Run("publish").ExitCode);
        _cli.Variables.Remove("SLACK_SECURITY_WEBHOOK");
        _cli.Variables.Remove("MATRIX_ANNOUNCE_TOKEN");

        var result = Run("announce", "--chat", "TSSA-2025-4", "--dry-run");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.StartsWith("--- slack/security-announce: TSSA-2025-4 announced ---\n{\n  \"text\": \"[Tessera Security Advisories] TSSA-2025-4: ", result.Out);
        Assert.Contains("--- discord/community: TSSA-2025-4 announced ---\n{\n  \"content\": \"New security advisory: **TSSA-2025-4**\",", result.Out);
        Assert.Contains("--- matrix/tessera-announce: TSSA-2025-4 announced ---\n{\n  \"msgtype\": \"m.notice\",", result.Out);
        Assert.EndsWith("3 post(s) would be made; nothing was sent\n", result.Out);
        Assert.Empty(_server.Requests);
        Assert.False(File.Exists(_temp.Combine("advisories", AnnouncementLedger.FileName)));
    }

    [Fact]
    public void A_missing_secret_stops_before_any_post()
    {
        Assert.Equal(0, Run("publish").ExitCode);
        _cli.Variables.Remove("MATRIX_ANNOUNCE_TOKEN");

        var result = Run("announce", "--chat");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the environment variable MATRIX_ANNOUNCE_TOKEN is not set", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void A_failing_channel_does_not_stop_the_others_and_the_next_run_posts_only_what_is_missing()
    {
        Assert.Equal(0, Run("publish").ExitCode);
        _server.AddFault("/slack/", ChatFault.Status(404, "no_service"), times: Announceable);

        var failed = Run("announce", "--chat");

        Assert.Equal(3, failed.ExitCode);
        Assert.Contains("advisory: slack/security-announce: the post failed: it refused the post: 404 Not Found: no_service", failed.Error);
        Assert.Contains("the posts made are in the ledger; run again to retry the others", failed.Error);
        Assert.Equal(2 * Announceable, _server.Messages.Count);
        Assert.Equal(2 * Announceable, Entries(Ledger));

        var retried = Run("announce", "--chat");

        Assert.True(retried.ExitCode == 0, retried.Out + retried.Error);
        Assert.Equal(Announceable, _server.Messages.Count(m => m.Service == "slack"));
        Assert.Equal(3 * Announceable, _server.Messages.Count);
    }

    [Fact]
    public void Named_advisories_and_channels_narrow_the_posts_and_an_embargoed_one_is_refused()
    {
        Assert.Equal(0, Run("publish").ExitCode);

        var held = Run("announce", "--chat", HeldId);
        Assert.Equal(2, held.ExitCode);
        Assert.Contains($"{HeldId} held until 2026-12-20T00:00:00Z: an embargoed advisory cannot be announced", held.Error);

        var one = Run("announce", "--chat", "TSSA-2025-4", "--channel", "matrix/tessera-announce");
        Assert.True(one.ExitCode == 0, one.Out + one.Error);
        var message = Assert.Single(_server.Messages);
        Assert.Equal("matrix", message.Service);

        var unknown = Run("announce", "--chat", "--channel", "irc/main");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--channel irc/main: no such channel; the channels are: slack/security-announce, discord/community, matrix/tessera-announce", unknown.Error);
    }

    [Fact]
    public void Record_only_adopts_an_existing_database_without_posting()
    {
        Assert.Equal(0, Run("publish").ExitCode);
        _cli.Variables.Clear();

        var recorded = Run("announce", "--chat", "--record-only");

        Assert.True(recorded.ExitCode == 0, recorded.Out + recorded.Error);
        Assert.Contains("slack/security-announce: TSSA-2025-4 announced (recorded, not sent)", recorded.Out);
        Assert.Empty(_server.Requests);
        Assert.Equal(3 * Announceable, Entries(Ledger));
    }

    [Fact]
    public void Chat_options_without_chat_and_an_announce_without_ids_are_usage_errors()
    {
        Assert.Contains("--dry-run is for chat posts: add --chat", Run("announce", "TSSA-2025-4", "--dry-run").Error);
        Assert.Contains("name the advisories to announce", Run("announce").Error);
        Assert.Contains("--chat posts to chat channels: --eml, --sign and --out are for the mail", Run("announce", "--chat", "--eml").Error);
        Assert.All(_results, r => Assert.Equal(2, r.ExitCode));
    }
}
