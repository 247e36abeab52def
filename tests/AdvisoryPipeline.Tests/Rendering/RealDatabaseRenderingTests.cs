using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering;
using AdvisoryPipeline.Rendering.Html;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Rendering;

/// <summary>
/// Real databases rendered with the default settings, as a new user would render them: the PyPA advisories grown to
/// the real database's 2,661 (2,659 of which have no summary) and the Go vulnerability database's 4,291. Every page
/// title and heading is bounded, no page skips a heading level, every <c>datetime</c> is one HTML accepts, the feed is
/// newest first and well-formed XML, mail subjects are one bounded line, and the front page stays small.
/// </summary>
public sealed partial class RealDatabaseRenderingTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<RenderedDatabase> PypaRendered = new(() => Render(RealDatabases.PypaAtFullSize));
    private static readonly Lazy<RenderedDatabase> GoRendered = new(() => Render(RealDatabases.Go));

    private const int MaxIndexBytes = 500 * 1024;

    public static TheoryData<string> Databases => ["pypa", "go"];

    private static RenderedDatabase Rendered(string database) => database == "pypa" ? PypaRendered.Value : GoRendered.Value;

    private static IReadOnlyList<OsvRecord> Records(string database) => database == "pypa" ? RealDatabases.PypaAtFullSize : RealDatabases.Go;

    private static RenderedDatabase Render(IReadOnlyList<OsvRecord> records)
    {
        var rendered = DatabaseRenderer.Render(records, RealDatabases.DefaultSettings, Now);
        Assert.True(rendered.Succeeded, string.Join("\n", rendered.Findings.Where(f => f.IsError).Select(f => $"{f.Location.File}: {f.Message}")));
        return rendered;
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public void Every_title_is_at_most_140_characters_and_headings_never_skip_a_level(string database)
    {
        var site = Rendered(database).Site;
        var pages = site.Keys.Where(path => path.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count > Records(database).Count, $"{pages.Count} pages");

        foreach (var path in pages)
        {
            var html = Encoding.UTF8.GetString(site[path]);
            var title = WebUtility.HtmlDecode(TitleElement().Match(html).Groups[1].Value);
            Assert.InRange(title.Length, 1, PageLayout.MaxTitleLength);
            var levels = Heading().Matches(html).Select(m => m.Groups[1].Value[0] - '0').ToList();
            Assert.True(levels.Count > 0 && levels[0] == 1, $"{path}: the first heading is not an h1");
            for (var i = 1; i < levels.Count; i++)
                Assert.True(levels[i] <= levels[i - 1] + 1, $"{path}: h{levels[i - 1]} is followed by h{levels[i]}");
            if (path.Count(c => c == '/') == 1 && !path.StartsWith("page/", StringComparison.Ordinal) && !path.StartsWith("packages/", StringComparison.Ordinal))
                Assert.InRange(WebUtility.HtmlDecode(H1().Match(html).Groups[1].Value).Length, 1, PageLayout.MaxTitleLength);
        }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public void Every_datetime_attribute_is_a_valid_html_date_and_time(string database)
    {
        var site = Rendered(database).Site;
        var count = 0;
        foreach (var (path, bytes) in site.Where(file => file.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            foreach (Match match in DateTimeAttribute().Matches(Encoding.UTF8.GetString(bytes)))
            {
                var value = match.Groups[1].Value;
                Assert.True(ValidGlobalDateAndTime().IsMatch(value), $"{path}: datetime=\"{value}\"");
                Assert.True(DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), value);
                count++;
            }
        }
        // Go's copy gives 4,039 of its records Go's zero time (0001-01-01) as published date: they show "unknown".
        Assert.True(count >= Records(database).Count(r => r.Published is { } p && !p.StartsWith("0001-", StringComparison.Ordinal)),
            $"only {count} datetime attributes");
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public void The_front_page_stays_under_500_KB_and_the_list_reaches_every_advisory(string database)
    {
        var site = Rendered(database).Site;

        Assert.True(site[IndexPage.Path].Length < MaxIndexBytes, $"index.html is {site[IndexPage.Path].Length / 1024} KB");
        var listPages = site.Keys.Where(path => path == IndexPage.Path || path.StartsWith(IndexPage.PagesFolder + "/", StringComparison.Ordinal)).ToList();
        Assert.All(listPages, path => Assert.True(site[path].Length < MaxIndexBytes, $"{path} is {site[path].Length / 1024} KB"));
        var listed = listPages.SelectMany(path => AdvisoryRow().Matches(Encoding.UTF8.GetString(site[path])).Select(m => m.Groups[1].Value)).ToList();
        Assert.Equal(Records(database).Select(r => r.Id).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.True(site.ContainsKey(SearchIndex.Path));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public void The_feed_is_well_formed_xml_newest_first_with_bounded_titles(string database)
    {
        using var reader = XmlReader.Create(new MemoryStream(Rendered(database).Site[SiteLinks.FeedPath]), new XmlReaderSettings { CheckCharacters = true });
        var document = new XmlDocument();
        document.Load(reader);
        var atom = new XmlNamespaceManager(document.NameTable);
        atom.AddNamespace("a", AtomFeedWriter.AtomNamespace);

        var entries = document.SelectNodes("/a:feed/a:entry", atom)!.Cast<XmlNode>().ToList();
        Assert.InRange(entries.Count, FeedWindow.MinimumEntries, Records(database).Count);
        var updated = entries.Select(e => DateTimeOffset.Parse(e.SelectSingleNode("a:updated", atom)!.InnerText, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
        Assert.All(entries, e => Assert.InRange(e.SelectSingleNode("a:title", atom)!.InnerText.Length, 1, AtomFeedWriter.MaxTitleLength));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public void Mail_subjects_are_one_bounded_line_and_titles_and_summaries_at_most_120_characters(string database)
    {
        foreach (var (file, bytes) in Rendered(database).Mail)
        {
            var subject = Encoding.UTF8.GetString(bytes).Split('\n')[0];
            Assert.StartsWith("Subject: [SECURITY] ", subject, StringComparison.Ordinal);
            Assert.InRange(subject.Length - "Subject: ".Length, 1, 200);
        }
        foreach (var view in Records(database).Select(AdvisoryView.From))
        {
            Assert.InRange(view.Title.Length, 1, AdvisoryView.MaxTitleLength);
            Assert.InRange(view.Summary.Length, 1, AdvisoryView.MaxTitleLength);
            Assert.DoesNotContain('\n', view.Title);
        }
    }

    [Fact]
    public void Without_a_summary_the_title_names_the_packages_and_the_summary_is_the_first_sentence()
    {
        var aiohttp = AdvisoryView.From(RealDatabases.Pypa.Single(r => r.Id == "PYSEC-2021-76"));

        Assert.Null(aiohttp.Record.Summary);
        Assert.Equal("Vulnerability in aiohttp", aiohttp.Title);
        Assert.Equal("aiohttp is an asynchronous HTTP client/server framework for asyncio and Python.", aiohttp.Summary);
        var page = Encoding.UTF8.GetString(PypaRendered.Value.Site["PYSEC-2021-76/index.html"]);
        Assert.Contains("<title>PYSEC-2021-76: Vulnerability in aiohttp – Security advisories</title>", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Vulnerability in aiohttp</h1>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Git_ranges_name_commits_in_words_and_link_them_and_package_paths_are_readable()
    {
        var site = PypaRendered.Value.Site;
        var page = Encoding.UTF8.GetString(site["PYSEC-2021-76/index.html"]);

        Assert.Contains("<a href=\"https://github.com/aio-libs/aiohttp/commit/2545222a3853e31ace15d87ae0e2effb7da0c96b\" rel=\"noopener noreferrer nofollow\" title=\"2545222a3853e31ace15d87ae0e2effb7da0c96b\"><code class=\"commit\">2545222a3853</code></a>",
            page, StringComparison.Ordinal);
        Assert.True(site.ContainsKey("packages/PyPI/aiohttp/index.html"));
        Assert.True(GoRendered.Value.Site.ContainsKey("packages/Go/github.com/gorilla/sessions/index.html"));
        // No comparison of commits anywhere: "< 2545222a3853" means nothing without the repository.
        Assert.All(site.Where(f => f.Key.EndsWith("/index.html", StringComparison.Ordinal)), file =>
            Assert.DoesNotMatch(CommitComparison(), Encoding.UTF8.GetString(file.Value)));
    }

    [Fact]
    public void Aliases_link_to_their_databases_and_withdrawn_titles_say_so_once()
    {
        var page = Encoding.UTF8.GetString(PypaRendered.Value.Site["PYSEC-2021-76/index.html"]);
        Assert.Contains("<a href=\"https://www.cve.org/CVERecord?id=CVE-2021-21330\" rel=\"noopener noreferrer nofollow\">CVE-2021-21330</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://github.com/advisories/GHSA-v6wp-4m6f-gcjg\" rel=\"noopener noreferrer nofollow\">GHSA-v6wp-4m6f-gcjg</a>", page, StringComparison.Ordinal);

        var withdrawn = RealDatabases.Go.Where(r => r.IsWithdrawn && r.Summary is not null).Select(AdvisoryView.From).ToList();
        Assert.NotEmpty(withdrawn);
        Assert.All(withdrawn, view => Assert.DoesNotContain("withdrawn", view.Title, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Gos_zero_time_is_an_unknown_date_and_undated_advisories_stay_out_of_the_feed()
    {
        var page = Encoding.UTF8.GetString(GoRendered.Value.Site["GO-2024-2715/index.html"]);

        Assert.Contains("<dt>Published</dt><dd><span class=\"muted\">unknown</span></dd>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0001-01-01", page, StringComparison.Ordinal);
        Assert.DoesNotContain("GO-2024-2715", Encoding.UTF8.GetString(GoRendered.Value.Site[SiteLinks.FeedPath]), StringComparison.Ordinal);
    }

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitleElement();

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex H1();

    [GeneratedRegex("<h([1-6])[ >]")]
    private static partial Regex Heading();

    [GeneratedRegex("datetime=\"([^\"]*)\"")]
    private static partial Regex DateTimeAttribute();

    /// <summary>HTML's valid global date and time string, as the tool writes it (UTC, "Z"): at most 3 fractional digits.</summary>
    [GeneratedRegex(@"^[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,3})?)?Z$")]
    private static partial Regex ValidGlobalDateAndTime();

    [GeneratedRegex("<tr data-advisory=\"([^\"]+)\">")]
    private static partial Regex AdvisoryRow();

    [GeneratedRegex("&lt;=? (<[^>]+>)*[0-9a-f]{12}")]
    private static partial Regex CommitComparison();
}
