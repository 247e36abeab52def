using System.Text;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Mail;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Rendering.Mail;

public class AnnouncementTextRendererTests
{
    private static readonly RenderSettings Settings = ExampleDatabase.Settings;

    private static Announcement Announce(params string[] ids) =>
        AnnouncementTextRenderer.Render([.. ids.Select(ExampleDatabase.View)], Settings);

    [Theory]
    [MemberData(nameof(ExampleDatabase.Ids), MemberType = typeof(ExampleDatabase))]
    public void Lines_are_at_most_72_columns_unless_they_hold_one_unbreakable_token(string id)
    {
        var lines = Announce(id).Body.TrimEnd('\n').Split('\n');

        Assert.All(lines, line =>
        {
            if (PlainTextWrapper.Width(line) > 72) Assert.DoesNotContain(' ', line.Trim());
            Assert.Equal(line.TrimEnd(), line);
        });
    }

    [Theory]
    [MemberData(nameof(ExampleDatabase.Ids), MemberType = typeof(ExampleDatabase))]
    public void Same_input_gives_byte_identical_output(string id)
    {
        var first = Announce(id);
        var second = AnnouncementTextRenderer.Render([AdvisoryView.From(ExampleDatabase.Record(id) with { })], Settings);

        Assert.Equal(first, second);
        Assert.Equal(Encoding.UTF8.GetBytes(first.Body), Encoding.UTF8.GetBytes(second.Body));
        Assert.DoesNotContain('\r', first.Body);
    }

    [Fact]
    public void One_advisory_gets_the_templated_subject_title_facts_and_per_package_versions()
    {
        var announcement = Announce("TSSA-2025-1");

        Assert.Equal("[SECURITY] TSSA-2025-1: Stack exhaustion from deeply nested lists and maps in Tessera decoders", announcement.Subject);
        var body = announcement.Body;
        Assert.StartsWith(
            """
            Tessera Security Advisories

            TSSA-2025-1: Stack exhaustion from deeply nested lists and maps in
            Tessera decoders
            ==================================================================

            Advisory ID:  TSSA-2025-1
            Aliases:      CVE-2025-21364, GHSA-qqf9-v32w-cw7m
            Weaknesses:   CWE-674
            Severity:     High 8.7, CVSS v4.0:
                          CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N
            Published:    2025-01-28
            Updated:      2025-02-11

            Affected packages
            -----------------

            https://github.com/tessera-project/tessera (GIT)
              Affected:  since the first commit
              Fixed in:  a222bb21279c
                         <https://github.com/tessera-project/tessera/commit/a222bb21279c547e14db4bd67a3d1e9442ebe3d5>

            tessera-py (PyPI)
              Affected:  < 1.7.3
              Fixed in:  1.7.3

            github.com/tessera-project/tessera-go (Go)
              Affected:  <= 0.9.4
              Fixed in:  no fixed version
            """.ReplaceLineEndings("\n"),
            body);
    }

    [Fact]
    public void Workarounds_get_their_own_section_after_the_details()
    {
        var body = Announce("TSSA-2024-2").Body;

        var details = Section(body, "Details");
        var workarounds = Section(body, "Workarounds");
        Assert.DoesNotContain("Workarounds", details);
        Assert.DoesNotContain("Decode untrusted input", details);
        Assert.StartsWith("Decode untrusted input into `Map` instances, which are not affected:\n\n    const value = decode(buffer, { mapType: \"Map\" });", workarounds);
        Assert.True(body.IndexOf("\nDetails\n-------\n", StringComparison.Ordinal) < body.IndexOf("\nWorkarounds\n-----------\n", StringComparison.Ordinal));
        Assert.DoesNotContain("\nWorkarounds\n", Announce("TSSA-2026-3").Body);
    }

    [Fact]
    public void Credits_references_and_footer_give_names_roles_contacts_and_urls()
    {
        var body = Announce("TSSA-2025-1").Body;

        Assert.Equal(
            """
            - Kateryna Melnyk (finder) <https://kmelnyk.example.ua/>
              <kateryna@example.org>
            - Tomás Ferreira (remediation developer) <tferreira@tessera-project.org>
            - Northwind Data Foundation (sponsor) <https://northwind-data.example/>
            """.ReplaceLineEndings("\n"),
            Section(body, "Credits"));
        Assert.Contains("- Fix: https://github.com/tessera-project/tessera-go/pull/58\n", Section(body, "References") + "\n");
        Assert.EndsWith(
            """
            ========================================================================

            Tessera Security Advisories <https://tessera-project.org/>

            TSSA-2025-1
              Advisory:  https://security.tessera-project.org/TSSA-2025-1/
              OSV JSON:  https://security.tessera-project.org/osv/TSSA-2025-1.json

            """.ReplaceLineEndings("\n"),
            body);
    }

    [Fact]
    public void A_footer_url_too_long_for_its_column_goes_on_its_own_line_under_its_label()
    {
        var settings = Settings with { SiteUrl = new Uri("https://security.tessera-project.org/advisories/published/") };

        var body = AnnouncementTextRenderer.Render([ExampleDatabase.View("TSSA-2026-1")], settings).Body;

        Assert.EndsWith(
            """
            TSSA-2026-1
              Advisory:
                https://security.tessera-project.org/advisories/published/TSSA-2026-1/
              OSV JSON:
                https://security.tessera-project.org/advisories/published/osv/TSSA-2026-1.json

            """.ReplaceLineEndings("\n"),
            body);
    }

    [Fact]
    public void Several_advisories_share_one_mail_listing_them_first_and_linking_each_at_the_end()
    {
        var announcement = Announce("TSSA-2026-3", "TSSA-2025-2");

        Assert.Equal("[SECURITY] TSSA-2026-3, TSSA-2025-2: 2 vulnerabilities fixed in @tessera/client and tessera-cli", announcement.Subject);
        Assert.StartsWith(
            """
            Tessera Security Advisories

            This announcement covers 2 advisories:

            - TSSA-2026-3: Regular expression denial of service in schema path
              parsing of the JavaScript packages
            - TSSA-2025-2: Path traversal in tessera-cli unpack writes files outside
              the target directory

            TSSA-2026-3: Regular expression denial of service in schema path parsing
            of the JavaScript packages
            """.ReplaceLineEndings("\n"),
            announcement.Body);
        Assert.Contains("\nTSSA-2025-2: Path traversal in tessera-cli unpack writes files outside\nthe target directory\n====", announcement.Body);
        Assert.Contains("https://security.tessera-project.org/osv/TSSA-2026-3.json", announcement.Body);
        Assert.Contains("https://security.tessera-project.org/osv/TSSA-2025-2.json", announcement.Body);
        Assert.NotEqual(Announce("TSSA-2026-3").MessageId, announcement.MessageId);
    }

    [Fact]
    public void Combined_subject_says_advisories_when_one_is_withdrawn_and_names_at_most_three_packages()
    {
        Assert.Equal(
            "[SECURITY] TSSA-2025-3, TSSA-2025-1: 2 security advisories for tessera, tessera-py, github.com/tessera-project/tessera-go and 1 more",
            Announce("TSSA-2025-3", "TSSA-2025-1").Subject);
    }

    [Fact]
    public void Withdrawn_advisory_says_so_under_its_title()
    {
        Assert.Contains(
            "=\n\nWITHDRAWN: this advisory was withdrawn on 2025-05-09 and no longer\napplies.\n\nAdvisory ID:  TSSA-2025-3\n",
            Announce("TSSA-2025-3").Body);
    }

    [Fact]
    public void Per_package_severities_are_shown_with_each_package()
    {
        var body = Announce("TSSA-2026-3").Body;

        Assert.Contains("Severity:     per package, see below\n", body);
        Assert.Contains(
            "tessera-cli (npm)\n  Affected:  >= 1.4.0, < 1.9.2\n  Fixed in:  1.9.2\n  Severity:  Low 3.3, CVSS v3.1:\n             CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:L\n",
            body);
    }

    [Fact]
    public void Subject_template_expands_each_placeholder_once_and_stays_on_one_line()
    {
        var record = ExampleDatabase.Record("TSSA-2026-1") with { Summary = "Says {id} and {database}\r\nBcc: victim@example.com\u202E" };
        var settings = Settings with { Mail = Settings.Mail with { SubjectTemplate = "[{database}] {id} - {summary} {unknown}" } };

        var announcement = AnnouncementTextRenderer.Render([AdvisoryView.From(record)], settings);

        Assert.Equal("[Tessera Security Advisories] TSSA-2026-1 - Says {id} and {database} Bcc: victim@example.com {unknown}", announcement.Subject);
    }

    [Fact]
    public void Message_id_is_stable_and_changes_with_the_modified_timestamp()
    {
        var record = ExampleDatabase.Record("TSSA-2026-1");
        var updated = record with { Modified = "2026-02-01T00:00:00Z" };

        var id = Announce("TSSA-2026-1").MessageId;

        Assert.Equal(id, AnnouncementTextRenderer.Render([AdvisoryView.From(record)], Settings).MessageId);
        Assert.NotEqual(id, AnnouncementTextRenderer.Render([AdvisoryView.From(updated)], Settings).MessageId);
        Assert.Matches("^TSSA-2026-1\\.[0-9a-f]{24}@security\\.tessera-project\\.org$", id);
        var withoutSite = AnnouncementTextRenderer.Render([AdvisoryView.From(record)], Settings with { SiteUrl = null }).MessageId;
        Assert.EndsWith("@tessera-project.org", withoutSite);
    }

    [Fact]
    public void An_announcement_needs_an_advisory()
    {
        Assert.Throws<ArgumentException>(() => AnnouncementTextRenderer.Render([], Settings));
    }

    [Fact]
    public void A_minimal_record_still_gives_a_readable_mail()
    {
        var record = new OsvRecord { Id = "TSSA-2026-7", Modified = "2026-03-01T00:00:00Z" };

        var announcement = AnnouncementTextRenderer.Render([AdvisoryView.From(record)], Settings);

        Assert.Equal("[SECURITY] TSSA-2026-7: TSSA-2026-7", announcement.Subject);
        Assert.StartsWith("Tessera Security Advisories\n\nTSSA-2026-7\n===========\n\nAdvisory ID:  TSSA-2026-7\nUpdated:      2026-03-01\n\n====", announcement.Body);
    }

    /// <summary>The text under a "Title / -----" heading, up to the next underlined title or the footer rule.</summary>
    private static string Section(string body, string title)
    {
        var lines = body.Split('\n');
        var start = Enumerable.Range(0, lines.Length - 1).Single(i => lines[i] == title && lines[i + 1] == new string('-', title.Length)) + 2;
        var end = start;
        while (end < lines.Length - 1 && !IsTitle(lines[end], lines[end + 1]) && lines[end] != new string('=', 72)) end++;
        return string.Join('\n', lines[start..end]).Trim('\n');
    }

    private static bool IsTitle(string line, string next) =>
        line.Length > 0 && next.Length > 0 && (next.All(c => c == '-') || next.All(c => c == '='));
}
