using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Markup;

/// <summary>
/// GitHub's bare URLs (<c>https://…</c>, <c>http://…</c>, <c>ftp://…</c>, <c>mailto:…</c>, <c>www.…</c>) become links,
/// as Markdig's <c>UseAutoLinks</c> does, in time linear in the text. Markdig's parser checks for a pending
/// <c>&lt;a&gt;</c> tag by walking back over every earlier inline of the paragraph, at every URL: 50,000 URLs in one
/// paragraph took over a minute. This parser stops that walk at the previous bare URL, whose own check already
/// covered everything before it. The URL grammar itself (trailing punctuation, parentheses, domains) is Markdig's
/// <see cref="LinkHelper"/>, so links are the same as before.
/// </summary>
public sealed class BareUrlParser : InlineParser
{
    // What may come right before a bare URL besides whitespace: emphasis and strikethrough openers and "(".
    private const string ValidPreviousCharacters = "*_~(";

    public BareUrlParser() => OpeningCharacters = ['h', 'f', 'm', 'w'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var previous = slice.PeekCharExtra(-1);
        if (!previous.IsWhiteSpaceOrZero() && !ValidPreviousCharacters.Contains(previous)) return false;

        var start = slice.Start;
        var first = slice.CurrentChar;
        int domainStart;
        if (first == 'h' && slice.MatchLowercase("ttp://", 1)) domainStart = 7;
        else if (first == 'h' && slice.MatchLowercase("ttps://", 1)) domainStart = 8;
        else if (first == 'f' && slice.MatchLowercase("tp://", 1)) domainStart = 6;
        else if (first == 'm' && slice.MatchLowercase("ailto:", 1)) domainStart = -1;
        else if (first == 'w' && slice.MatchLowercase("ww.", 1)) domainStart = 4;
        else return false;

        if (!CanLinkHere(processor, out var pendingEmphasis)) return false;

        var attempt = slice;
        if (!LinkHelper.TryParseUrl(ref attempt, out var url, out _, true) || url is null) return false;
        // An emphasis opened before the URL closes after it: "*see https://example.org*" links without the "*".
        var length = url.Length;
        while (length > 0 && pendingEmphasis.Contains(url[length - 1])) length--;
        url = url[..length];

        if (url.Length <= Math.Max(domainStart, 0)) return false;
        if (domainStart < 0)
        {
            var at = url.IndexOf('@');
            if (at <= "mailto:".Length) return false;
            domainStart = at + 1;
        }
        if (!LinkHelper.IsValidDomain(url, domainStart, false)) return false;

        var position = processor.GetSourcePosition(start, out var line, out var column);
        var link = new LinkInline
        {
            Span = new Markdig.Syntax.SourceSpan(position, position + url.Length - 1),
            Line = line,
            Column = column,
            Url = first == 'w' ? "http://" + url : url,
            IsClosed = true,
            IsAutoLink = true,
        };
        link.UrlSpan = link.Span;
        var shownFrom = first == 'm' ? "mailto:".Length : 0;
        link.AppendChild(new LiteralInline
        {
            Span = link.Span,
            Line = line,
            Column = column,
            Content = new StringSlice(slice.Text, start + shownFrom, start + url.Length - 1),
            IsClosed = true,
        });
        slice.Start = start + url.Length;
        processor.Inline = link;
        return true;
    }

    /// <summary>
    /// No bare URL inside a pending <c>&lt;a&gt;</c> tag or inside the brackets of what may become a Markdown link.
    /// The look back over earlier inlines stops at the previous bare URL: it was allowed, so nothing before it
    /// holds an unclosed <c>&lt;a&gt;</c>. The look up through the parents is bounded by the nesting limit.
    /// </summary>
    private static bool CanLinkHere(InlineProcessor processor, out string pendingEmphasis)
    {
        pendingEmphasis = "";
        for (var inline = processor.Inline; inline is not null; inline = inline.PreviousSibling ?? inline.Parent)
        {
            if (inline is LinkInline { IsAutoLink: true }) break;
            if (inline is HtmlInline html)
            {
                if (html.Tag.StartsWith("</a", StringComparison.OrdinalIgnoreCase)) break;
                if (html.Tag.StartsWith("<a", StringComparison.OrdinalIgnoreCase)) return false;
            }
        }
        var openBrackets = 0;
        for (var inline = processor.Inline; inline is not null; inline = inline.Parent)
        {
            if (inline is LinkDelimiterInline { IsActive: true } bracket)
                openBrackets += bracket.Type == DelimiterType.Open ? 1 : bracket.Type == DelimiterType.Close ? -1 : 0;
            else if (inline is EmphasisDelimiterInline emphasis && !pendingEmphasis.Contains(emphasis.DelimiterChar))
                pendingEmphasis += emphasis.DelimiterChar;
        }
        return openBrackets <= 0;
    }
}

/// <summary>Installs <see cref="BareUrlParser"/> first among the inline parsers, where Markdig's own autolinks would go.</summary>
public sealed class BareUrlExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<BareUrlParser>()) pipeline.InlineParsers.Insert(0, new BareUrlParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
