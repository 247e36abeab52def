using System.Text;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Mail;
using AdvisoryPipeline.Tests.TestSupport;
using MimeKit;

namespace AdvisoryPipeline.Tests.Rendering.Mail;

public class AnnouncementMessageBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 15, 9, 30, 0, TimeSpan.FromHours(2));
    private static readonly MailSettings Mail = ExampleDatabase.Settings.Mail;

    private static Announcement Announcement(string id) =>
        AnnouncementTextRenderer.Render([ExampleDatabase.View(id)], ExampleDatabase.Settings);

    private static MimeMessage RoundTrip(MimeMessage message) =>
        MimeMessage.Load(new MemoryStream(AnnouncementMessageBuilder.ToBytes(message)));

    [Fact]
    public void Message_has_the_envelope_headers_date_message_id_and_text_body()
    {
        var announcement = Announcement("TSSA-2026-3");

        var parsed = RoundTrip(AnnouncementMessageBuilder.Build(announcement, Mail, Now));

        Assert.Equal("\"Tessera Security Team\" <security@tessera-project.org>", parsed.From.ToString());
        Assert.Equal("tessera-security-announce@lists.tessera-project.org", parsed.To.ToString());
        Assert.Equal("security@tessera-project.org", parsed.ReplyTo.ToString());
        Assert.Equal(Now, parsed.Date);
        Assert.Equal(announcement.MessageId, parsed.MessageId);
        Assert.Equal(announcement.Subject, parsed.Subject);
        var body = Assert.IsType<TextPart>(parsed.Body);
        Assert.Equal("text/plain", body.ContentType.MimeType);
        Assert.Equal("utf-8", body.ContentType.Charset);
        Assert.Equal(announcement.Body, body.Text.ReplaceLineEndings("\n"));
        Assert.Equal(ContentEncoding.SevenBit, body.ContentTransferEncoding);
    }

    [Fact]
    public void Non_ascii_text_goes_8bit_so_the_raw_message_stays_readable()
    {
        var announcement = Announcement("TSSA-2025-1");
        Assert.Contains("Tomás", announcement.Body);

        var bytes = AnnouncementMessageBuilder.ToBytes(AnnouncementMessageBuilder.Build(announcement, Mail, Now));
        var parsed = MimeMessage.Load(new MemoryStream(bytes));

        var body = Assert.IsType<TextPart>(parsed.Body);
        Assert.Equal(ContentEncoding.EightBit, body.ContentTransferEncoding);
        Assert.Equal(announcement.Body, body.Text.ReplaceLineEndings("\n"));
        Assert.Contains("- Tomás Ferreira (remediation developer)", Encoding.UTF8.GetString(bytes));
    }

    [Theory]
    [InlineData("Hello\nFrom version 2.8 on, this is fixed.\n")]
    [InlineData("A line with a trailing space \nand one with a tab\t\n")]
    public void Lines_that_relays_or_mbox_storage_would_change_are_quoted_printable(string text)
    {
        var announcement = Announcement("TSSA-2026-1") with { Body = text };

        var parsed = RoundTrip(AnnouncementMessageBuilder.Build(announcement, Mail, Now));

        var body = Assert.IsType<TextPart>(parsed.Body);
        Assert.Equal(ContentEncoding.QuotedPrintable, body.ContentTransferEncoding);
        Assert.Equal(text, body.Text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void File_uses_crlf_line_ends_and_is_byte_identical_for_the_same_input()
    {
        var first = AnnouncementMessageBuilder.ToBytes(AnnouncementMessageBuilder.Build(Announcement("TSSA-2024-4"), Mail, Now));
        var second = AnnouncementMessageBuilder.ToBytes(AnnouncementMessageBuilder.Build(Announcement("TSSA-2024-4"), Mail, Now));

        Assert.Equal(first, second);
        var text = Encoding.ASCII.GetString(first);
        Assert.Equal(text.Split('\n').Length - 1, text.Split("\r\n").Length - 1);
    }

    [Theory]
    [InlineData("Overflow\r\nBcc: victim@example.com")]
    [InlineData("Overflow\nBcc: victim@example.com\n\nInjected body")]
    [InlineData("Overflow\rBcc: victim@example.com")]
    [InlineData("Overflow\u2028Bcc: victim@example.com\u0085")]
    [InlineData("Overflow\u202E\u2066\u200F\u061C\0\u0007 Bcc: victim@example.com")]
    public void A_summary_cannot_inject_headers_or_hidden_characters(string summary)
    {
        var record = ExampleDatabase.Record("TSSA-2026-1") with { Summary = summary };
        var announcement = AnnouncementTextRenderer.Render([AdvisoryView.From(record)], ExampleDatabase.Settings);
        // Also when a caller builds the announcement itself, bypassing the subject template.
        var raw = announcement with { Subject = "[SECURITY] " + summary };

        foreach (var candidate in new[] { announcement, raw })
        {
            var bytes = AnnouncementMessageBuilder.ToBytes(AnnouncementMessageBuilder.Build(candidate, Mail, Now));
            var parsed = MimeMessage.Load(new MemoryStream(bytes));

            Assert.Empty(parsed.Bcc);
            Assert.DoesNotContain(parsed.Headers, h => h.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
            Assert.StartsWith(candidate == raw ? "[SECURITY] Overflow Bcc: victim@example.com" : "[SECURITY] TSSA-2026-1: Overflow Bcc: victim@example.com", parsed.Subject);
            var headerSection = Encoding.UTF8.GetString(bytes[..IndexOf(bytes, "\r\n\r\n"u8)]);
            Assert.DoesNotContain("\nBcc:", headerSection, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("\rBcc:", headerSection, StringComparison.OrdinalIgnoreCase);
            Assert.All(bytes, b => Assert.True(b is >= 0x20 and < 0x7F or (byte)'\r' or (byte)'\n' or (byte)'\t', $"byte 0x{b:X2}"));
            Assert.Equal(parsed.Headers.Count + parsed.Body!.Headers.Count, headerSection.Split("\r\n").Count(l => l.Length > 0 && l[0] is not (' ' or '\t')));
        }
    }

    [Fact]
    public void A_line_break_in_an_address_setting_cannot_add_a_header_or_recipient()
    {
        var mail = Mail with { From = "Tessera\r\nBcc: victim@example.com <security@tessera-project.org>" };

        var exception = Assert.Throws<MailSettingsException>(() => AnnouncementMessageBuilder.Build(Announcement("TSSA-2026-1"), mail, Now));

        Assert.Equal("database.yaml mailing_list.from: 'Tessera Bcc: victim@example.com <security@tessera-project.org>' is a group; give addresses as 'Name <name@domain>', separated by commas.", exception.Message);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("")]
    [InlineData("Team <security@>")]
    [InlineData("Undisclosed recipients: ;")]
    public void An_unusable_address_is_a_clear_error_naming_the_setting(string from)
    {
        var exception = Assert.Throws<MailSettingsException>(() => AnnouncementMessageBuilder.Build(Announcement("TSSA-2026-1"), Mail with { From = from }, Now));

        Assert.Equal("mailing_list.from", exception.Setting);
        Assert.StartsWith("database.yaml mailing_list.from: ", exception.Message);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public void A_missing_address_setting_says_that_it_is_not_set()
    {
        var mail = RenderSettings.From(new DatabaseConfig("Tessera", "TSSA")).Mail;

        var exception = Assert.Throws<MailSettingsException>(() => AnnouncementMessageBuilder.Build(Announcement("TSSA-2026-1"), mail, Now));

        Assert.Equal("database.yaml mailing_list.from: is not set; the announcement mail needs it.", exception.Message);
        Assert.Equal(MailingListConfig.DefaultSubject, mail.SubjectTemplate);
    }

    [Fact]
    public void Without_reply_to_the_header_is_left_out()
    {
        var parsed = RoundTrip(AnnouncementMessageBuilder.Build(Announcement("TSSA-2026-1"), Mail with { ReplyTo = null }, Now));

        Assert.Empty(parsed.ReplyTo);
        Assert.DoesNotContain(parsed.Headers, h => h.Id == HeaderId.ReplyTo);
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
