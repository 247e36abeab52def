using System.Text;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// Encodes author text for HTML element content and for double-quoted attribute values (the only kind
/// <see cref="HtmlWriter"/> writes). Encoding <c>&amp; &lt; &gt; "</c> is enough in both places; every other
/// character is written as itself (UTF-8 pages), so names like "Diego Castaño" stay readable in the source.
/// </summary>
public static class HtmlText
{
    public static void Append(StringBuilder html, string text)
    {
        foreach (var c in ReadableText.Clean(text))
        {
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                default: html.Append(c); break;
            }
        }
    }

    public static string Encode(string text)
    {
        var html = new StringBuilder(text.Length + 16);
        Append(html, text);
        return html.ToString();
    }
}
