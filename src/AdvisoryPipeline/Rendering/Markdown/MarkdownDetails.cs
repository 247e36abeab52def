using AdvisoryPipeline.Editing;
using AdvisoryPipeline.Markup;
using AdvisoryPipeline.Presentation;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Rendering.Markdown;

/// <summary>
/// The author's <c>details</c> Markdown, made fit to sit inside a generated page, as the HTML site shows them: its
/// headings nest under the page's own sections without skipping a level (<see cref="HeadingOutline"/>), raw HTML
/// shows as the text it is instead of reaching the page (renderers other than GitHub's show tags live), links and
/// reference definitions to anything but http, https and mailto lose their target (<see cref="UnsafeMarkup"/>), and
/// a code fence left open is closed so that it cannot swallow the sections that follow. Everything else is the
/// author's text, unchanged. Details nested beyond <see cref="DetailsMarkdown.MaxNesting"/> become a code block.
/// </summary>
public static class MarkdownDetails
{
    public static string Embed(string details, int minimumHeadingLevel) =>
        Embed(DetailsMarkdown.Parse(ReadableText.CleanLines(details)), minimumHeadingLevel);

    public static string Embed(DetailsMarkdown details, int minimumHeadingLevel)
    {
        var source = details.Text;
        if (details.Document is not { } document) return AsCode(source);
        var edits = new List<TextEdit>();

        var headings = document.Descendants<HeadingBlock>().ToList();
        var levels = HeadingOutline.Levels([.. headings.Select(h => h.Level)], minimumHeadingLevel);
        for (var i = 0; i < headings.Count; i++) SetLevel(headings[i], levels[i], source, edits);

        foreach (var unsafeNode in UnsafeMarkup.Find(document))
        {
            switch (unsafeNode.Node)
            {
                case HtmlBlock html:
                    for (var i = html.Span.Start; i <= html.Span.End && i < source.Length; i++)
                        if (source[i] == '<') Replace(edits, i, 1, "&lt;");
                    break;
                case HtmlInline html:
                    Replace(edits, html.Span.Start, 1, "&lt;");
                    break;
                case AutolinkInline autolink:
                    Replace(edits, autolink.Span.Start, 1, "&lt;");
                    break;
                case LinkInline link:
                    Unlink(link, edits);
                    break;
                case LinkReferenceDefinition definition:
                    // The definition shows nothing; the links that use it lost their target above.
                    Remove(edits, definition.Span.Start, Math.Min(source.Length, definition.Span.End + 1));
                    break;
            }
        }

        var embedded = TextEdit.ApplyAll(source, edits).TrimEnd();
        if (document.LastChild is FencedCodeBlock { ClosingFencedCharCount: 0 } open)
            embedded += "\n" + new string(open.FencedChar, Math.Max(3, open.OpeningFencedCharCount));
        return embedded;
    }

    /// <summary>Text no Markdown reader can take apart, shown as written: a code block with a fence longer than any run of backticks in it.</summary>
    private static string AsCode(string text)
    {
        var longest = 0;
        for (int i = 0, run = 0; i < text.Length; i++)
        {
            run = text[i] == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}text\n{text.TrimEnd()}\n{fence}";
    }

    private static void SetLevel(HeadingBlock heading, int level, string source, List<TextEdit> edits)
    {
        if (heading.Inline?.FirstChild is not { } first || heading.Inline.LastChild is not { } last)
        {
            Replace(edits, heading.Span.Start, heading.Span.Length, new string('#', level));
            return;
        }
        if (!heading.IsSetext)
        {
            if (level == heading.Level) return;
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
