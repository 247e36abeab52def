using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Markup;

/// <summary>What in author Markdown must not reach a reader as written.</summary>
public enum UnsafeKind
{
    /// <summary>An HTML block or tag: GitHub drops some tags, other renderers show all of them live.</summary>
    RawHtml,

    /// <summary>A link, image or <c>&lt;…&gt;</c> autolink to anything but http, https or mailto.</summary>
    UnsafeLink,

    /// <summary>A reference definition (<c>[x]: javascript:…</c>) to anything but http, https or mailto.</summary>
    UnsafeDefinition,
}

/// <summary>One piece of unsafe markup: the node, its kind, and the link target it names (for links).</summary>
public sealed record UnsafeMarkupNode(MarkdownObject Node, UnsafeKind Kind, string? Target);

/// <summary>
/// Finds the raw HTML and the links to schemes other than http, https and mailto in parsed details, including
/// reference definitions and the links that use them. Bare URLs are left alone: they can only be http, https,
/// ftp, mailto or www, and renderers link only the allowed ones. Validation warns about each (OSV810); the
/// Markdown pages neutralise each, as the HTML site does.
/// </summary>
public static class UnsafeMarkup
{
    public static IReadOnlyList<UnsafeMarkupNode> Find(MarkdownDocument document)
    {
        var found = new List<UnsafeMarkupNode>();
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock or HtmlInline:
                    found.Add(new UnsafeMarkupNode(node, UnsafeKind.RawHtml, null));
                    break;
                case LinkReferenceDefinition definition when !LinkTargets.IsAllowed(definition.Url):
                    found.Add(new UnsafeMarkupNode(node, UnsafeKind.UnsafeDefinition, definition.Url));
                    break;
                case AutolinkInline autolink when !LinkTargets.IsAllowed(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url):
                    found.Add(new UnsafeMarkupNode(node, UnsafeKind.UnsafeLink, autolink.Url));
                    break;
                case LinkInline { IsAutoLink: false } link when !LinkTargets.IsAllowed(link.Url):
                    found.Add(new UnsafeMarkupNode(node, UnsafeKind.UnsafeLink, link.Url));
                    break;
            }
        }
        return found;
    }
}
