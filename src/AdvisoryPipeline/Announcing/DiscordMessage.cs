using System.Text.Json;

namespace AdvisoryPipeline.Announcing;

/// <summary>
/// The body of a Discord webhook execution: a one-line <c>content</c>, one embed (title linked to the advisory's page,
/// colour by severity, fields for severity, aliases, packages and the OSV record) and <c>allowed_mentions</c> with an
/// empty <c>parse</c> list, so that nothing in it can ping anyone whatever the text says. Advisory text is escaped as
/// <see cref="ChatText.Discord"/>.
/// </summary>
public static class DiscordMessage
{
    // Discord's limits: message content, embed title, embed description, field name and value.
    private const int ContentLimit = 2000;
    private const int TitleLimit = 256;
    private const int DescriptionLimit = 4096;
    private const int FieldLimit = 1024;

    public static byte[] Payload(ChatAnnouncement announcement) => ChatJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("content", ChatJson.Limit(
            (announcement.Notice == ChatNotice.Withdrawn ? "Security advisory withdrawn: " : "New security advisory: ")
            + "**" + ChatText.Discord(announcement.Id) + "**", ContentLimit));
        json.WriteStartArray("embeds");
        json.WriteStartObject();
        json.WriteString("title", ChatJson.Limit(ChatText.Discord(announcement.Headline), TitleLimit));
        if (announcement.PageUrl is { } page) json.WriteString("url", page);
        json.WriteString("description", ChatJson.Limit(ChatText.Discord(announcement.WithdrawnText ?? announcement.Summary), DescriptionLimit));
        json.WriteNumber("color", Colour(announcement));
        json.WriteStartArray("fields");
        Field(json, "Severity", ChatText.Discord(announcement.Severity ?? "not scored"), inline: true);
        if (announcement.Aliases.Count > 0) Field(json, "Aliases", ChatText.Discord(string.Join(", ", announcement.Aliases)), inline: true);
        foreach (var package in announcement.Packages.Take(10))
            Field(json, ChatText.Discord($"{package.Ecosystem} {package.Name}"),
                ChatText.Discord("Affected: " + package.Affected) + (package.Fixed.Count > 0 ? "\nFixed: " + ChatText.Discord(string.Join(", ", package.Fixed)) : ""),
                inline: false);
        if (announcement.OsvUrl is { } osv) Field(json, "OSV record", $"[{ChatText.Discord(announcement.Id)}.json]({osv})", inline: false);
        json.WriteEndArray();
        json.WriteStartObject("footer");
        json.WriteString("text", ChatJson.Limit(announcement.DatabaseName, 2048));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("allowed_mentions");
        json.WriteStartArray("parse");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void Field(Utf8JsonWriter json, string name, string value, bool inline)
    {
        json.WriteStartObject();
        json.WriteString("name", ChatJson.Limit(name, TitleLimit));
        json.WriteString("value", ChatJson.Limit(value, FieldLimit));
        json.WriteBoolean("inline", inline);
        json.WriteEndObject();
    }

    /// <summary>The site's badge colours by the severity's first word; grey when unscored or withdrawn.</summary>
    private static int Colour(ChatAnnouncement announcement) =>
        announcement.Notice == ChatNotice.Withdrawn ? 0x6B7280
            : announcement.Severity?.Split(' ')[0] switch
            {
                "Critical" => 0x7F1D1D,
                "High" => 0xB91C1C,
                "Medium" => 0xB45309,
                "Low" => 0x1D4ED8,
                _ => 0x6B7280,
            };
}
