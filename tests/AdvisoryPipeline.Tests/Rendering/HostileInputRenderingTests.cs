using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering;
using AdvisoryPipeline.Rendering.Html;
using AdvisoryPipeline.Rendering.Mail;
using AdvisoryPipeline.Rendering.Markdown;
using AdvisoryPipeline.Tests.TestSupport;
using Markdig;
using MimeKit;

namespace AdvisoryPipeline.Tests.Rendering;

/// <summary>
/// Inputs written to break the renderers (issue 14): Markdown nested hundreds of levels deep, advisories of a
/// megabyte whose cost grew with the square of their size, raw HTML and <c>javascript:</c> reference definitions in
/// the Markdown pages, control characters and NUL in every text field. Each is either refused by validation with a
/// located finding and exit 1, or rendered: never an internal error, in time linear in its size.
/// </summary>
public sealed partial class HostileInputRenderingTests : IDisposable
{
    private const string Id = "TSSA-2026-1";
    private static readonly DateTimeOffset Now = new(2026, 9, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> DeepNestings => ["brackets", "quotes", "emphasis", "links", "lists"];

    /// <summary>200 "[", 130 nested "&gt; ", emphasis, images in links and lists nested far beyond any real text.</summary>
    private static string DeeplyNested(string kind) => kind switch
    {
        "brackets" => new string('[', 200) + " crash",
        "quotes" => string.Concat(Enumerable.Repeat("> ", 130)) + "crash",
        "emphasis" => string.Concat(Enumerable.Repeat("*a ", 200)) + "crash" + string.Concat(Enumerable.Repeat(" b*", 200)),
        "links" => string.Concat(Enumerable.Repeat("[![a", 100)) + string.Concat(Enumerable.Repeat("](https://example.org/i.png)](https://example.org/)", 100)),
        _ => string.Concat(Enumerable.Repeat("- ", 70)) + "crash",
    };

    [Theory]
    [MemberData(nameof(DeepNestings))]
    public void Deeply_nested_details_are_refused_by_validate_at_their_line_and_render_refuses_them_too(string kind)
    {
        WriteAdvisory("The decoder crashes on deep documents.\n\n" + DeeplyNested(kind));
        var runner = new CliRunner(_temp.Path);

        var validate = runner.Run("validate", "advisories");
        var render = runner.Run("render", "advisories", "--out", "out");

        Assert.Equal(1, validate.ExitCode);
        // The deep line is line 8 of the file: the third line of the details block.
        Assert.Matches($@"advisories/{Id}\.yaml:8:\d+: error\[OSV809\]", validate.Out);
        Assert.Equal(1, render.ExitCode);
        Assert.Contains("error[OSV809]", render.Out + render.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", render.Out + render.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(DeepNestings))]
    public void Deeply_nested_details_that_reach_the_renderers_are_shown_as_text(string kind)
    {
        var details = "The decoder crashes on deep documents.\n\n" + DeeplyNested(kind);
        var record = SampleAdvisories.Record(Id, published: "2026-03-01T00:00:00Z", modified: "2026-03-02T00:00:00Z") with { Details = details };

        var rendered = DatabaseRenderer.Render([record], ExampleDatabase.Settings, Now);

        Assert.True(rendered.Succeeded);
        var tail = DeeplyNested(kind)[^20..];
        Assert.Contains(System.Net.WebUtility.HtmlEncode(tail).Replace("&#39;", "'", StringComparison.Ordinal), Encoding.UTF8.GetString(rendered.Site[$"{Id}/index.html"]), StringComparison.Ordinal);
        Assert.Contains(tail, Encoding.UTF8.GetString(rendered.Markdown[$"{Id}.md"]), StringComparison.Ordinal);
        Assert.Contains(tail, Encoding.UTF8.GetString(rendered.Mail[$"{Id}.txt"]), StringComparison.Ordinal);
    }

    public static TheoryData<string> LargeDetails => ["urls", "table"];

    /// <summary>50,000 bare URLs in one paragraph, or a table of 100,000 rows: each under a megabyte.</summary>
    private static string Large(string kind) => kind == "urls"
        ? string.Join(' ', Enumerable.Range(0, 50_000).Select(i => $"https://e.co/{i}"))
        : "a|b\n-|-\n" + string.Join('\n', Enumerable.Range(0, 100_000).Select(i => $"{i}|x"));

    [Theory]
    [MemberData(nameof(LargeDetails))]
    public void Large_details_render_every_output_in_seconds_and_the_site_costs_about_what_the_markdown_page_does(string kind)
    {
        var record = SampleAdvisories.Record(Id, published: "2026-03-01T00:00:00Z", modified: "2026-03-02T00:00:00Z") with { Details = Large(kind) };
        var settings = ExampleDatabase.Settings;

        var clock = Stopwatch.StartNew();
        var view = AdvisoryView.From(record);
        var parsed = clock.Elapsed;
        var site = HtmlSiteRenderer.Build([view], settings, Now, CanonicalOsvWriter.Write).Content!;
        var siteTime = clock.Elapsed - parsed;
        var markdown = MarkdownPageRenderer.Render(view, settings);
        var markdownTime = clock.Elapsed - parsed - siteTime;
        var mail = AnnouncementTextRenderer.Render([view], settings);
        var total = clock.Elapsed;

        // Markdig's bare URLs (each walked back over every earlier inline) and the HTML sanitizer's DOM (over a minute
        // for the table, where the Markdown page took a second) made these take 153 s and 67 s.
        var times = $"view {parsed.TotalSeconds:F2} s, site {siteTime.TotalSeconds:F2} s, Markdown {markdownTime.TotalSeconds:F2} s, total {total.TotalSeconds:F2} s";
        Assert.True(total < TimeSpan.FromSeconds(20), times);
        Assert.True(siteTime < markdownTime * 8 + TimeSpan.FromSeconds(1), times);
        Assert.Contains(kind == "urls" ? "<a href=\"https://e.co/49999\"" : "<td>99999</td>", site.TextOf($"{Id}/index.html"), StringComparison.Ordinal);
        Assert.Contains(kind == "urls" ? "https://e.co/49999" : "99999", markdown, StringComparison.Ordinal);
        Assert.Contains(kind == "urls" ? "https://e.co/49999" : "99999", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Listed_versions_outside_every_range_are_checked_and_announced_at_the_cost_of_versions_inside_it()
    {
        AnnounceTime(1_000, inside: false, out _);
        var inside = AnnounceTime(100_000, inside: true, out var plain);
        var outside = AnnounceTime(100_000, inside: false, out var result);

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"Subject: [SECURITY] {Id}: ", result.Out, StringComparison.Ordinal);
        // A warning each (OSV511) costs little more than no warning: locating one item of a long list was a scan of the list.
        Assert.True(outside < inside * 2.5 + TimeSpan.FromSeconds(1), $"100,000 inside: {inside.TotalSeconds:F2} s, outside: {outside.TotalSeconds:F2} s");
    }

    private TimeSpan AnnounceTime(int versions, bool inside, out CliResult result)
    {
        // All on one line, under a megabyte either way: inside the range 1000000 to 2000000, or outside it, one OSV511
        // warning each.
        var listed = Enumerable.Range(0, versions).Select(i => $"\"{(inside ? 1_000_000 : 2_000_000) + i}\"");
        WriteAdvisory("Many versions.", "    versions: [" + string.Join(",", listed) + "]\n", introduced: "1000000", fixedVersion: "2000000");
        var clock = Stopwatch.StartNew();
        result = new CliRunner(_temp.Path).Run("announce", Id, "--dir", "advisories", "--no-cache");
        return clock.Elapsed;
    }

    [Fact]
    public void Markdown_pages_show_raw_html_and_unsafe_link_targets_as_text_as_the_site_does()
    {
        const string Details = """
            Intro <script>alert(1)</script> and <img src=x onerror=alert(1)>.

            <iframe src="javascript:alert(1)"></iframe>

            See [the patch][p], [the docs][d], [inline](javascript:alert(2)), ![pic](data:image/png;base64,AA) and <javascript:alert(3)>.

            | a | b |
            |---|---|
            | <b onmouseover=alert(4)>x</b> | [c](vbscript:alert(5)) |

            [p]: javascript:alert(6)
            [d]: <data:text/html;base64,PHNjcmlwdD4=> "title"
            [unused]: javascript:alert(7)
            """;
        var view = AdvisoryView.From(SampleAdvisories.Record(Id) with { Details = Details });

        var markdown = MarkdownPageRenderer.Render(view, ExampleDatabase.Settings);

        Assert.DoesNotMatch(UnsafeDefinition(), markdown);
        // What any CommonMark renderer that lets HTML through would make of the page: nothing runs, nothing links out unsafely.
        var html = Markdig.Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        foreach (var tag in new[] { "<script", "<img", "<iframe", "<b ", "<b>" })
            Assert.DoesNotContain(tag, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(UnsafeHref(), html);
        foreach (var text in new[] { "the patch", "the docs", "inline", "pic", "alert(3)" })
            Assert.Contains(text, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_and_nul_in_every_text_field_never_break_any_output()
    {
        const string Controls = "\0\u0001\u0007\u000B\u001B\u007F\u0085\u009B";
        var record = SampleAdvisories.Record(Id, published: "2026-03-01T00:00:00Z", modified: "2026-03-02T00:00:00Z") with
        {
            Summary = $"Overflow{Controls} in the decoder",
            Details = $"A crafted{Controls} frame.\n\n- item{Controls}\n\n`code{Controls}`",
            Aliases = ["CVE-2026-12345"],
            Credits = [new OsvCredit { Name = $"Ana{Controls}", Contact = [$"mailto:ana{Controls}@example.org"] }],
            References = [new OsvReference { Type = "WEB", Url = $"https://example.org/{Controls}x" }],
        };
        record = record with
        {
            Affected = [record.Affected![0] with { Package = new OsvPackage { Ecosystem = "PyPI", Name = $"tessera{Controls}py" }, Versions = [$"1.0{Controls}"] }],
        };

        var rendered = DatabaseRenderer.Render([record], ExampleDatabase.Settings, Now);

        Assert.True(rendered.Succeeded);
        foreach (var (path, bytes) in rendered.Site.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal) || f.Key.EndsWith(".xml", StringComparison.Ordinal)))
            AssertNoControls(path, Encoding.UTF8.GetString(bytes));
        // XML 1.0 forbids most C0 controls: a strict reader takes the feed.
        using (var reader = XmlReader.Create(new MemoryStream(rendered.Site["feed.xml"]), new XmlReaderSettings { CheckCharacters = true }))
            while (reader.Read()) { }
        foreach (var (path, bytes) in rendered.Markdown) AssertNoControls(path, Encoding.UTF8.GetString(bytes));
        foreach (var (path, bytes) in rendered.Mail) AssertNoControls(path, Encoding.UTF8.GetString(bytes));

        var announcement = AnnouncementTextRenderer.Render([AdvisoryView.From(record)], ExampleDatabase.Settings);
        var eml = AnnouncementMessageBuilder.ToBytes(AnnouncementMessageBuilder.Build(announcement, ExampleDatabase.Settings.Mail, Now));
        var headers = Encoding.UTF8.GetString(eml).Split("\r\n\r\n", 2)[0];
        Assert.DoesNotMatch(@"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]", headers);
        var parsed = MimeMessage.Load(new MemoryStream(eml));
        Assert.StartsWith($"[SECURITY] {Id}: Overflow", parsed.Subject, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\p{Cc}", parsed.Subject);
        AssertNoControls("eml body", parsed.TextBody ?? "");
    }

    /// <summary>No C0 control but tab and line feed (and CR, which HTML and XML normalise), no DEL, no C1 control.</summary>
    private static void AssertNoControls(string what, string text)
    {
        var bad = text.IndexOfAny([.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), '\u007F', .. Enumerable.Range(0x80, 0x20).Select(c => (char)c)]);
        Assert.True(bad < 0, $"{what}: U+{(bad < 0 ? 0 : text[bad]):X4} at {bad}");
    }

    private void WriteAdvisory(string details, string affectedExtra = "", string introduced = "1.0.0", string fixedVersion = "1.2.0")
    {
        Directory.CreateDirectory(_temp.Combine("advisories"));
        ExampleDatabase.CopyConfigurationTo(_temp.Combine("advisories"));
        var block = string.Concat(details.Split('\n').Select(line => line.Length == 0 ? "\n" : "  " + line + "\n"));
        _temp.Write($"advisories/{Id}.yaml", $"""
            id: {Id}
            modified: "2026-03-02T00:00:00Z"
            published: "2026-03-01T00:00:00Z"
            summary: Crash when decoding deep documents
            details: |

            """ + block + $$"""
            affected:
              - package:
                  ecosystem: PyPI
                  name: tessera-py
                  purl: pkg:pypi/tessera-py
                ranges:
                  - type: ECOSYSTEM
                    events:
                      - introduced: "{{introduced}}"
                      - fixed: "{{fixedVersion}}"

            """ + affectedExtra + $"""
            references:
              - type: ADVISORY
                url: https://security.tessera-project.org/{Id}/

            """);
    }

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s*<?\s*(javascript|data|vbscript):", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeDefinition();

    [GeneratedRegex(@"(href|src)=""\s*(javascript|data|vbscript):", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeHref();
}
