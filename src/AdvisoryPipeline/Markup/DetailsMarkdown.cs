using Markdig.Syntax;

namespace AdvisoryPipeline.Markup;

/// <summary>
/// An advisory's <c>details</c> parsed as <see cref="GitHubMarkdown"/>, within the one limit every output needs:
/// at most <see cref="MaxNesting"/> levels of nesting (see <see cref="MarkdownNesting"/>). Real details nest a few
/// levels; hundreds of <c>&gt; </c>, <c>[</c> or list markers make Markdig refuse the text (it throws past 128
/// levels) and would make every recursive walk over it deep. Text beyond the limit has no
/// <see cref="Document"/>: validation reports it (OSV809) and renderers show it as plain text.
/// </summary>
public sealed class DetailsMarkdown
{
    /// <summary>The deepest nesting accepted: well above real advisories, well below Markdig's own limit.</summary>
    public const int MaxNesting = 32;

    private readonly Lazy<int> _tooDeepAt;

    private DetailsMarkdown(string text, MarkdownDocument? document, Func<int> tooDeepAt)
    {
        Text = text;
        Document = document;
        _tooDeepAt = new Lazy<int>(tooDeepAt);
    }

    /// <summary>The text that was parsed; every span of <see cref="Document"/> is an offset into it.</summary>
    public string Text { get; }

    /// <summary>The syntax tree, or null when the text nests deeper than <see cref="MaxNesting"/>.</summary>
    public MarkdownDocument? Document { get; }

    public bool IsTooDeep => Document is null;

    /// <summary>
    /// When <see cref="IsTooDeep"/>, the offset in <see cref="Text"/> where the nesting first goes beyond the limit
    /// (the start of its line when Markdig itself refused the text); otherwise -1.
    /// </summary>
    public int TooDeepAt => IsTooDeep ? _tooDeepAt.Value : -1;

    public static DetailsMarkdown Parse(string text)
    {
        var (document, beyond) = TryParse(text);
        if (document is not null && beyond is null) return new DetailsMarkdown(text, document, () => -1);
        if (beyond is not null)
        {
            var offset = Math.Clamp(beyond.Span.Start, 0, text.Length);
            return new DetailsMarkdown(text, null, () => offset);
        }
        return new DetailsMarkdown(text, null, () => FirstTooDeepLine(text));
    }

    /// <summary>The document and its first node beyond the limit; no document when Markdig refused the text.</summary>
    private static (MarkdownDocument? Document, MarkdownObject? Beyond) TryParse(string text)
    {
        try
        {
            var document = GitHubMarkdown.Parse(text);
            return (document, MarkdownNesting.FirstBeyond(document, MaxNesting));
        }
        catch (ArgumentException)
        {
            // "Markdown elements in the input are too deeply nested": Markdig's own limit, past ours.
            return (null, null);
        }
    }

    /// <summary>
    /// The start of the first line whose text, read up to its end, is too deep: a binary search over the lines
    /// (adding lines only deepens a document), so at most a few dozen parses, and only for text that is refused.
    /// </summary>
    private static int FirstTooDeepLine(string text)
    {
        var lineEnds = new List<int>();
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) lineEnds.Add(i + 1);
        if (lineEnds.Count == 0 || lineEnds[^1] != text.Length) lineEnds.Add(text.Length);
        int low = 0, high = lineEnds.Count - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            var (document, beyond) = TryParse(text[..lineEnds[middle]]);
            if (document is null || beyond is not null) high = middle;
            else low = middle + 1;
        }
        return low == 0 ? 0 : lineEnds[low - 1];
    }
}
