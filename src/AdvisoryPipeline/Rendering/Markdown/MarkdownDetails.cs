using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Presentation;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Rendering.Markdown;

/// <summary>
/// The author's <c>details</c> Markdown, made fit to sit inside a generated page: its headings nest under
/// the page's own sections, raw HTML shows as the text it is instead of reaching the page, links to
/// anything but http, https and mailto keep only their text, and a code fence left open is closed so that
/// it cannot swallow the sections that follow. Everything else is the author's text, unchanged.
/// </summary>
public static class MarkdownDetails
{
    public static string Embed(string details, int minimumHeadingLevel)
    {
        var source = details.ReplaceLineEndings("\n");
        var document = GitHubMarkdown.Parse(source);
        var edits = new List<TextEdit>();

        var highestLevel = document.Descendants<HeadingBlock>().Select(h => h.Level).DefaultIfEmpty(minimumHeadingLevel).Min();
        var shift = Math.Max(0, minimumHeadingLevel - highestLevel);

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock heading:
                    Demote(heading, shift, source, edits);
                    break;
                case HtmlBlock html:
                    for (var i = html.Span.Start; i <= html.Span.End && i < source.Length; i++)
                        if (source[i] == '<') Replace(edits, i, 1, "&lt;");
                    break;
                case HtmlInline html:
                    Replace(edits, html.Span.Start, 1, "&lt;");
                    break;
                case AutolinkInline autolink when !LinkPolicy.Allows(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url):
                    Replace(edits, autolink.Span.Start, 1, "&lt;");
                    break;
                case LinkInline link when !link.IsAutoLink && !LinkPolicy.Allows(link.Url):
                    Unlink(link, edits);
                    break;
            }
        }

        var embedded = TextEdit.ApplyAll(source, edits).TrimEnd();
        if (document.LastChild is FencedCodeBlock { ClosingFencedCharCount: 0 } open)
            embedded += "\n" + new string(open.FencedChar, Math.Max(3, open.OpeningFencedCharCount));
        return embedded;
    }

    private static void Demote(HeadingBlock heading, int shift, string source, List<TextEdit> edits)
    {
        var level = Math.Min(6, heading.Level + shift);
        if (heading.Inline?.FirstChild is not { } first || heading.Inline.LastChild is not { } last)
        {
            Replace(edits, heading.Span.Start, heading.Span.Length, new string('#', level));
            return;
        }
        if (!heading.IsSetext)
        {
            if (shift == 0) return;
            var marks = source.IndexOf('#', heading.Span.Start);
            Replace(edits, marks, heading.Level, new string('#', level));
            return;
        }
        // A setext heading (text over === or ---) becomes ATX, the only form with levels beyond 2.
        Replace(edits, heading.Span.Start, first.Span.Start - heading.Span.Start, new string('#', level) + " ");
        foreach (var lineBreak in heading.Inline.OfType<LineBreakInline>())
            Replace(edits, lineBreak.Span.Start, lineBreak.Span.Length, " ");
        Remove(edits, last.Span.End + 1, heading.Span.End + 1);
    }

    private static void Unlink(LinkInline link, List<TextEdit> edits)
    {
        if (link.FirstChild is not { } first || link.LastChild is not { } last)
        {
            Remove(edits, link.Span.Start, link.Span.End + 1);
            return;
        }
        Remove(edits, link.Span.Start, first.Span.Start);
        Remove(edits, last.Span.End + 1, link.Span.End + 1);
    }

    private static void Replace(List<TextEdit> edits, int start, int length, string replacement) =>
        edits.Add(new TextEdit(start, start + length, replacement));

    private static void Remove(List<TextEdit> edits, int start, int endExclusive)
    {
        if (endExclusive > start) edits.Add(new TextEdit(start, endExclusive, ""));
    }
}
