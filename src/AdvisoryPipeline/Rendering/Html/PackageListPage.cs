using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>All packages by ecosystem: the way to browse advisories by package without any script.</summary>
internal sealed class PackageListPage(PageLayout layout)
{
    public const string Path = "packages/index.html";

    public string Render(IReadOnlyList<SitePackage> packages)
    {
        var page = new SitePage(Path, layout.TitleOf("Packages"))
        {
            CanonicalPath = "packages/",
            Section = SiteSection.Packages,
        };
        return layout.Render(page, html =>
        {
            html.Element("h1", "Packages").Line();
            html.Element("p", "Every package named by an advisory, by ecosystem.", ("class", "lead")).Line();
            foreach (var ecosystem in packages.GroupBy(p => p.Ecosystem))
            {
                var headingId = "ecosystem-" + Presentation.SitePathSegment.Escape(ecosystem.Key);
                html.Open("section", ("aria-labelledby", headingId)).Line()
                    .Element("h2", ecosystem.Key, ("id", headingId)).Line()
                    .Open("ul", ("class", "package-list")).Line();
                foreach (var package in ecosystem)
                {
                    var count = package.Advisories.Count;
                    html.Open("li").Element("a", package.Name, ("href", page.Href(package.PagePath)))
                        .Text(" ").Element("span", count == 1 ? "1 advisory" : $"{count} advisories", ("class", "muted"))
                        .Close("li").Line();
                }
                html.Close("ul").Line().Close("section").Line();
            }
        });
    }
}
