namespace AdvisoryPipeline.Configuration;

/// <summary>
/// The <c>chat:</c> block of <c>database.yaml</c>: the channels <c>advisory announce --chat</c> posts to, by service and
/// by a name of the team's choosing (the announcement ledger records posts under <c>service/name</c>). Webhook URLs
/// and tokens are secrets: the configuration names the environment variables that hold them, never the values.
/// </summary>
public sealed record ChatConfig(
    IReadOnlyDictionary<string, SlackChannelConfig>? Slack = null,
    IReadOnlyDictionary<string, DiscordChannelConfig>? Discord = null,
    IReadOnlyDictionary<string, MatrixRoomConfig>? Matrix = null);

/// <param name="WebhookEnv">The environment variable holding the Slack incoming webhook URL.</param>
public sealed record SlackChannelConfig(string WebhookEnv);

/// <param name="WebhookEnv">The environment variable holding the Discord webhook URL.</param>
public sealed record DiscordChannelConfig(string WebhookEnv);

/// <param name="Homeserver">The homeserver's base URL, e.g. <c>https://matrix.example.org</c>.</param>
/// <param name="Room">The room ID, e.g. <c>!AbCdEf:example.org</c>.</param>
/// <param name="TokenEnv">The environment variable holding the access token of the account that posts.</param>
public sealed record MatrixRoomConfig(string Homeserver, string Room, string TokenEnv);
