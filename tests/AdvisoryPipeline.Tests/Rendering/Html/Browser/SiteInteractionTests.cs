using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Html;
using AdvisoryPipeline.Tests.TestSupport;
using Microsoft.Playwright;

namespace AdvisoryPipeline.Tests.Rendering.Html.Browser;

/// <summary>
/// What a reader sees and does in Chromium: the index, an advisory page, a package page and the feed render
/// their content (screenshots go to <see cref="BrowserFixture.ScreenshotFolder"/>); our script runs under
/// the CSP and its search and filters hide exactly the rows that do not match; without JavaScript the
/// list is complete and navigable; text keeps AA contrast in the light and the dark theme; the skip link
/// works from the keyboard.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SiteInteractionTests(BrowserFixture fixture)
{
    private static readonly IReadOnlyDictionary<string, AdvisoryView> Sample = ExampleDatabase.Views.ToDictionary(a => a.Id);

    [Theory]
    [InlineData(Transport.File)]
    [InlineData(Transport.Http)]
    public async Task Search_and_filters_hide_the_rows_that_do_not_match(Transport transport)
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var probe = new PageProbe(await context.NewPageAsync());
        var page = probe.Page;
        var index = fixture.UrlOf(fixture.Sample, transport, IndexPage.Path);
        (await probe.VisitAsync(index, DomAudit.HtmlPage)).AssertNothingRan(ExampleDatabase.Settings.DatabaseName, fixture.IsLocal(transport));

        Assert.True(await page.IsVisibleAsync("#filters"), "the filter form stays hidden: our script did not run");
        var all = await VisibleRowsAsync(page);
        Assert.Equal(Sample.Count, all.Count);

        var mentioning = all.Where(id => Mentions(Sample[id], "tessera-py")).ToList();
        await SearchAsync(page, "tessera-py", mentioning.Count);
        Assert.InRange(mentioning.Count, 2, all.Count - 1);
        Assert.Equal(mentioning, await VisibleRowsAsync(page));
        Assert.Equal($"{mentioning.Count} of {all.Count} advisories shown.", await page.TextContentAsync("#filter-status"));

        var both = all.Where(id => Mentions(Sample[id], "tessera-py") && Mentions(Sample[id], "heap")).ToList();
        await SearchAsync(page, "tessera-py heap", both.Count);
        Assert.Equal(both, await VisibleRowsAsync(page));

        await page.ClickAsync("button[type=reset]");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('tr[data-advisory]:not([hidden])').length === {all.Count}");

        await page.SelectOptionAsync("#filter-severity", "critical");
        var critical = all.Where(id => Level(id) == SeverityLevel.Critical).ToList();
        Assert.NotEmpty(critical);
        Assert.Equal(critical, await VisibleRowsAsync(page));

        await page.SelectOptionAsync("#filter-severity", "high");
        await page.SelectOptionAsync("#filter-ecosystem", "npm");
        var highNpm = all.Where(id => Level(id) == SeverityLevel.High && Sample[id].Ecosystems.Contains("npm")).ToList();
        Assert.NotEmpty(highNpm);
        Assert.Equal(highNpm, await VisibleRowsAsync(page));
        Assert.Empty(probe.Complaints());

        // The filters live in the query string, so a filtered view can be linked to; an alias finds its advisory.
        var byAlias = await probe.VisitAsync(index + "?q=cve-2025-47761", DomAudit.HtmlPage);
        byAlias.AssertNothingRan(ExampleDatabase.Settings.DatabaseName, fixture.IsLocal(transport));
        Assert.Equal(["TSSA-2025-4"], await VisibleRowsAsync(page));
        Assert.Equal("cve-2025-47761", await page.InputValueAsync("#filter-q"));
    }

    [Fact]
    public async Task Without_javascript_every_advisory_is_listed_and_no_dead_control_is_shown()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.UrlOf(fixture.Sample, Transport.File, IndexPage.Path));

        var rows = page.Locator("tr[data-advisory]");
        Assert.Equal(Sample.Count, await rows.CountAsync());
        for (var i = 0; i < Sample.Count; i++) Assert.True(await rows.Nth(i).IsVisibleAsync());
        Assert.False(await page.IsVisibleAsync("#filters"));
        Assert.False(await page.IsVisibleAsync("#filter-status"));
        Assert.True(await page.IsVisibleAsync("noscript p"));
        await page.ClickAsync("nav >> text=Packages");
        Assert.Equal("Packages", await page.TextContentAsync("h1"));
        Assert.EndsWith("/packages/index.html", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_advisory_package_page_and_feed_render_their_content()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var probe = new PageProbe(await context.NewPageAsync());
        var page = probe.Page;
        var site = fixture.Sample;

        await VisitAsync(probe, site, IndexPage.Path);
        Assert.Equal(ExampleDatabase.Settings.DatabaseName, await page.TextContentAsync("h1"));
        Assert.Equal(Sample.Count, (await VisibleRowsAsync(page)).Count);
        await fixture.ScreenshotAsync(page, "sample-index");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.getBoundingClientRect().top >= 0"), "the focused skip link is off screen");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        var critical = Sample["TSSA-2025-4"];
        await VisitAsync(probe, site, AdvisoryPage.PathOf(critical.Id));
        Assert.Equal(critical.Title, await page.TextContentAsync("h1"));
        Assert.Equal(["Details", "Severity", "Affected packages", "References", "Credits", "Timeline"], await page.Locator("main h2").AllTextContentsAsync());
        Assert.Equal("Critical 9.8", await page.TextContentAsync(".facts .badge"));
        Assert.Contains("tessera-py", await page.TextContentAsync("#affected + .table-scroll tbody") ?? "");
        await fixture.ScreenshotAsync(page, "sample-advisory");

        await VisitAsync(probe, site, AdvisoryPage.PathOf("TSSA-2025-3"));
        Assert.True(await page.IsVisibleAsync(".banner-withdrawn"));
        Assert.Contains("withdrawn", await page.TextContentAsync(".banner-withdrawn") ?? "", StringComparison.OrdinalIgnoreCase);
        await fixture.ScreenshotAsync(page, "sample-advisory-withdrawn");

        await VisitAsync(probe, site, SiteLinks.PackagePagePath("PyPI", "tessera-py") + "index.html");
        Assert.Equal("tessera-py", await page.TextContentAsync("h1"));
        var affectingPy = Sample.Values.Where(a => a.Affected.Any(p => p is { Ecosystem: "PyPI", Package: "tessera-py" })).Select(a => a.Id).Order();
        Assert.Equal(affectingPy, (await page.Locator("tbody th a").AllTextContentsAsync()).Order());
        await fixture.ScreenshotAsync(page, "sample-package");

        var feed = await probe.VisitAsync(fixture.UrlOf(site, Transport.File, SiteLinks.FeedPath), DomAudit.AtomFeed);
        feed.AssertNothingRan("", fixture.IsLocal(Transport.File));
        Assert.Equal(10, await page.EvaluateAsync<int>("() => document.getElementsByTagName('entry').length"));
        Assert.StartsWith("TSSA-2026-3: ", await page.EvaluateAsync<string>("() => document.querySelector('entry > title').textContent"));
        Assert.Equal("block", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('entry')).display"));
        await fixture.ScreenshotAsync(page, "sample-feed", fullPage: false);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        await VisitAsync(probe, site, IndexPage.Path);
        Assert.Equal("rgb(13, 17, 23)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        await fixture.ScreenshotAsync(page, "sample-index-dark");
    }

    /// <summary>The security policy page: linked from every page, its sections in order, the key's fingerprint as the key has it.</summary>
    [Fact]
    public async Task Security_policy_page_shows_the_policy_and_the_key_fingerprint()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var probe = new PageProbe(await context.NewPageAsync());
        var page = probe.Page;
        var site = fixture.Sample;

        await VisitAsync(probe, site, AdvisoryPage.PathOf("TSSA-2025-4"));
        await page.ClickAsync("nav >> text=Security policy");
        Assert.EndsWith("/security/index.html", page.Url, StringComparison.Ordinal);
        Assert.Equal("Security policy", await page.TextContentAsync("h1"));
        Assert.Equal("Security policy", await page.TextContentAsync("nav a[aria-current='page']"));
        Assert.Equal(["Reporting a vulnerability", "What to include in a report", "Scope", "How we handle a report", "Disclosure", "Safe harbour", "Bug bounty"],
            await page.Locator("main h2").AllTextContentsAsync());
        var key = ExampleDatabase.Settings.Policy!.Key!;
        Assert.Equal(key.Fingerprint.Display, await page.TextContentAsync("code.fingerprint"));
        Assert.Equal(5, await page.Locator("#report-template ~ ol > li").CountAsync());
        Assert.Equal("mailto:security@tessera-project.org", await page.GetAttributeAsync("main a[href^='mailto:']", "href"));
        Assert.Empty(probe.Complaints());
        await fixture.ScreenshotAsync(page, "sample-policy");

        // The key and security.txt it links to are files of the site.
        var keyLink = await page.GetAttributeAsync("main a[href$='openpgp-key.asc']", "href");
        Assert.Equal("../" + SiteLinks.PolicyKeyPath, keyLink);
        Assert.Contains(SiteLinks.SecurityTxtPath, site.Content.Files.Keys);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
        await VisitAsync(probe, site, PolicyPage.Path);
        await fixture.ScreenshotAsync(page, "sample-policy-dark");
    }

    [Fact]
    public async Task Hostile_pages_show_the_payloads_as_text()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var probe = new PageProbe(await context.NewPageAsync());
        var page = probe.Page;
        var site = fixture.Hostile;
        var settings = HostileDatabase.Settings;

        await VisitAsync(probe, site, IndexPage.Path, settings.DatabaseName);
        Assert.Equal(HostileDatabase.Payloads.Count, (await VisibleRowsAsync(page)).Count);
        await fixture.ScreenshotAsync(page, "hostile-index");

        // Typing a payload into the search box only filters: it is compared as text, never parsed.
        await SearchAsync(page, HostileDatabase.Payloads[1], 1);
        Assert.Equal(["HOSTILE-0002"], await VisibleRowsAsync(page));
        Assert.Empty(probe.Complaints());

        var first = AdvisoryView.From(HostileDatabase.Record(0, HostileDatabase.Payloads[0]));
        await VisitAsync(probe, site, AdvisoryPage.PathOf(first.Id));
        // The title names the advisory, then the database, whose hostile name is cut to keep the title short.
        Assert.StartsWith($"{first.Id}: {first.Title} – Hostile", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal(HostileDatabase.Payloads[0], await page.TextContentAsync("h1"));
        await fixture.ScreenshotAsync(page, "hostile-advisory");
    }

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task Text_contrast_is_at_least_AA(ColorScheme scheme)
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ColorScheme = scheme });
        var probe = new PageProbe(await context.NewPageAsync());
        string[] pages =
        [
            IndexPage.Path, AdvisoryPage.PathOf("TSSA-2025-4"), AdvisoryPage.PathOf("TSSA-2025-3"), AdvisoryPage.PathOf("TSSA-2026-1"),
            PackageListPage.Path, SiteLinks.PackagePagePath("PyPI", "tessera-py") + "index.html", PolicyPage.Path,
        ];
        foreach (var path in pages)
        {
            await VisitAsync(probe, fixture.Sample, path);
            // Open the disclosures, so that their content is measured too.
            await probe.Page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
            var failures = await probe.Page.EvaluateAsync<string[]>(ContrastAudit.Script, ContrastAudit.MinimumRatio);
            Assert.True(failures.Length == 0, $"low contrast ({scheme}) on {path}: " + string.Join(" | ", failures));
        }
    }

    /// <summary>Loads a page from file:// and checks it ran nothing but our script, ending with its rendered title.</summary>
    private async Task VisitAsync(PageProbe probe, SiteUnderTest site, string path, string? expectedTitle = null)
    {
        var url = fixture.UrlOf(site, Transport.File, path);
        var visit = await probe.VisitAsync(url, DomAudit.HtmlPage);
        visit.AssertNothingRan(expectedTitle ?? SiteTour.Of(site).Single(s => s.Path == path).ExpectedTitle, fixture.IsLocal(Transport.File));
    }

    /// <summary>
    /// Types into the search box and waits until the list shows that many rows: the first search loads the search index
    /// (search-index.js) before it filters, so the rows change a moment after typing.
    /// </summary>
    private static async Task SearchAsync(IPage page, string text, int expectedRows)
    {
        await page.FillAsync("#filter-q", text);
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('tr[data-advisory]:not([hidden])').length === {expectedRows}");
    }

    private static async Task<IReadOnlyList<string>> VisibleRowsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('tr[data-advisory]')).filter(r => !r.hidden).map(r => r.dataset.advisory)");

    private static SeverityLevel Level(string id) => SeverityLevels.Of(Sample[id].HighestSeverity);

    /// <summary>What the search matches: the word in the ID, an alias, the summary, a package or an ecosystem.</summary>
    private static bool Mentions(AdvisoryView advisory, string word) =>
        new[] { advisory.Id, advisory.Title }.Concat(advisory.Aliases).Concat(advisory.Affected.Select(a => a.Package)).Concat(advisory.Ecosystems)
            .Any(text => text.Contains(word, StringComparison.OrdinalIgnoreCase));
}
