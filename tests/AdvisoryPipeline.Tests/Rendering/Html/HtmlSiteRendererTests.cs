using System.Text.Json;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering;
using AdvisoryPipeline.Rendering.Html;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Rendering.Html;

public sealed class HtmlSiteRendererTests
{
    private static readonly RenderSettings Settings = ExampleDatabase.Settings;

    [Fact]
    public void Same_input_gives_byte_identical_files()
    {
        var first = RenderedSite.Sample().Content.Files;
        var shuffled = RenderedSite.Of([.. ExampleDatabase.Views.Reverse()], Settings).Content.Files;

        Assert.Equal(first.Keys, shuffled.Keys);
        foreach (var (path, bytes) in first) Assert.True(bytes.AsSpan().SequenceEqual(shuffled[path]), $"{path} differs between two renders");
    }

    [Fact]
    public void The_site_has_every_page_record_and_asset()
    {
        var advisories = ExampleDatabase.Views;
        var site = RenderedSite.Sample();
        var paths = site.Content.Files.Keys.ToHashSet();

        Assert.Contains("index.html", paths);
        Assert.Contains("packages/index.html", paths);
        Assert.Contains("feed.xml", paths);
        Assert.Contains("assets/site.css", paths);
        Assert.Contains("assets/site.js", paths);
        foreach (var advisory in advisories)
        {
            Assert.Contains($"{advisory.Id}/index.html", paths);
            Assert.Equal(CanonicalOsvWriter.Write(advisory.Record), site.Content.Files[$"osv/{advisory.Id}.json"]);
            foreach (var alias in advisory.Aliases) Assert.Contains($"{alias}/index.html", paths);
            foreach (var affected in advisory.Affected)
                Assert.Contains(SiteLinks.PackagePagePath(affected.Ecosystem, affected.Package) + "index.html", paths);
        }
        Assert.Contains("packages/npm/~40tessera/client/index.html", paths);
        Assert.Contains("packages/GIT/github.com/tessera-project/tessera/index.html", paths);
        Assert.Contains("search-index.js", paths);
    }

    [Fact]
    public void Every_page_is_accessible_and_self_contained()
    {
        var site = RenderedSite.Sample();
        foreach (var path in site.HtmlPaths)
        {
            var page = site.Page(path);
            Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
            Assert.Single(page.QuerySelectorAll("h1"));
            Assert.NotNull(page.QuerySelector("main#main"));
            Assert.Equal("#main", page.QuerySelector("body > a.skip-link")?.GetAttribute("href"));
            Assert.Equal(PageLayout.ContentSecurityPolicy,
                page.QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content"));
            Assert.All(page.QuerySelectorAll("th"), th => Assert.NotNull(th.GetAttribute("scope")));
            Assert.All(page.QuerySelectorAll("input, select"), control =>
                Assert.NotNull(page.QuerySelector($"label[for='{control.Id}']")));
            // Everything the page loads is ours, by a relative path.
            Assert.All(page.QuerySelectorAll("script[src], link[rel=stylesheet], link[rel=icon]"), element =>
                Assert.False(Uri.TryCreate(element.GetAttribute("src") ?? element.GetAttribute("href"), UriKind.Absolute, out _), element.OuterHtml));
        }
    }

    [Fact]
    public void Every_link_inside_the_site_leads_to_a_file_of_the_site()
    {
        var site = RenderedSite.Sample();
        var root = new Uri("file:///site/");
        foreach (var path in site.HtmlPaths)
        {
            foreach (var link in site.Page(path).QuerySelectorAll("[href], [src]"))
            {
                var target = link.GetAttribute("href") ?? link.GetAttribute("src")!;
                if (target.StartsWith('#') || Uri.TryCreate(target, UriKind.Absolute, out _)) continue;
                var resolved = new Uri(new Uri(root, path), target);
                var sitePath = root.MakeRelativeUri(resolved).OriginalString;
                Assert.True(site.Content.Files.ContainsKey(sitePath), $"{path} links to {target}, which is not in the site");
            }
        }
    }

    [Fact]
    public void External_links_do_not_leak_the_page_and_absolute_urls_are_only_web_and_mail()
    {
        var site = RenderedSite.Hostile();
        foreach (var path in site.HtmlPaths)
        {
            foreach (var link in site.Page(path).QuerySelectorAll("a[href]"))
            {
                var href = link.GetAttribute("href")!;
                if (!Uri.TryCreate(href, UriKind.Absolute, out var uri)) continue;
                Assert.Contains(uri.Scheme, new[] { "http", "https", "mailto" });
                Assert.Contains("noopener", link.GetAttribute("rel") ?? "", StringComparison.Ordinal);
                Assert.Contains("noreferrer", link.GetAttribute("rel") ?? "", StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Hostile_text_reaches_the_reader_as_text()
    {
        var site = RenderedSite.Hostile();
        for (var i = 0; i < HostileDatabase.Payloads.Count; i++)
        {
            var payload = ReadableText.Clean(HostileDatabase.Payloads[i]);
            var page = site.Page($"HOSTILE-{i + 1:D4}/index.html");
            // The title is the payload on one line, hidden characters out, cut to the title's length.
            Assert.Equal(AdvisoryView.From(HostileDatabase.Record(i, HostileDatabase.Payloads[i])).Title, page.QuerySelector("h1")!.TextContent);
            Assert.Equal(payload, page.QuerySelector(".credit-name")!.TextContent);
            Assert.All(page.Scripts, script => Assert.Fail("a script element on an advisory page: " + script.OuterHtml));
            Assert.DoesNotContain(page.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_search_index_is_data_that_no_value_can_break_out_of()
    {
        var site = RenderedSite.Hostile();
        var page = site.Page("index.html");

        Assert.Equal(["assets/site.js"], page.Scripts.Select(s => s.Source));
        var script = site.Content.TextOf("search-index.js");
        const string Prefix = "// The search index of the advisory list pages: see assets/site.js.\nwindow.advisorySearchIndex = ";
        Assert.StartsWith(Prefix, script, StringComparison.Ordinal);
        Assert.EndsWith(";\n", script, StringComparison.Ordinal);
        var index = JsonDocument.Parse(script[Prefix.Length..^2]).RootElement;
        var summaries = index.GetProperty("advisories").EnumerateArray().Select(e => e.GetProperty("s").GetString() ?? "").ToHashSet();
        Assert.Equal(HostileDatabase.Create().Select(a => a.Summary).ToHashSet(), summaries);
        Assert.DoesNotContain("</", script, StringComparison.Ordinal);
        Assert.True(script.All(char.IsAscii), "the index is ASCII: every other character is escaped");
    }

    [Fact]
    public void Package_names_never_leave_the_packages_folder()
    {
        var site = RenderedSite.Hostile();
        var packagePages = site.Content.Files.Keys.Where(p => p.StartsWith("packages/", StringComparison.Ordinal) && p != "packages/index.html").ToList();

        Assert.Equal(HostileDatabase.Payloads.Count + 1, packagePages.Count);
        var root = Path.Combine(Path.GetTempPath(), "site-root");
        Assert.All(packagePages, path =>
        {
            Assert.InRange(path.Split('/').Length, 4, 12);
            Assert.StartsWith(Path.Combine(root, "packages") + Path.DirectorySeparatorChar, GeneratedPath.Resolve(root, path), StringComparison.Ordinal);
        });
        Assert.All(site.Content.Files.Keys, path => Assert.True(GeneratedPath.IsWellFormed(path), path));
    }

    [Fact]
    public void Packages_whose_readable_paths_would_meet_get_distinct_pages_that_the_lists_link_to()
    {
        (string Ecosystem, string Name)[] packages = [("PyPI", "Jinja2"), ("PyPI", "jinja2"), ("GIT", "https://example.org/x"), ("GIT", "example.org/x")];
        var advisories = packages.Select((p, i) => AdvisoryView.From(SampleAdvisories.Record($"TSSA-2026-{i + 1}", ecosystem: p.Ecosystem, package: p.Name)));

        var site = RenderedSite.Of([.. advisories], Settings);

        var pages = site.Content.Files.Keys.Where(k => k.StartsWith("packages/", StringComparison.Ordinal) && k != "packages/index.html").ToList();
        Assert.Equal(4, pages.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // The first in ordinal order keeps the readable path; the other gets a hashed one.
        Assert.Contains("packages/PyPI/Jinja2/index.html", pages);
        Assert.Contains("packages/GIT/example.org/x/index.html", pages);
        var linked = site.Page("index.html").QuerySelectorAll("td a[href^='packages/']").Select(a => a.GetAttribute("href") ?? "").ToHashSet();
        Assert.Equal(pages.ToHashSet(), linked);
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("osv")]
    [InlineData("Packages")]
    [InlineData("assets")]
    [InlineData("feed.xml")]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData(".hidden")]
    public void An_id_that_cannot_be_a_folder_stops_the_render(string id)
    {
        var result = HtmlSiteRenderer.Build([SampleAdvisories.DatedView("GOOD-1"), SampleAdvisories.DatedView(id)], Settings, ExampleDatabase.SiteNow, CanonicalOsvWriter.Write);

        Assert.False(result.Succeeded);
        var finding = Assert.Single(result.Findings, f => f.IsError);
        Assert.Equal("SITE001", finding.Code);
        Assert.Equal("/id", finding.Pointer);
    }

    [Fact]
    public void Ids_that_differ_only_in_case_stop_the_render()
    {
        var result = HtmlSiteRenderer.Build([SampleAdvisories.DatedView("DEMO-1"), SampleAdvisories.DatedView("demo-1")], Settings, ExampleDatabase.SiteNow, CanonicalOsvWriter.Write);

        Assert.False(result.Succeeded);
        Assert.Equal("SITE001", Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void A_site_url_that_is_not_http_stops_the_render()
    {
        var settings = Settings with { SiteUrl = new Uri("javascript:alert(1)") };

        var result = HtmlSiteRenderer.Build([SampleAdvisories.DatedView("DEMO-1")], settings, ExampleDatabase.SiteNow, CanonicalOsvWriter.Write);

        Assert.False(result.Succeeded);
        Assert.Equal("SITE004", Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void An_alias_of_one_advisory_redirects_to_it()
    {
        var site = RenderedSite.Of([SampleAdvisories.DatedView("DEMO-1", aliases: ["CVE-2026-1"])], Settings);
        var page = site.Page("CVE-2026-1/index.html");

        Assert.Equal("0; url=../DEMO-1/index.html", page.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content"));
        Assert.Equal("https://security.tessera-project.org/DEMO-1/", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("../DEMO-1/index.html", page.QuerySelector("main a")?.GetAttribute("href"));
        Assert.Empty(site.Result.Findings);
    }

    [Fact]
    public void An_alias_claimed_by_two_active_advisories_lists_both_instead_of_picking_one()
    {
        var site = RenderedSite.Of(
            [SampleAdvisories.DatedView("DEMO-2", aliases: ["CVE-2026-1"]), SampleAdvisories.DatedView("DEMO-1", aliases: ["cve-2026-1"])], Settings);
        var page = site.Page("CVE-2026-1/index.html");

        Assert.Null(page.QuerySelector("meta[http-equiv=refresh]"));
        Assert.Null(page.QuerySelector("link[rel=canonical]"));
        Assert.Equal(["../DEMO-1/index.html", "../DEMO-2/index.html"], page.QuerySelectorAll("main li a").Select(a => a.GetAttribute("href")));
        var finding = Assert.Single(site.Result.Findings);
        Assert.Equal(("SITE002", FindingLevel.Warning), (finding.Code, finding.Level));
    }

    [Fact]
    public void An_alias_shared_with_a_withdrawn_duplicate_redirects_to_the_active_advisory()
    {
        var site = RenderedSite.Of(
            [SampleAdvisories.DatedView("DEMO-1", aliases: ["CVE-2026-1"], withdrawn: true), SampleAdvisories.DatedView("DEMO-2", aliases: ["CVE-2026-1"])], Settings);

        Assert.Equal("0; url=../DEMO-2/index.html",
            site.Page("CVE-2026-1/index.html").QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content"));
        Assert.Empty(site.Result.Findings);
    }

    [Fact]
    public void An_alias_that_is_an_advisory_of_the_site_or_cannot_be_a_folder_gets_no_page()
    {
        var site = RenderedSite.Of(
            [SampleAdvisories.DatedView("DEMO-1", aliases: ["DEMO-2", "../../etc/passwd"]), SampleAdvisories.DatedView("DEMO-2")], Settings);

        Assert.Equal("Summary of DEMO-2", site.Page("DEMO-2/index.html").QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain(site.Content.Files.Keys, p => p.Contains("passwd", StringComparison.Ordinal));
        var finding = Assert.Single(site.Result.Findings);
        Assert.Equal(("SITE003", "/aliases/1"), (finding.Code, finding.Pointer));
    }

    [Fact]
    public void Without_a_site_url_pages_have_no_canonical_link()
    {
        var site = RenderedSite.Of(ExampleDatabase.Views, Settings with { SiteUrl = null });

        Assert.All(site.HtmlPaths, path => Assert.Null(site.Page(path).QuerySelector("link[rel=canonical]")));
        Assert.Equal("../TSSA-2026-1/index.html",
            site.Page("CVE-2026-20588/index.html").QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content")?["0; url=".Length..]);
    }

    [Fact]
    public void The_index_lists_every_advisory_newest_first_with_its_severity()
    {
        var site = RenderedSite.Sample();
        var rows = site.Page("index.html").QuerySelectorAll("tbody tr").ToList();
        var expected = ExampleDatabase.Views.OrderByDescending(a => a.Published).ToList();

        Assert.Equal(expected.Select(a => a.Id), rows.Select(r => r.GetAttribute("data-advisory")));
        Assert.Equal("Critical 9.8", rows.Single(r => r.GetAttribute("data-advisory") == "TSSA-2025-4").QuerySelector(".badge-critical")?.TextContent);
        Assert.Equal("Unscored", rows.Single(r => r.GetAttribute("data-advisory") == "TSSA-2025-3").QuerySelector(".badge-unscored")?.TextContent);
        Assert.NotNull(rows.Single(r => r.GetAttribute("data-advisory") == "TSSA-2025-3").QuerySelector(".tag-withdrawn"));
    }

    [Fact]
    public void An_advisory_page_shows_git_commits_in_words_and_as_links_and_versions_as_intervals()
    {
        var page = RenderedSite.Sample().Page("TSSA-2026-1/index.html");
        var row = page.QuerySelector("#affected + .table-scroll tbody tr")!;

        // Commits have no order: never "< dbca9f4bfd33". Each is its short hash, linked by its full hash.
        Assert.Equal("introduced in 28ac16959f3d, up to dbca9f4bfd33", row.QuerySelector(".versions")?.TextContent);
        Assert.Equal(
            ["https://github.com/tessera-project/tessera/commit/28ac16959f3d6f97faebe2a7f09fa56a7a07dade",
             "https://github.com/tessera-project/tessera/commit/dbca9f4bfd33aee04ec5f6e04dfb7ed1be59614f"],
            row.QuerySelectorAll("td:nth-child(3) a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["28ac16959f3d", "dbca9f4bfd33"], row.QuerySelectorAll("a code.commit").Select(c => c.TextContent));
        Assert.Equal("dbca9f4bfd33aee04ec5f6e04dfb7ed1be59614f", row.QuerySelectorAll("td:nth-child(3) a")[1].GetAttribute("title"));
        Assert.Equal("no fix", row.QuerySelector("td:last-child")?.TextContent);
        Assert.Equal("v2.6.3, v2.6.4, v2.6.5", row.QuerySelector(".listed-versions p")?.TextContent);
        Assert.Equal("../TSSA-2024-1/index.html", page.QuerySelector(".facts a[href^='../TSSA']")?.GetAttribute("href"));
        Assert.Equal("../osv/TSSA-2026-1.json", page.QuerySelector("a[type='application/json']")?.GetAttribute("href"));
    }

    [Fact]
    public void A_withdrawn_advisory_carries_a_banner()
    {
        var page = RenderedSite.Sample().Page("TSSA-2025-3/index.html");

        Assert.StartsWith("This advisory has been withdrawn (on 2025-05-09)", page.QuerySelector(".banner-withdrawn")?.TextContent);
        Assert.Equal(["Published", "Withdrawn"], page.QuerySelectorAll(".timeline li").Select(li => li.TextContent[11..]));
    }
}
