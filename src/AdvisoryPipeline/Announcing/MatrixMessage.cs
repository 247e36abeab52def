using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AdvisoryPipeline.Announcing;

/// <summary>
/// The content of an <c>m.room.message</c> event for a Matrix room: an <c>m.notice</c> (bots' messages, which clients
/// do not notify loudly and bots do not answer), a plain <c>body</c> and an HTML <c>formatted_body</c>, and an empty
/// <c>m.mentions</c>, which tells servers and clients that the message mentions no one (so "@room" in a text cannot
/// notify the room). Advisory text is escaped as <see cref="ChatText.MatrixPlain"/> and <see cref="ChatText.MatrixHtml"/>.
/// </summary>
public static class MatrixMessage
{
    public static byte[] Payload(ChatAnnouncement announcement) => ChatJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("msgtype", "m.notice");
        json.WriteString("body", Plain(announcement));
        json.WriteString("format", "org.matrix.custom.html");
        json.WriteString("formatted_body", Html(announcement));
        json.WriteStartObject("m.mentions");
        json.WriteEndObject();
        json.WriteEndObject();
    });

    /// <summary>
    /// The transaction ID of the PUT: derived from the advisory, its published <c>modified</c> and the notice, so that
    /// a retried request, or a run that lost its ledger, is recognised by the homeserver and posts nothing twice.
    /// </summary>
    public static string TransactionId(ChatAnnouncement announcement) =>
        "advisory-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{announcement.Id}\n{announcement.Modified}\n{announcement.Notice}")))[..32];

    private static string Plain(ChatAnnouncement announcement)
    {
        var lines = new List<string> { ChatText.MatrixPlain($"[{announcement.DatabaseName}] {announcement.Headline}") };
        if (announcement.WithdrawnText is { } withdrawn) lines.Add(ChatText.MatrixPlain(withdrawn));
        lines.Add("Severity: " + ChatText.MatrixPlain(announcement.Severity ?? "not scored"));
        if (announcement.Aliases.Count > 0) lines.Add("Aliases: " + ChatText.MatrixPlain(string.Join(", ", announcement.Aliases)));
        foreach (var package in announcement.Packages)
            lines.Add(ChatText.MatrixPlain($"- {package.Ecosystem} {package.Name}: {package.Affected}"
                + (package.Fixed.Count > 0 ? "; fixed in " + string.Join(", ", package.Fixed) : "")));
        if (announcement.PageUrl is { } page) lines.Add("Advisory: " + page);
        if (announcement.OsvUrl is { } osv) lines.Add("OSV record: " + osv);
        return string.Join("\n", lines);
    }

    private static string Html(ChatAnnouncement announcement)
    {
        var html = new StringBuilder();
        html.Append("<p><strong>").Append(ChatText.MatrixHtml(announcement.Headline)).Append("</strong></p>");
        if (announcement.WithdrawnText is { } withdrawn) html.Append("<p>").Append(ChatText.MatrixHtml(withdrawn)).Append("</p>");
        html.Append("<p>Severity: ").Append(ChatText.MatrixHtml(announcement.Severity ?? "not scored"));
        if (announcement.Aliases.Count > 0) html.Append("<br>Aliases: ").Append(ChatText.MatrixHtml(string.Join(", ", announcement.Aliases)));
        html.Append("</p>");
        if (announcement.Packages.Count > 0)
        {
            html.Append("<ul>");
            foreach (var package in announcement.Packages)
            {
                html.Append("<li>").Append(ChatText.MatrixHtml($"{package.Ecosystem} {package.Name}: {package.Affected}"));
                if (package.Fixed.Count > 0) html.Append("; fixed in ").Append(ChatText.MatrixHtml(string.Join(", ", package.Fixed)));
                html.Append("</li>");
            }
            html.Append("</ul>");
        }
        var links = new List<string>();
        if (announcement.PageUrl is { } page) links.Add($"<a href=\"{WebUtility.HtmlEncode(page)}\">Advisory page</a>");
        if (announcement.OsvUrl is { } osv) links.Add($"<a href=\"{WebUtility.HtmlEncode(osv)}\">OSV record</a>");
        if (links.Count > 0) html.Append("<p>").Append(string.Join(" · ", links)).Append("</p>");
        return html.ToString();
    }
}
