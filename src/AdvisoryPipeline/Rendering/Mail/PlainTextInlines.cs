using System.Text;
using AdvisoryPipeline.Presentation;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Rendering.Mail;

/// <summary>
/// Markdown inlines as plain text: emphasis as <c>*strong*</c> and <c>_emphasis_</c>, code in backticks,
/// links as <c>text &lt;URL&gt;</c> (only http, https and mailto; others keep their text), raw HTML dropped
/// with its text kept. Hard line breaks come out as <c>\n</c>, soft ones as spaces.
/// </summary>
internal static class PlainTextInlines
{
    public static string Render(ContainerInline? container)
    {
        var text = new StringBuilder();
        if (container is not null) Append(text, container);
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
                var fence = code.Content.Contains('`') ? "``" : "`";
                text.Append(fence).Append(code.Content).Append(fence);
                break;
            case EmphasisInline emphasis:
                var mark = emphasis.DelimiterChar == '~' ? "~~" : emphasis.DelimiterCount >= 2 ? "*" : "_";
                text.Append(mark);
                AppendChildren(text, emphasis);
                text.Append(mark);
                break;
            case LinkInline link:
                AppendLink(text, link);
                break;
            case AutolinkInline autolink:
                if (LinkPolicy.Allows(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
                    text.Append('<').Append(autolink.Url).Append('>');
                else
                    text.Append(autolink.Url);
                break;
            case LineBreakInline lineBreak:
                text.Append(lineBreak.IsHard ? '\n' : ' ');
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case TaskList task:
                text.Append(task.Checked ? "[x]" : "[ ]");
                break;
            case HtmlInline:
                break; // A tag: its text, if any, is in the neighbouring literals.
            case ContainerInline container:
                AppendChildren(text, container);
                break;
        }
    }

    private static void AppendChildren(StringBuilder text, ContainerInline container)
    {
        foreach (var child in container) Append(text, child);
    }

    private static void AppendLink(StringBuilder text, LinkInline link)
    {
        var labelText = new StringBuilder();
        AppendChildren(labelText, link);
        var label = labelText.ToString();
        var url = link.Url ?? "";
        if (!LinkPolicy.Allows(url))
        {
            text.Append(label);
            return;
        }
        // A bare URL the author typed (GFM autolink) stays as typed.
        if (link.IsAutoLink)
        {
            text.Append(label);
            return;
        }
        var shown = url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? url["mailto:".Length..] : url;
        if (label.Length == 0 && link.IsImage) label = "image";
        if (label.Length == 0 || label == url || label == shown)
            text.Append('<').Append(shown).Append('>');
        else
            text.Append(label).Append(" <").Append(shown).Append('>');
    }
}
