using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Html;
using AdvisoryPipeline.Tests.TestSupport;
using Microsoft.Playwright;

namespace AdvisoryPipeline.Tests.Rendering.Html.Browser;

/// <summary>
/// Pages of real databases in Chromium, on a desktop (1280 px) and on a phone (390 px): a PyPA advisory without a
/// summary, Go advisories with many packages and a withdrawn one, and the paged list, whose search finds advisories
/// on other pages through the search index. Nothing is wider than the window, nothing runs but our script, titles
/// read as titles. Screenshots of each go to <see cref="BrowserFixture.ScreenshotFolder"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RealSiteTests(BrowserFixture fixture)
{
    public static TheoryData<int> Widths => [1280, 390];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_pypa_advisory_without_a_summary_has_a_short_title_and_fits_the_window(int width)
    {
        var (probe, context) = await OpenAsync(width);
        await using var _ = context;
        var page = probe.Page;

        await VisitAsync(probe, fixture.Pypa, AdvisoryPage.PathOf("PYSEC-2021-76"));

        Assert.Equal("Vulnerability in aiohttp", await page.TextContentAsync("h1"));
        Assert.Equal(["CVE-2021-21330", "GHSA-v6wp-4m6f-gcjg"], await page.Locator(".facts dd a[href^='https://']").AllTextContentsAsync());
        // The GIT range's fixing commit: its short hash, linked to the repository by its full hash.
        var commit = page.Locator("#affected + .table-scroll a:has(code.commit)").First;
        Assert.Equal("2545222a3853", await commit.TextContentAsync());
        Assert.EndsWith("/commit/2545222a3853e31ace15d87ae0e2effb7da0c96b", await commit.GetAttributeAsync("href"), StringComparison.Ordinal);
        await AssertFitsAsync(page, width);
        await fixture.ScreenshotAsync(page, $"pypa-advisory-{width}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Go_advisories_with_many_packages_and_a_withdrawn_one_fit_the_window(int width)
    {
        var (probe, context) = await OpenAsync(width);
        await using var _ = context;
        var page = probe.Page;

        await VisitAsync(probe, fixture.Go, AdvisoryPage.PathOf("GO-2024-2715"));
        Assert.True(await page.Locator("#affected + .table-scroll tbody tr").CountAsync() > 10);
        Assert.NotNull(await page.QuerySelectorAsync(".facts a[href^='https://github.com/advisories/GHSA-']"));
        await AssertFitsAsync(page, width);
        await fixture.ScreenshotAsync(page, $"go-advisory-{width}");

        await VisitAsync(probe, fixture.Go, AdvisoryPage.PathOf("GO-2026-6115"));
        Assert.True(await page.IsVisibleAsync(".banner-withdrawn"));
        Assert.DoesNotContain("withdrawn", await page.TextContentAsync("h1") ?? "", StringComparison.OrdinalIgnoreCase);
        await AssertFitsAsync(page, width);

        // A module's page lives at its path: packages/Go/github.com/…/.
        var module = await page.GetAttributeAsync("#affected + .table-scroll tbody th a", "href");
        Assert.Matches(@"^\.\./packages/Go/[a-z0-9.-]+/", module);
        await VisitAsync(probe, fixture.Go, module!["../".Length..]);
        await AssertFitsAsync(page, width);
        await fixture.ScreenshotAsync(page, $"go-package-{width}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task The_list_is_paged_and_its_search_finds_advisories_on_every_page(int width)
    {
        var (probe, context) = await OpenAsync(width);
        await using var _ = context;
        var page = probe.Page;
        var site = fixture.Pypa;

        await VisitAsync(probe, site, IndexPage.Path);
        Assert.Equal(IndexPage.PageSize, await page.Locator("tr[data-advisory]:not([hidden])").CountAsync());
        Assert.True(await page.IsVisibleAsync("#pagination"));
        await AssertFitsAsync(page, width);
        await fixture.ScreenshotAsync(page, $"pypa-index-{width}");

        // An advisory on the last page, found from the first: the script loads the index of every advisory.
        var last = RealDatabases.Pypa.Take(BrowserFixture.RealAdvisories).Select(AdvisoryView.From)
            .OrderBy(a => a.Published ?? a.Modified).ThenBy(a => a.Id, StringComparer.Ordinal).First();
        await page.FillAsync("#filter-q", last.Id);
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('tr[data-advisory=\"{last.Id}\"]:not([hidden])').length === 1");
        Assert.False(await page.IsVisibleAsync("#pagination"));
        Assert.EndsWith($" of {BrowserFixture.RealAdvisories} advisories shown.", await page.TextContentAsync("#filter-status"), StringComparison.Ordinal);
        var found = page.Locator($"tr[data-advisory=\"{last.Id}\"] th a");
        Assert.Equal($"{last.Id}/index.html", await found.GetAttributeAsync("href"));
        Assert.Empty(probe.Complaints());
        await fixture.ScreenshotAsync(page, $"pypa-index-search-{width}");

        await page.FillAsync("#filter-q", "");
        Assert.True(await page.IsVisibleAsync("#pagination"));
        await page.ClickAsync("#pagination a:text('Older')");
        Assert.EndsWith("/page/2/index.html", page.Url, StringComparison.Ordinal);
        Assert.Equal("Advisories, page 2 of 3", await page.TextContentAsync("h1"));
    }

    [Fact]
    public async Task The_sample_pages_fit_a_phone()
    {
        var (probe, context) = await OpenAsync(390);
        await using var _ = context;
        foreach (var path in new[] { IndexPage.Path, AdvisoryPage.PathOf("TSSA-2025-1"), AdvisoryPage.PathOf("TSSA-2026-1"), PackageListPage.Path })
        {
            await VisitAsync(probe, fixture.Sample, path);
            await AssertFitsAsync(probe.Page, 390);
        }
        await fixture.ScreenshotAsync(probe.Page, "sample-packages-390");
        await VisitAsync(probe, fixture.Sample, AdvisoryPage.PathOf("TSSA-2025-1"));
        await fixture.ScreenshotAsync(probe.Page, "sample-advisory-390");
    }

    private async Task<(PageProbe Probe, IBrowserContext Context)> OpenAsync(int width)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 844 : 900 },
        });
        return (new PageProbe(await context.NewPageAsync()), context);
    }

    private async Task VisitAsync(PageProbe probe, SiteUnderTest site, string path)
    {
        var visit = await probe.VisitAsync(fixture.UrlOf(site, Transport.File, path), DomAudit.HtmlPage);
        visit.AssertNothingRan(SiteTour.Of(site).Single(s => s.Path == path).ExpectedTitle, fixture.IsLocal(Transport.File));
        Assert.InRange(visit.Title.Length, 1, PageLayout.MaxTitleLength);
    }

    /// <summary>Nothing makes the page scroll sideways, and no element of the main content sticks out of the window.</summary>
    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var overflow = await page.EvaluateAsync<string[]>("""
            () => {
              const width = document.documentElement.clientWidth;
              const problems = [];
              if (document.documentElement.scrollWidth > width) problems.push('page is ' + document.documentElement.scrollWidth + ' px wide');
              for (const el of document.querySelectorAll('main *')) {
                if (el.closest('.table-scroll, pre') && getComputedStyle(el.closest('.table-scroll, pre')).overflowX === 'auto') continue;
                const box = el.getBoundingClientRect();
                if (box.width > 0 && box.right > width + 1) problems.push(el.localName + (el.className ? '.' + el.className : '') + ' ends at ' + Math.round(box.right));
              }
              return problems.slice(0, 10);
            }
            """);
        Assert.True(overflow.Length == 0, $"wider than {width} px: " + string.Join(" | ", overflow));
    }
}
