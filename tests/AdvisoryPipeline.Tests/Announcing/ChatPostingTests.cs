using System.Diagnostics;
using AdvisoryPipeline.Announcing;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.FakeChat;
using AdvisoryPipeline.Rendering.Mail;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Announcing;

/// <summary>
/// Posting over real HTTP to fake Slack, Discord and Matrix services on 127.0.0.1 that fail on purpose: a 500, a 429
/// with Retry-After and a dropped connection are retried and give exactly one message; Matrix's transaction ID makes
/// even a post whose answer was lost appear once; a refused post fails at once, and no failure shows a secret.
/// </summary>
public sealed class ChatPostingTests : IAsyncLifetime
{
    private const string WebhookSecret = "whsec0ZZZZZZZZZZZZZZZZZZZZZZZ";
    private static readonly RetryPolicy Fast = new(4, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private FakeChatServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeChatServer.StartNewAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private static ChatAnnouncement Announcement => ChatAnnouncement.From(ExampleDatabase.Record("TSSA-2025-4"), ExampleDatabase.Settings, ChatNotice.Announced);

    private ChatPoster Poster(RetryPolicy? policy = null) => new(_http, policy ?? Fast, TimeProvider.System);

    private ChatChannel Slack()
    {
        var url = _server.SlackWebhook(WebhookSecret);
        Secrets.Remember(url, "SLACK_SECURITY_WEBHOOK");
        return new SlackWebhookChannel("security-announce", new Uri(url));
    }

    private ChatChannel Discord()
    {
        var url = _server.DiscordWebhook(WebhookSecret);
        Secrets.Remember(url, "DISCORD_SECURITY_WEBHOOK");
        return new DiscordWebhookChannel("community", new Uri(url));
    }

    private ChatChannel Matrix()
    {
        Secrets.Remember(_server.MatrixToken, "MATRIX_ANNOUNCE_TOKEN");
        return new MatrixRoomChannel("tessera-announce", _server.BaseUri, "!announce:tessera-project.org", _server.MatrixToken);
    }

    public static TheoryData<string> Services => ["slack", "discord", "matrix"];

    private ChatChannel Channel(string service) => service switch { "slack" => Slack(), "discord" => Discord(), _ => Matrix() };

    private string PathPrefix(string service) => service switch { "slack" => "/slack/", "discord" => "/discord/", _ => "/_matrix/" };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_service_receives_its_payload_once(string service)
    {
        var channel = Channel(service);

        await channel.PostAsync(Announcement, Poster(), CancellationToken.None);

        var message = Assert.Single(_server.Messages);
        Assert.Equal(service, message.Service);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(channel.Payload(Announcement)), message.Body);
        var request = Assert.Single(_server.Requests);
        if (service == "discord") Assert.Equal("?wait=true", request.Query);
        if (service == "matrix")
        {
            Assert.Equal("PUT", request.Method);
            Assert.EndsWith("/send/m.room.message/" + MatrixMessage.TransactionId(Announcement), request.Path);
            Assert.Equal("Bearer " + _server.MatrixToken, request.Authorization);
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_server_error_is_retried_and_posts_once(string service)
    {
        var channel = Channel(service);
        _server.AddFault(PathPrefix(service), ChatFault.ServerError(), times: 2);

        await channel.PostAsync(Announcement, Poster(), CancellationToken.None);

        Assert.Single(_server.Messages);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_rate_limit_is_waited_out_as_Retry_After_says_and_posts_once(string service)
    {
        var channel = Channel(service);
        _server.AddFault(PathPrefix(service), ChatFault.RateLimited(1));
        var watch = Stopwatch.StartNew();

        await channel.PostAsync(Announcement, Poster(), CancellationToken.None);

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {watch.Elapsed}, before the 1 s Retry-After");
        Assert.Single(_server.Messages);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_dropped_connection_is_retried_and_posts_once(string service)
    {
        var channel = Channel(service);
        _server.AddFault(PathPrefix(service), ChatFault.DropBeforeHandling());

        await channel.PostAsync(Announcement, Poster(), CancellationToken.None);

        Assert.Single(_server.Messages);
        Assert.Equal(2, _server.Requests.Count);
    }

    /// <summary>The answer is lost after Matrix made the event: the retry's transaction ID is recognised, nothing is posted twice.</summary>
    [Fact]
    public async Task A_Matrix_post_whose_answer_was_lost_is_not_posted_twice()
    {
        var channel = Matrix();
        _server.AddFault("/_matrix/", ChatFault.DropAfterHandling());

        await channel.PostAsync(Announcement, Poster(), CancellationToken.None);

        Assert.Single(_server.Messages);
        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Path, requests[1].Path);
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    [Fact]
    public async Task A_refused_post_fails_at_once_and_its_message_holds_no_secret()
    {
        var channel = Slack();
        _server.AddFault("/slack/", ChatFault.Status(404, "no_service"), times: FakeTimes);

        var failure = await Assert.ThrowsAsync<ChatPostException>(() => channel.PostAsync(Announcement, Poster(), CancellationToken.None));

        Assert.Single(_server.Requests);
        Assert.Equal("slack/security-announce: the post failed: it refused the post: 404 Not Found: no_service " +
            "(the webhook or room does not exist: check the environment variable and database.yaml)", failure.Message);
        Assert.Null(failure.InnerException);
        Assert.Empty(_server.Messages);
    }

    [Fact]
    public async Task Giving_up_after_the_retries_names_the_variable_never_the_webhook()
    {
        var channel = Slack();
        _server.AddFault("/slack/", ChatFault.DropBeforeHandling(), times: FakeTimes);

        var failure = await Assert.ThrowsAsync<ChatPostException>(() => channel.PostAsync(Announcement, Poster(), CancellationToken.None));

        Assert.Equal(Fast.Attempts, _server.Requests.Count);
        Assert.StartsWith("slack/security-announce: the post failed: no success after 4 tries; the last: the connection failed", failure.Message);
        Assert.DoesNotContain(WebhookSecret, failure.Message);
        Assert.DoesNotContain("/slack/services/", failure.Message);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_tool_waits_fails_without_waiting()
    {
        var channel = Discord();
        _server.AddFault("/discord/", ChatFault.RateLimited(600));
        var watch = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<ChatPostException>(() => channel.PostAsync(Announcement, Poster(), CancellationToken.None));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Contains("rate-limited for 600 s", failure.Message);
        Assert.DoesNotContain(WebhookSecret, failure.Message);
    }

    [Fact]
    public void Secrets_are_replaced_by_their_variable_names()
    {
        Secrets.Remember("https://hooks.slack.com/services/T000/B000/abcdef", "SLACK_SECURITY_WEBHOOK");
        Secrets.Remember("syt_token_value", "MATRIX_ANNOUNCE_TOKEN");

        Assert.Equal("POST $SLACK_SECURITY_WEBHOOK failed; path <path of $SLACK_SECURITY_WEBHOOK>; auth Bearer $MATRIX_ANNOUNCE_TOKEN",
            Secrets.Redact("POST https://hooks.slack.com/services/T000/B000/abcdef failed; path /services/T000/B000/abcdef; auth Bearer syt_token_value"));
    }

    private const int FakeTimes = 100;
}
