using System.Net;
using System.Text.RegularExpressions;

namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>
/// The text of raw HTML found in Markdown details: comments and tags dropped, entities decoded. A plain-text
/// mail has no use for markup, and passing it through would only show tags to readers.
/// </summary>
internal static partial class RawHtmlText
{
    public static string Of(string html) =>
        WebUtility.HtmlDecode(Tag().Replace(Comment().Replace(html, " "), " "));

    [GeneratedRegex("<!--.*?(-->|$)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Comment();

    // Tags, declarations and processing instructions; a lone "<" (as in "a < b") is text and stays.
    [GeneratedRegex(@"<(/?[A-Za-z][^>]*|![^>]*|\?[^>]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
