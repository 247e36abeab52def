using Microsoft.Playwright;

namespace AdvisoryPipeline.Tests.Rendering.Html.Browser;

/// <summary>
/// The rendered sites in a real headless Chromium, from file:// and over HTTP: every page of the sample and
/// of the hostile database (and its feed) loads without running anything but our script, without a request
/// leaving the site, without a CSP violation, and alias pages land on their advisory.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SiteSafetyTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(Transport.File)]
    [InlineData(Transport.Http)]
    public async Task Every_page_of_the_sample_site_loads_cleanly(Transport transport) =>
        await TourAsync(fixture.Sample, transport, bypassCsp: false);

    [Theory]
    [InlineData(Transport.File)]
    [InlineData(Transport.Http)]
    public async Task No_payload_of_the_hostile_site_runs(Transport transport) =>
        await TourAsync(fixture.Hostile, transport, bypassCsp: false);

    /// <summary>The CSP is the second line: with it switched off, encoding alone must still stop every payload.</summary>
    [Fact]
    public async Task No_payload_runs_even_with_the_CSP_bypassed() =>
        await TourAsync(fixture.Hostile, Transport.File, bypassCsp: true);

    // Pages load in a few tabs at once: a tour of the hostile site is a few hundred page loads.
    private const int Tabs = 4;

    private async Task TourAsync(SiteUnderTest site, Transport transport, bool bypassCsp)
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = bypassCsp });
        var stops = SiteTour.Of(site);
        Assert.True(stops.Count > 10, $"the {site.Name} site has only {stops.Count} pages");
        await Task.WhenAll(Enumerable.Range(0, Tabs).Select(async tab =>
        {
            var probe = new PageProbe(await context.NewPageAsync());
            foreach (var stop in stops.Where((_, i) => i % Tabs == tab))
            {
                var target = stop.RedirectPath is null ? null : UrlOf(site, transport, stop.RedirectPath);
                var visit = await probe.VisitAsync(UrlOf(site, transport, stop.Path), DomAudit.HtmlPage, target);
                visit.AssertNothingRan(stop.ExpectedTitle, IsLocal(transport), target);
            }
            if (tab == 0)
            {
                var feed = await probe.VisitAsync(UrlOf(site, transport, SiteFeed), DomAudit.AtomFeed);
                feed.AssertNothingRan("", IsLocal(transport));
            }
        }));
    }

    private const string SiteFeed = "feed.xml";

    private string UrlOf(SiteUnderTest site, Transport transport, string path) => fixture.UrlOf(site, transport, path);

    private Func<Uri, bool> IsLocal(Transport transport) => fixture.IsLocal(transport);
}
