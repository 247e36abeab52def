using System.Net.Http.Headers;

namespace AdvisoryPipeline.Announcing;

/// <summary>
/// One channel of <c>chat:</c> that announcements are posted to: its name in the ledger (<c>service/name</c>), the
/// payload it sends for an announcement, and the request that sends it.
/// </summary>
public abstract class ChatChannel(string service, string name)
{
    /// <summary>How the ledger and messages name the channel, e.g. <c>slack/security-announce</c>.</summary>
    public string Name { get; } = service + "/" + name;

    /// <summary>The service: slack, discord or matrix.</summary>
    public string Service { get; } = service;

    /// <summary>The bytes the service receives for <paramref name="announcement"/>.</summary>
    public abstract byte[] Payload(ChatAnnouncement announcement);

    /// <summary>The request that posts <paramref name="payload"/>; made anew for every try.</summary>
    public abstract HttpRequestMessage Request(ChatAnnouncement announcement, byte[] payload);

    public async Task PostAsync(ChatAnnouncement announcement, ChatPoster poster, CancellationToken cancellationToken)
    {
        var payload = Payload(announcement);
        await poster.SendAsync(Name, () => Request(announcement, payload), cancellationToken);
    }

    protected static ByteArrayContent Json(byte[] payload)
    {
        var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}

/// <summary>A Slack incoming webhook: POST of <see cref="SlackMessage"/> to the webhook URL.</summary>
public sealed class SlackWebhookChannel(string name, Uri webhook) : ChatChannel("slack", name)
{
    public override byte[] Payload(ChatAnnouncement announcement) => SlackMessage.Payload(announcement);

    public override HttpRequestMessage Request(ChatAnnouncement announcement, byte[] payload) =>
        new(HttpMethod.Post, webhook) { Content = Json(payload) };
}

/// <summary>
/// A Discord webhook: POST of <see cref="DiscordMessage"/> with <c>wait=true</c>, so that Discord answers only once the
/// message exists (and says why when it does not).
/// </summary>
public sealed class DiscordWebhookChannel(string name, Uri webhook) : ChatChannel("discord", name)
{
    private readonly Uri _url = new(webhook.AbsoluteUri + (string.IsNullOrEmpty(webhook.Query) ? "?" : "&") + "wait=true");

    public override byte[] Payload(ChatAnnouncement announcement) => DiscordMessage.Payload(announcement);

    public override HttpRequestMessage Request(ChatAnnouncement announcement, byte[] payload) =>
        new(HttpMethod.Post, _url) { Content = Json(payload) };
}

/// <summary>
/// A Matrix room: PUT of <see cref="MatrixMessage"/> to the client-server API's send endpoint, with the transaction ID
/// derived from the advisory (<see cref="MatrixMessage.TransactionId"/>), authorised by the account's access token.
/// </summary>
public sealed class MatrixRoomChannel(string name, Uri homeserver, string room, string accessToken) : ChatChannel("matrix", name)
{
    public override byte[] Payload(ChatAnnouncement announcement) => MatrixMessage.Payload(announcement);

    public override HttpRequestMessage Request(ChatAnnouncement announcement, byte[] payload)
    {
        var path = $"_matrix/client/v3/rooms/{Uri.EscapeDataString(room)}/send/m.room.message/{Uri.EscapeDataString(MatrixMessage.TransactionId(announcement))}";
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(new Uri(homeserver.AbsoluteUri.TrimEnd('/') + "/"), path)) { Content = Json(payload) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }
}
