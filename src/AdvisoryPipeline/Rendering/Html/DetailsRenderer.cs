using Ganss.Xss;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// Renders an advisory's <c>details</c> Markdown into HTML that is safe to embed. Three layers: Markdig
/// with raw HTML disabled (author HTML is shown as text); a pass over the syntax tree that keeps only
/// http/https/mailto links and turns images into links (an image would be a request to another origin,
/// which the site's CSP blocks anyway); and HtmlSanitizer over the result, in case a Markdig extension
/// ever emits something the first two did not foresee.
/// </summary>
public sealed class DetailsRenderer
{
    internal const string ExternalLinkRel = "noopener noreferrer nofollow";

    // The details sit under the page's h2 "Details": author headings start at h3.
    private const int HeadingOffset = 2;

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public SanitizedHtml Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return new SanitizedHtml("");
        var document = Markdown.Parse(ReadableText.Clean(markdown), _pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
            heading.Level = Math.Min(6, heading.Level + HeadingOffset);
        foreach (var link in document.Descendants<LinkInline>().ToList())
            RewriteLink(link);
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
            RewriteAutolink(autolink);
        var html = document.ToHtml(_pipeline);
        return new SanitizedHtml(_sanitizer.Sanitize(html).Trim());
    }

    private static void RewriteLink(LinkInline link)
    {
        if (!SafeUrl.TryNormalize(link.GetDynamicUrl?.Invoke() ?? link.Url, out var url))
        {
            ReplaceByContent(link);
            return;
        }
        link.Url = url;
        link.GetDynamicUrl = null;
        if (link.IsImage)
        {
            // Keep the alt text as the link's text; an image without alt text is named by its URL.
            link.IsImage = false;
            if (link.FirstChild is null) link.AppendChild(new LiteralInline(url));
        }
        link.GetAttributes().AddProperty("rel", ExternalLinkRel);
    }

    private static void RewriteAutolink(AutolinkInline autolink)
    {
        var target = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
        if (!SafeUrl.TryNormalize(target, out var url))
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
            return;
        }
        var link = new LinkInline(url, "");
        link.AppendChild(new LiteralInline(autolink.Url));
        link.GetAttributes().AddProperty("rel", ExternalLinkRel);
        autolink.ReplaceBy(link);
    }

    /// <summary>A refused link shows its text (an image its alt text), no longer clickable.</summary>
    private static void ReplaceByContent(LinkInline link)
    {
        var children = new List<Inline>();
        for (var child = link.FirstChild; child is not null; child = child.NextSibling)
            children.Add(child);
        var anchor = (Inline)link;
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }
        link.Remove();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        // No inline styles (the CSP refuses them: Markdig writes table alignment as style), no ids or
        // names (author markup must not clobber the page's own element ids), no images.
        sanitizer.AllowedAttributes.ExceptWith(["style", "id", "name"]);
        sanitizer.AllowedTags.ExceptWith(["img", "picture", "source", "video", "audio", "form", "input", "button", "select", "textarea"]);
        sanitizer.AllowedAttributes.Add("rel");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowDataAttributes = false;
        return sanitizer;
    }
}
