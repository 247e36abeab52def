using System.Text.Json;
using AdvisoryPipeline.Announcing;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Announcing;

/// <summary>
/// Advisory text in a chat post can neither ping nor inject: what each service reads as a mention, a link with other
/// text, or markup is escaped, and the payloads carry the services' own switches against mentions.
/// </summary>
public sealed class ChatTextTests
{
    private const string Hostile = "<!channel> <!here|here> @everyone @here @room <@U0123ABCD> <#C0123> <@&42> [click](https://evil.example/x) <https://evil.example|safe link> *bold* `code` <b>html</b> & done";

    [Fact]
    public void Slack_text_has_no_control_sequence_left()
    {
        var text = ChatText.Slack(Hostile);

        Assert.DoesNotContain('<', text);
        Assert.DoesNotContain('>', text);
        Assert.Contains("&lt;!channel&gt;", text);
        Assert.Contains("&amp; done", text);
        Assert.DoesNotContain("@everyone", text);
        Assert.Contains("@\u2060everyone", text);
    }

    [Fact]
    public void Discord_text_escapes_markdown_and_mentions()
    {
        var text = ChatText.Discord(Hostile);

        Assert.Contains("\\<@\u2060U0123ABCD\\>", text);
        Assert.Contains("\\[click\\](https://evil.example/x)", text);
        Assert.StartsWith("\\<!channel\\>", text);
        Assert.Equal("\\# not a heading, - not a list", ChatText.Discord("# not a heading, - not a list"));
        Assert.Contains("\\*bold\\*", text);
        Assert.Contains("\\`code\\`", text);
        Assert.DoesNotContain("@everyone", text);
        Assert.DoesNotContain("@here", text);
    }

    [Fact]
    public void Matrix_text_is_html_encoded_and_mentions_no_one()
    {
        Assert.Equal("&lt;b&gt;html&lt;/b&gt; &amp; @\u2060room", ChatText.MatrixHtml("<b>html</b> & @room"));
        Assert.Equal("line one line two @\u2060room", ChatText.MatrixPlain("line one\nline two\r\n@room"));
    }

    [Fact]
    public void A_hostile_summary_stays_inert_in_every_payload()
    {
        var record = ExampleDatabase.Record("TSSA-2025-4") with { Summary = Hostile + "\n\nSecond line" };
        var announcement = ChatAnnouncement.From(record, ExampleDatabase.Settings, ChatNotice.Announced);

        var slack = JsonDocument.Parse(SlackMessage.Payload(announcement)).RootElement;
        var slackTexts = Strings(slack).ToList();
        Assert.All(slackTexts.Where(t => !t.StartsWith("<https://security.tessera-project.org/", StringComparison.Ordinal)), t => Assert.DoesNotContain("<!", t));
        Assert.DoesNotContain(slackTexts, t => t.Contains("<@U0123ABCD>", StringComparison.Ordinal) || t.Contains("@everyone", StringComparison.Ordinal));
        Assert.All(slack.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() is "header" or "section"),
            block => Assert.DoesNotContain("\"mrkdwn\"", block.GetRawText()));

        var discord = JsonDocument.Parse(DiscordMessage.Payload(announcement)).RootElement;
        Assert.Equal(JsonValueKind.Array, discord.GetProperty("allowed_mentions").GetProperty("parse").ValueKind);
        Assert.Equal(0, discord.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.DoesNotContain(Strings(discord), t => t.Contains("@everyone", StringComparison.Ordinal) || t.Contains("[click](", StringComparison.Ordinal));

        var matrix = JsonDocument.Parse(MatrixMessage.Payload(announcement)).RootElement;
        Assert.Empty(matrix.GetProperty("m.mentions").EnumerateObject());
        Assert.DoesNotContain("<b>html", matrix.GetProperty("formatted_body").GetString());
        Assert.DoesNotContain("@room", matrix.GetProperty("body").GetString());
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
