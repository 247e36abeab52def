namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// One page of the site: where it is written, its title, and what its head needs. Links from the page are
/// relative (<c>../</c> up to the root) and name <c>index.html</c> explicitly, because a site opened from
/// <c>file://</c> has no directory index.
/// </summary>
internal sealed record SitePage(string Path, string Title)
{
    /// <summary>The page's own site path for its canonical link (<c>TSSA-2026-1/</c>), or null for none.</summary>
    public string? CanonicalPath { get; init; }

    /// <summary>Whether the page loads the site's script (only the index filters).</summary>
    public bool WithScript { get; init; }

    /// <summary>A site path to send the reader to at once (alias pages).</summary>
    public string? RedirectTo { get; init; }

    public bool NoIndex { get; init; }

    /// <summary>The section of the site the page belongs to, marked as current in the navigation.</summary>
    public SiteSection Section { get; init; }

    /// <summary>The way back to the site's root from this page: "", "../", "../../../".</summary>
    public string Root => string.Concat(Enumerable.Repeat("../", Path.Count(c => c == '/')));

    /// <summary>A relative link from this page to a site path; folder paths get their <c>index.html</c>.</summary>
    public string Href(string sitePath) =>
        Root + (sitePath.Length == 0 || sitePath.EndsWith('/') ? sitePath + "index.html" : sitePath);
}

internal enum SiteSection { None, Advisories, Packages, Policy }
