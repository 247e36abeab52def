using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Announcing;

/// <summary>
/// The channels of <c>chat:</c>, with their secrets read from the environment variables the configuration names. A
/// variable that is unset, empty, or not an https URL (http only to this machine, for tests) stops the command before
/// anything is posted; the message names the variable, never its value. Every secret read is added to
/// <see cref="ChatSecrets"/>.
/// </summary>
public static class ChatChannels
{
    /// <param name="only">Channel names (<c>slack/security-announce</c>) to keep; null keeps all.</param>
    /// <param name="withSecrets">False for a dry run, which shows payloads and sends nothing: no secret is read then.</param>
    /// <exception cref="UsageException">No channel, an unknown name in <paramref name="only"/>, or a missing or bad secret.</exception>
    public static IReadOnlyList<ChatChannel> From(ChatConfig? config, Func<string, string?> getVariable, IReadOnlyList<string>? only = null,
        bool withSecrets = true)
    {
        Func<string, string> secret = withSecrets ? variable => Secret(getVariable, variable) : _ => NotRead;
        var all = new List<(string Name, Func<ChatChannel> Create)>();
        foreach (var (name, slack) in Sorted(config?.Slack))
            all.Add(("slack/" + name, () => new SlackWebhookChannel(name, ServiceUrl(secret(slack.WebhookEnv), slack.WebhookEnv, "slack/" + name))));
        foreach (var (name, discord) in Sorted(config?.Discord))
            all.Add(("discord/" + name, () => new DiscordWebhookChannel(name, ServiceUrl(secret(discord.WebhookEnv), discord.WebhookEnv, "discord/" + name))));
        foreach (var (name, matrix) in Sorted(config?.Matrix))
            all.Add(("matrix/" + name, () => new MatrixRoomChannel(name, new Uri(matrix.Homeserver), matrix.Room, secret(matrix.TokenEnv))));

        if (all.Count == 0)
            throw new UsageException($"{Loading.DatabaseFiles.ConfigFile} has no chat: channels; add one (advisory init --print shows an example)");
        if (only is { Count: > 0 })
        {
            var unknown = only.Where(n => all.All(c => c.Name != n)).ToList();
            if (unknown.Count > 0)
                throw new UsageException($"--channel {string.Join(", ", unknown)}: no such channel; the channels are: {string.Join(", ", all.Select(c => c.Name))}");
            all = [.. all.Where(c => only.Contains(c.Name))];
        }
        return [.. all.Select(c => c.Create())];
    }

    /// <summary>What stands for a secret in a dry run: a URL that names no host anyone can reach (RFC 2606).</summary>
    private const string NotRead = "https://secret-not-read.invalid/";

    private static IEnumerable<KeyValuePair<string, T>> Sorted<T>(IReadOnlyDictionary<string, T>? channels) =>
        channels?.OrderBy(c => c.Key, StringComparer.Ordinal) ?? Enumerable.Empty<KeyValuePair<string, T>>();

    private static string Secret(Func<string, string?> getVariable, string variable) =>
        Secrets.Read(getVariable, variable)
        ?? throw new UsageException($"the environment variable {variable} is not set: it must hold the secret that database.yaml's chat: block names it for");

    private static Uri ServiceUrl(string value, string variable, string channel)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            throw new UsageException($"{channel}: the environment variable {variable} does not hold an https webhook URL (its value is not shown: it is a secret)");
        return uri;
    }
}
