namespace AdvisoryPipeline.Presentation;

/// <summary>
/// Where each published artefact lives, relative to the site root, and absolute when the database config
/// gives a site URL. One place, so that pages, feeds and mails never disagree on a URL.
/// </summary>
public sealed class SiteLinks(Uri? siteUrl)
{
    public Uri? SiteUrl { get; } = siteUrl is null ? null : EnsureTrailingSlash(siteUrl);

    /// <summary>The advisory's page folder, e.g. <c>TSSA-2026-1/</c> (its <c>index.html</c> is served there).</summary>
    public static string AdvisoryPagePath(string id) => $"{id}/";

    /// <summary>The record's canonical OSV JSON, e.g. <c>osv/TSSA-2026-1.json</c>.</summary>
    public static string OsvJsonPath(string id) => $"osv/{id}.json";

    /// <summary>
    /// A package page, readable as the name is: <c>packages/PyPI/jinja2/</c>, <c>packages/Go/github.com/org/mod/</c>,
    /// <c>packages/npm/~40tessera/client/</c>, and for a repository <c>packages/GIT/github.com/org/repo/</c>. The
    /// ecosystem is one <see cref="SitePathSegment"/>, the name one per <c>/</c>-separated part
    /// (<see cref="SitePathSegment.EscapePath"/>), so no name can leave the site's folder.
    /// </summary>
    public static string PackagePagePath(string ecosystem, string name) =>
        $"packages/{SitePathSegment.Escape(ecosystem)}/{SitePathSegment.EscapePath(name)}/";

    /// <summary>
    /// The page of a package whose readable path another package already takes (names that differ only in letter
    /// case, or <c>https://host/x</c> beside <c>host/x</c>): one segment, the whole name escaped and hashed, which no
    /// readable path can be.
    /// </summary>
    public static string DistinctPackagePagePath(string ecosystem, string name) =>
        $"packages/{SitePathSegment.Escape(ecosystem)}/{SitePathSegment.Hashed(name)}/";

    public const string FeedPath = "feed.xml";

    /// <summary>The security policy page's folder.</summary>
    public const string PolicyPagePath = "security/";

    /// <summary>The security team's OpenPGP public key, published beside the policy page.</summary>
    public const string PolicyKeyPath = "security/openpgp-key.asc";

    /// <summary>RFC 9116's location; the one file of the site in a folder whose name starts with a dot.</summary>
    public const string SecurityTxtPath = ".well-known/security.txt";

    public string? Absolute(string relativePath) => SiteUrl is null ? null : new Uri(SiteUrl, relativePath).AbsoluteUri;

    private static Uri EnsureTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
