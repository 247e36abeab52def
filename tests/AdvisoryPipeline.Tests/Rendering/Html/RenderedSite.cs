using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Html;
using AdvisoryPipeline.Tests.TestSupport;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace AdvisoryPipeline.Tests.Rendering.Html;

/// <summary>A site rendered in memory, with its pages parsed the way a browser parses them.</summary>
public sealed class RenderedSite
{
    private static readonly HtmlParser Parser = new();

    private RenderedSite(SiteRenderResult result) => Result = result;

    public SiteRenderResult Result { get; }

    public SiteContent Content => Result.Content ?? throw new InvalidOperationException(
        "Rendering failed: " + string.Join("; ", Result.Findings.Select(f => $"{f.Code} {f.Message}")));

    public static RenderedSite Of(IReadOnlyList<AdvisoryView> advisories, RenderSettings settings) =>
        new(HtmlSiteRenderer.Build(advisories, settings, ExampleDatabase.SiteNow, CanonicalOsvWriter.Write));

    public static RenderedSite Sample() => Of(ExampleDatabase.Views, ExampleDatabase.Settings);

    public static RenderedSite Hostile() => Of(HostileDatabase.Create(), HostileDatabase.Settings);

    public IEnumerable<string> HtmlPaths => Content.Files.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal));

    public IHtmlDocument Page(string path) => Parser.ParseDocument(Content.TextOf(path));
}
