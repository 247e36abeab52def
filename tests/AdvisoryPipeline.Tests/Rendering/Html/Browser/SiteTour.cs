using AngleSharp.Html.Parser;

namespace AdvisoryPipeline.Tests.Rendering.Html.Browser;

/// <summary>One stop of a tour through a site: a page, the title it must end with, and where it redirects.</summary>
internal sealed record TourStop(string Path, string ExpectedTitle, string? RedirectPath);

/// <summary>
/// Every HTML page of a rendered site, with what a browser must show for it, derived from the files
/// themselves: the title as an HTML parser reads it, and for alias pages the target of their meta refresh
/// (whose title the browser ends on: one hop, no loop, since advisory pages never redirect).
/// </summary>
internal static class SiteTour
{
    private static readonly HtmlParser Parser = new();

    public static IReadOnlyList<TourStop> Of(SiteUnderTest site) => [.. site.HtmlPages.Select(path => StopAt(site, path))];

    private static TourStop StopAt(SiteUnderTest site, string path)
    {
        var document = Parser.ParseDocument(site.Content.TextOf(path));
        var refresh = document.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content");
        if (refresh is null) return new TourStop(path, document.Title ?? "", null);
        var target = new Uri(new Uri(new Uri("http://site.invalid/"), path), refresh[(refresh.IndexOf("url=", StringComparison.Ordinal) + 4)..])
            .AbsolutePath.TrimStart('/');
        var targetTitle = Parser.ParseDocument(site.Content.TextOf(target)).Title ?? "";
        Assert.Null(Parser.ParseDocument(site.Content.TextOf(target)).QuerySelector("meta[http-equiv=refresh]"));
        return new TourStop(path, targetTitle, target);
    }
}
