using System.Text.Json;

namespace AdvisoryPipeline.Announcing;

/// <summary>
/// The body of a Slack incoming webhook post: Block Kit blocks (a header, the facts, the packages, the links) and the
/// plain <c>text</c> that notifications and clients without blocks show. Advisory text goes into <c>plain_text</c>
/// objects (no mrkdwn, no emoji codes) escaped as <see cref="ChatText.Slack"/>; the only mrkdwn is the links line,
/// made of the tool's own URLs.
/// </summary>
public static class SlackMessage
{
    // Block Kit's limits: a header's text, a section's text, a field's text.
    private const int HeaderLimit = 150;
    private const int TextLimit = 3000;
    private const int FieldLimit = 2000;

    public static byte[] Payload(ChatAnnouncement announcement) => ChatJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("text", ChatJson.Limit(Fallback(announcement), TextLimit));
        json.WriteStartArray("blocks");

        json.WriteStartObject();
        json.WriteString("type", "header");
        PlainText(json, "text", ChatJson.Limit(ChatText.Slack(announcement.Headline), HeaderLimit));
        json.WriteEndObject();

        json.WriteStartObject();
        json.WriteString("type", "section");
        if (announcement.WithdrawnText is { } withdrawn) PlainText(json, "text", ChatText.Slack(withdrawn));
        json.WriteStartArray("fields");
        PlainText(json, null, ChatJson.Limit("Advisory: " + ChatText.Slack(announcement.Id), FieldLimit));
        PlainText(json, null, ChatJson.Limit("Severity: " + ChatText.Slack(announcement.Severity ?? "not scored"), FieldLimit));
        if (announcement.Aliases.Count > 0)
            PlainText(json, null, ChatJson.Limit("Aliases: " + ChatText.Slack(string.Join(", ", announcement.Aliases)), FieldLimit));
        json.WriteEndArray();
        json.WriteEndObject();

        if (announcement.Packages.Count > 0)
        {
            json.WriteStartObject();
            json.WriteString("type", "section");
            PlainText(json, "text", ChatJson.Limit(string.Join("\n", announcement.Packages.Select(PackageLine)), TextLimit));
            json.WriteEndObject();
        }

        if (Links(announcement) is { Length: > 0 } links)
        {
            json.WriteStartObject();
            json.WriteString("type", "context");
            json.WriteStartArray("elements");
            json.WriteStartObject();
            json.WriteString("type", "mrkdwn");
            json.WriteString("text", links);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        // Slack's own switches for the fallback text: no link previews, no names turned into mentions.
        json.WriteBoolean("unfurl_links", false);
        json.WriteBoolean("unfurl_media", false);
        json.WriteEndObject();
    });

    /// <summary>"[Tessera Security Advisories] TSSA-2025-4 (High 7.5): summary https://…/TSSA-2025-4/"</summary>
    private static string Fallback(ChatAnnouncement announcement)
    {
        var severity = announcement.Severity is { } s ? $" ({s})" : "";
        var text = ChatText.Slack($"[{announcement.DatabaseName}] {announcement.Headline}{severity}");
        return announcement.PageUrl is { } page ? text + " " + Url(page) : text;
    }

    private static string PackageLine(ChatPackage package)
    {
        var line = $"• {package.Ecosystem} {package.Name}: {package.Affected}";
        if (package.Fixed.Count > 0) line += "; fixed in " + string.Join(", ", package.Fixed);
        return ChatText.Slack(line);
    }

    /// <summary>"&lt;url|Advisory page&gt; · &lt;url|OSV record&gt;": mrkdwn links of the tool's own URLs.</summary>
    private static string Links(ChatAnnouncement announcement)
    {
        var links = new List<string>();
        if (announcement.PageUrl is { } page) links.Add($"<{Url(page)}|Advisory page>");
        if (announcement.OsvUrl is { } osv) links.Add($"<{Url(osv)}|OSV record>");
        return string.Join(" · ", links);
    }

    /// <summary>A URL inside Slack's link syntax: the characters that would end it percent-encoded.</summary>
    private static string Url(string url) =>
        url.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal)
            .Replace(">", "%3E", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);

    private static void PlainText(Utf8JsonWriter json, string? property, string text)
    {
        if (property is null) json.WriteStartObject();
        else json.WriteStartObject(property);
        json.WriteString("type", "plain_text");
        json.WriteString("text", text);
        json.WriteBoolean("emoji", false);
        json.WriteEndObject();
    }
}
