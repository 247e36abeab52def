using System.Text;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// Builds one HTML document. Tag and attribute names come from our code; every text and attribute value
/// goes through <see cref="HtmlText"/>. Attributes whose value is null are left out.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new(8192);

    /// <summary>
    /// Markup our own code built and nothing else: the doctype, and the search index, whose JSON serializer
    /// escapes <c>&lt;</c> so that it cannot end its script element. Author text goes through <see cref="Text"/>.
    /// </summary>
    public HtmlWriter Raw(string trustedMarkup)
    {
        _html.Append(trustedMarkup);
        return this;
    }

    public HtmlWriter Markup(SanitizedHtml markup)
    {
        _html.Append(markup.Markup);
        return this;
    }

    public HtmlWriter Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null) continue;
            _html.Append(' ').Append(name).Append("=\"");
            HtmlText.Append(_html, value);
            _html.Append('"');
        }
        _html.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element whose whole content is one text.</summary>
    public HtmlWriter Element(string tag, string text, params ReadOnlySpan<(string Name, string? Value)> attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    public HtmlWriter Text(string text)
    {
        HtmlText.Append(_html, text);
        return this;
    }

    public HtmlWriter Line()
    {
        _html.Append('\n');
        return this;
    }

    public override string ToString() => _html.ToString();
}
