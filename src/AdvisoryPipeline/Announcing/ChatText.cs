using System.Net;
using System.Text;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Announcing;

/// <summary>
/// Advisory text made inert for each chat service: whatever the service reads as a mention (a ping to the whole
/// channel), a link with other text, or markup is escaped, so that a summary cannot ping or inject. Every value is
/// first put on one line (<see cref="SingleLineText"/>). A word joiner (U+2060, invisible) after every "@" keeps
/// <c>@channel</c>, <c>@here</c>, <c>@everyone</c> and <c>@room</c> from being read as mentions by any client.
/// </summary>
public static class ChatText
{
    private const string WordJoiner = "\u2060";

    /// <summary>
    /// Slack: the three control characters as entities (Slack's escaping rule), which disables <c>&lt;!channel&gt;</c>,
    /// <c>&lt;@U123&gt;</c> and <c>&lt;url|text&gt;</c> links.
    /// </summary>
    public static string Slack(string? text) => NoMentions(SingleLineText.Of(text))
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// Discord: a backslash before every character that starts or ends inline Markdown (emphasis, code, spoilers, masked
    /// links <c>[text](url)</c>) and before <c>&lt;</c>, which starts user, role and channel mentions; at the start of the
    /// value also before what makes a heading, a list or a quote. The rest stays readable where Markdown is not rendered.
    /// </summary>
    public static string Discord(string? text)
    {
        var line = NoMentions(SingleLineText.Of(text));
        var result = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '<' or '>' or '[' or ']' || (i == 0 && c is '#' or '-' or '+' or '>'))
                result.Append('\\');
            result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>Matrix's plain-text body: no markup to escape, only mentions.</summary>
    public static string MatrixPlain(string? text) => NoMentions(SingleLineText.Of(text));

    /// <summary>Matrix's HTML body: HTML-encoded, and no mentions.</summary>
    public static string MatrixHtml(string? text) => WebUtility.HtmlEncode(MatrixPlain(text));

    private static string NoMentions(string text) => text.Replace("@", "@" + WordJoiner, StringComparison.Ordinal);
}
