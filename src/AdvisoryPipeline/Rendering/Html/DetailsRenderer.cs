using System.Globalization;
using System.Text;
using AdvisoryPipeline.Markup;
using AdvisoryPipeline.Presentation;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// Renders an advisory's <c>details</c> (parsed by <see cref="DetailsMarkdown"/>) into HTML that is safe to embed,
/// by construction: it writes only an allowlist of elements (paragraphs, headings, lists, quotes, code, tables,
/// emphasis, line breaks and links), never an attribute but <c>href</c>, <c>rel</c>, <c>title</c>, <c>start</c> and
/// a code block's language class, every text through <see cref="HtmlText"/>, and links only to URLs
/// <see cref="SafeUrl"/> accepts (http, https, mailto). Raw HTML in the Markdown is shown as the text it is; images
/// become links (an image would be a request to another origin, which the site's CSP blocks anyway); headings are
/// placed under the page's "Details" heading without skipping a level (<see cref="HeadingOutline"/>).
/// <para>
/// Time and memory are linear in the text: there is no second parse of the HTML (HtmlSanitizer's DOM made a
/// 100,000-row table take over a minute). Details nested beyond <see cref="DetailsMarkdown.MaxNesting"/> are shown
/// as preformatted text, so recursion here is bounded.
/// </para>
/// </summary>
public sealed class DetailsRenderer
{
    internal const string ExternalLinkRel = "noopener noreferrer nofollow";

    /// <summary>The details sit under the page's h2 "Details": author headings start at h3.</summary>
    private const int TopHeadingLevel = 3;

    public SanitizedHtml Render(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? new SanitizedHtml("") : Render(DetailsMarkdown.Parse(ReadableText.CleanLines(markdown)));

    public SanitizedHtml Render(DetailsMarkdown? details)
    {
        if (details is null || string.IsNullOrWhiteSpace(details.Text)) return new SanitizedHtml("");
        var html = new StringBuilder(details.Text.Length * 5 / 4 + 64);
        if (details.Document is not { } document)
        {
            // Beyond the nesting limit (validation refuses it): the text as written, readable and inert.
            html.Append("<pre class=\"details-text\">");
            HtmlText.Append(html, details.Text);
            html.Append("</pre>");
            return new SanitizedHtml(html.ToString());
        }
        var writer = new Writer(html, HeadingLevels(document));
        writer.Blocks(document);
        return new SanitizedHtml(html.ToString().Trim());
    }

    private static Dictionary<HeadingBlock, int> HeadingLevels(MarkdownDocument document)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        var levels = HeadingOutline.Levels([.. headings.Select(h => h.Level)], TopHeadingLevel);
        var byHeading = new Dictionary<HeadingBlock, int>(headings.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < headings.Count; i++) byHeading[headings[i]] = levels[i];
        return byHeading;
    }

    private sealed class Writer(StringBuilder html, IReadOnlyDictionary<HeadingBlock, int> headingLevels)
    {
        public void Blocks(ContainerBlock container, bool tight = false)
        {
            foreach (var block in container) Block(block, tight);
        }

        private void Block(Block block, bool tight)
        {
            switch (block)
            {
                case ParagraphBlock paragraph when tight:
                    Inlines(paragraph.Inline);
                    html.Append('\n');
                    break;
                case ParagraphBlock paragraph:
                    html.Append("<p>");
                    Inlines(paragraph.Inline);
                    html.Append("</p>\n");
                    break;
                case HeadingBlock heading:
                    var level = headingLevels.TryGetValue(heading, out var shifted) ? shifted : TopHeadingLevel;
                    html.Append("<h").Append(level).Append('>');
                    Inlines(heading.Inline);
                    html.Append("</h").Append(level).Append(">\n");
                    break;
                case ThematicBreakBlock:
                    html.Append("<hr>\n");
                    break;
                case QuoteBlock quote:
                    html.Append("<blockquote>\n");
                    Blocks(quote);
                    html.Append("</blockquote>\n");
                    break;
                case ListBlock list:
                    List(list);
                    break;
                case FencedCodeBlock fenced:
                    Code(fenced, fenced.Info);
                    break;
                case CodeBlock code:
                    Code(code, null);
                    break;
                case HtmlBlock raw:
                    // Raw HTML is shown as the text it is, line breaks kept.
                    html.Append("<p>");
                    AppendLines(raw, "<br>\n");
                    html.Append("</p>\n");
                    break;
                case Table table:
                    Table(table);
                    break;
                case LinkReferenceDefinitionGroup or LinkReferenceDefinition or BlankLineBlock:
                    break;
                case ContainerBlock container:
                    Blocks(container, tight);
                    break;
                case LeafBlock leaf:
                    html.Append("<p>");
                    if (leaf.Inline is not null) Inlines(leaf.Inline);
                    else AppendLines(leaf, "\n");
                    html.Append("</p>\n");
                    break;
            }
        }

        private void List(ListBlock list)
        {
            if (list.IsOrdered)
            {
                html.Append("<ol");
                if (int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) && start != 1)
                    html.Append(" start=\"").Append(start.ToString(CultureInfo.InvariantCulture)).Append('"');
                html.Append(">\n");
            }
            else
            {
                html.Append("<ul>\n");
            }
            foreach (var item in list.OfType<ListItemBlock>())
            {
                html.Append("<li>");
                if (list.IsLoose) html.Append('\n');
                Blocks(item, tight: !list.IsLoose);
                if (!list.IsLoose) TrimNewline();
                html.Append("</li>\n");
            }
            html.Append(list.IsOrdered ? "</ol>\n" : "</ul>\n");
        }

        private void Code(LeafBlock code, string? info)
        {
            html.Append("<pre><code");
            var language = LanguageOf(info);
            if (language.Length > 0) html.Append(" class=\"language-").Append(language).Append('"');
            html.Append('>');
            AppendLines(code, "\n");
            if (code.Lines.Count > 0) html.Append('\n');
            html.Append("</code></pre>\n");
        }

        /// <summary>The first word of a fence's info string, if it is a plain language name.</summary>
        private static string LanguageOf(string? info)
        {
            var word = (info ?? "").Split(' ', 2)[0];
            return word.Length is > 0 and <= 32 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '#' or '.')
                ? word
                : "";
        }

        private void Table(Table table)
        {
            html.Append("<table>\n");
            var inBody = false;
            foreach (var row in table.OfType<TableRow>())
            {
                if (row.IsHeader) html.Append("<thead>\n");
                else if (!inBody)
                {
                    html.Append("<tbody>\n");
                    inBody = true;
                }
                html.Append("<tr>\n");
                var cell = row.IsHeader ? "th" : "td";
                foreach (var tableCell in row.OfType<TableCell>())
                {
                    html.Append('<').Append(cell).Append('>');
                    Blocks(tableCell, tight: true);
                    TrimNewline();
                    html.Append("</").Append(cell).Append(">\n");
                }
                html.Append("</tr>\n");
                if (row.IsHeader) html.Append("</thead>\n");
            }
            if (inBody) html.Append("</tbody>\n");
            html.Append("</table>\n");
        }

        private void Inlines(ContainerInline? container)
        {
            for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling) Inline(inline);
        }

        private void Inline(Inline inline)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    HtmlText.Append(html, literal.Content.ToString());
                    break;
                case CodeInline code:
                    html.Append("<code>");
                    HtmlText.Append(html, code.Content);
                    html.Append("</code>");
                    break;
                case EmphasisInline emphasis:
                    var tag = emphasis.DelimiterChar == '~' ? "del" : emphasis.DelimiterCount >= 2 ? "strong" : "em";
                    html.Append('<').Append(tag).Append('>');
                    Inlines(emphasis);
                    html.Append("</").Append(tag).Append('>');
                    break;
                case LinkInline link:
                    Link(link);
                    break;
                case AutolinkInline autolink:
                    var target = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
                    if (SafeUrl.TryNormalize(target, out var url)) Anchor(url, null, () => HtmlText.Append(html, autolink.Url));
                    else HtmlText.Append(html, autolink.Url);
                    break;
                case LineBreakInline lineBreak:
                    html.Append(lineBreak.IsHard ? "<br>\n" : "\n");
                    break;
                case HtmlEntityInline entity:
                    HtmlText.Append(html, entity.Transcoded.ToString());
                    break;
                case HtmlInline raw:
                    HtmlText.Append(html, raw.Tag);
                    break;
                case TaskList task:
                    html.Append(task.Checked ? "[x] " : "[ ] ");
                    break;
                case DelimiterInline delimiter:
                    // An unclosed bracket or emphasis mark is text.
                    HtmlText.Append(html, delimiter.ToLiteral());
                    Inlines(delimiter);
                    break;
                case ContainerInline container:
                    Inlines(container);
                    break;
            }
        }

        /// <summary>A link if its URL is allowed; otherwise its text (an image its alt text), no longer clickable.</summary>
        private void Link(LinkInline link)
        {
            if (!SafeUrl.TryNormalize(link.GetDynamicUrl?.Invoke() ?? link.Url, out var url))
            {
                Inlines(link);
                return;
            }
            // An image becomes a link named by its alt text, or by its URL when it has none.
            if (link.IsImage && link.FirstChild is null) Anchor(url, link.Title, () => HtmlText.Append(html, url));
            else Anchor(url, link.Title, () => Inlines(link));
        }

        private void Anchor(string href, string? title, Action content)
        {
            html.Append("<a href=\"");
            HtmlText.Append(html, href);
            html.Append('"');
            if (!string.IsNullOrEmpty(title))
            {
                html.Append(" title=\"");
                HtmlText.Append(html, title);
                html.Append('"');
            }
            html.Append(" rel=\"").Append(ExternalLinkRel).Append("\">");
            content();
            html.Append("</a>");
        }

        private void AppendLines(LeafBlock block, string separator)
        {
            var lines = block.Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                if (i > 0) html.Append(separator);
                HtmlText.Append(html, lines.Lines[i].Slice.ToString());
            }
        }

        private void TrimNewline()
        {
            if (html.Length > 0 && html[^1] == '\n') html.Length--;
        }
    }
}
