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
    /// A package page, e.g. <c>packages/PyPI/tessera-py/</c> or <c>packages/npm/~40tessera~2Fclient/</c>:
    /// ecosystem and name are one <see cref="SitePathSegment"/> each, so no name can leave the site's folder.
    /// </summary>
    public static string PackagePagePath(string ecosystem, string name) =>
        $"packages/{SitePathSegment.Escape(ecosystem)}/{SitePathSegment.Escape(name)}/";

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
