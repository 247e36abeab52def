using System.Text;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Markup;

/// <summary>
/// The words of Markdown inlines without their markup: emphasis and code lose their marks, links keep their text,
/// entities are decoded, raw HTML tags are dropped, line breaks become spaces. For one-line texts such as a
/// summary taken from the details.
/// </summary>
public static class InlineText
{
    public static string Of(ContainerInline? inlines)
    {
        var text = new StringBuilder();
        if (inlines is not null) AppendChildren(text, inlines);
        return text.ToString();
    }

    private static void Append(StringBuilder text, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case HtmlInline or TaskList:
                break;
            case DelimiterInline delimiter:
                // An unclosed bracket or emphasis mark is text.
                text.Append(delimiter.ToLiteral());
                AppendChildren(text, delimiter);
                break;
            case ContainerInline container:
                AppendChildren(text, container);
                break;
        }
    }

    private static void AppendChildren(StringBuilder text, ContainerInline container)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling) Append(text, child);
    }
}
