using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Policy;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>The outcome of rendering: the files (null when an error prevented it) and what was found on the way.</summary>
public sealed record SiteRenderResult(SiteContent? Content, IReadOnlyList<Finding> Findings)
{
    public bool Succeeded => Content is not null;
}

/// <summary>
/// Renders the static HTML site of a database: the advisory list (<c>index.html</c>, then <c>page/2/index.html</c>,
/// …) and its search index (<c>search-index.js</c>), one page per advisory (<c>ID/index.html</c>), its OSV JSON
/// (<c>osv/ID.json</c>), one page per package, redirect pages for aliases, the Atom feed (<c>feed.xml</c>), the assets
/// and, with a policy, the policy page (<c>security/</c>), the team's public key and <c>.well-known/security.txt</c>.
/// Input is the already filtered list (no
/// embargoed records). Output depends only on the input (same input, same bytes).
/// <para>
/// Findings use the advisory ID as their location's file, and a JSON pointer into the record:
/// <c>SITE001</c> (error) an ID that cannot be a folder of the site or collides with another;
/// <c>SITE002</c> (warning) an alias claimed by several advisories; <c>SITE003</c> (warning) an alias that
/// cannot be a folder name; <c>SITE004</c> (error, located at database.yaml) a site URL that is not http(s).
/// With any error nothing is rendered.
/// </para>
/// </summary>
public static class HtmlSiteRenderer
{
    /// <summary>Renders the site in memory.</summary>
    /// <param name="now">The moment the feed's "last 8 days" window ends: an input, so that output is reproducible.</param>
    /// <param name="osvJson">The canonical OSV JSON bytes of a record, written to <c>osv/ID.json</c>.</param>
    public static SiteRenderResult Build(IReadOnlyList<AdvisoryView> advisories, RenderSettings settings, DateTimeOffset now, Func<OsvRecord, byte[]> osvJson)
    {
        var findings = new List<Finding>();
        if (settings.SiteUrl is { } siteUrl && !(siteUrl.IsAbsoluteUri && (siteUrl.Scheme == Uri.UriSchemeHttps || siteUrl.Scheme == Uri.UriSchemeHttp)))
            findings.Add(new Finding("SITE004", FindingLevel.Error, $"The site URL '{ReadableText.Clean(siteUrl.OriginalString)}' is not an absolute http or https URL.",
                SourceLocation.WholeFile(DatabaseFiles.ConfigFile), "Set site_url to the address the site is served from, e.g. https://security.example.org/."));
        CheckIds(advisories, findings);
        if (findings.Any(f => f.IsError)) return new SiteRenderResult(null, findings);

        var newestFirst = SiteOrder.NewestFirst(advisories);
        var byId = newestFirst.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var aliases = AliasPlan.For(byId, findings);
        var packages = PackageCatalog.Of(newestFirst);
        var layout = new PageLayout(settings, new SiteLinks(settings.SiteUrl));
        var content = new SiteContent();

        foreach (var (path, bytes) in SiteAssets.All()) content.Add(path, bytes);
        foreach (var (path, html) in new IndexPage(layout, packages).RenderAll(newestFirst)) content.AddText(path, html);
        if (newestFirst.Count > 0) content.Add(SearchIndex.Path, SearchIndex.Script(newestFirst, packages));
        var advisoryPage = new AdvisoryPage(layout, packages, new DetailsRenderer(), byId.Select(a => a.Id).ToHashSet(StringComparer.Ordinal));
        foreach (var advisory in byId)
        {
            content.AddText(AdvisoryPage.PathOf(advisory.Id), advisoryPage.Render(advisory));
            content.Add(SiteLinks.OsvJsonPath(advisory.Id), osvJson(advisory.Record));
        }
        var packagePage = new PackagePage(layout);
        foreach (var package in packages.Packages) content.AddText(PackagePage.PathOf(package), packagePage.Render(package));
        content.AddText(PackageListPage.Path, new PackageListPage(layout).Render(packages.Packages));
        var aliasPage = new AliasRedirectPage(layout);
        foreach (var alias in aliases) content.AddText(AliasRedirectPage.PathOf(alias.Alias), aliasPage.Render(alias));
        content.Add(SiteLinks.FeedPath, AtomFeedWriter.Write(newestFirst, settings, now, SiteAssets.FeedStylesheetPath));
        if (settings.Policy is { } policy)
        {
            content.AddText(PolicyPage.Path, new PolicyPage(layout, new DetailsRenderer()).Render(PolicyDocument.For(settings)));
            content.AddText(SiteLinks.SecurityTxtPath, SecurityTxt.Write(settings, now));
            if (policy.Key is { } key) content.Add(SiteLinks.PolicyKeyPath, key.Armored());
        }
        return new SiteRenderResult(content, findings);
    }

    private static void CheckIds(IReadOnlyList<AdvisoryView> advisories, List<Finding> findings)
    {
        var seen = new Dictionary<string, string>(SiteFolderNames.Comparer);
        foreach (var advisory in advisories)
        {
            var shown = ReadableText.Clean(advisory.Id);
            if (!SiteFolderNames.IsUsable(advisory.Id))
                findings.Add(new Finding("SITE001", FindingLevel.Error,
                    $"Advisory ID '{shown}' cannot name a folder of the site.", SourceLocation.WholeFile(shown),
                    "IDs are letters, digits, '.', '_' and '-', start with a letter or digit, and are not assets, osv, packages, page or security.", "/id"));
            else if (!seen.TryAdd(advisory.Id, advisory.Id))
                findings.Add(new Finding("SITE001", FindingLevel.Error,
                    $"Advisory ID '{shown}' is used twice (or differs from {seen[advisory.Id]} only in letter case).",
                    SourceLocation.WholeFile(shown), "Each advisory needs its own ID.", "/id"));
        }
    }
}
