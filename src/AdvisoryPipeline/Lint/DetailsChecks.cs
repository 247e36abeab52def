using System.Text;
using AdvisoryPipeline.Markup;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// OSV809-OSV810: the details as Markdown, read the way every output reads them (<see cref="DetailsMarkdown"/>).
/// Markdown nested beyond <see cref="DetailsMarkdown.MaxNesting"/> levels cannot be rendered: an error, at the line
/// where the nesting goes too deep. Raw HTML and links to schemes other than http, https and mailto are shown as text
/// by every output, so what the author meant is lost: a warning at each.
/// </summary>
internal static class DetailsChecks
{
    private const string Pointer = "/details";

    // How much of the text a finding shows.
    private const int ShownLength = 48;

    public static void Check(RecordContext context)
    {
        if (context.Record.Details is not { Length: > 0 } details) return;
        var checkNesting = context.IsOn(LintRules.DetailsNesting);
        var checkMarkup = context.IsOn(LintRules.DetailsMarkupSafe) && MayHoldUnsafeMarkup(details);
        if (!checkNesting && !checkMarkup) return;

        var parsed = DetailsMarkdown.Parse(details);
        if (parsed.Document is not { } document)
        {
            var at = Math.Max(0, parsed.TooDeepAt);
            context.ReportInValue(LintRules.DetailsNesting, Pointer, details, at, LineLengthAt(details, at),
                $"the details nest Markdown (quotes, lists, brackets or emphasis) more than {DetailsMarkdown.MaxNesting} levels deep from here: the site, the Markdown pages and the mail cannot render them",
                "nest less deeply, or put the text in a fenced code block (```), where Markdown is not read");
            return;
        }
        if (!checkMarkup) return;
        foreach (var found in UnsafeMarkup.Find(document))
        {
            // One finding per piece: a closing tag goes with its opening one, a link through a reference with the definition.
            if (found.Node is HtmlInline { Tag: var tag } && tag.StartsWith("</", StringComparison.Ordinal)) continue;
            if (found.Node is LinkInline { Reference: not null }) continue;
            var start = Math.Clamp(found.Node.Span.Start, 0, details.Length);
            var (message, hint) = found.Kind switch
            {
                UnsafeKind.RawHtml => (
                    $"the details hold raw HTML, {Clean(found.Node is HtmlInline inline ? inline.Tag : details.Substring(start, LineLengthAt(details, start)))}: every output shows it as text, and Markdown renderers other than GitHub's would run it",
                    "write Markdown instead (**bold**, [text](https://...)), or put the HTML in backticks to show it as code"),
                UnsafeKind.UnsafeDefinition => (
                    $"the reference definition [{Clean(((LinkReferenceDefinition)found.Node).Label ?? "")}] points to '{Clean(found.Target ?? "")}', which is not an http, https or mailto URL: links that use it are shown as text",
                    "point it to an https URL, or remove it and the links that use it"),
                _ => (
                    $"the link target '{Clean(found.Target ?? "")}' is not an http, https or mailto URL: every output shows the link's text without it",
                    "link to an https URL, or remove the link"),
            };
            // Located by its own text (as short as it is), so that a folded scalar, whose lines differ from the value's, still finds it.
            var length = Math.Min(found.Node.Span.Length, LineLengthAt(details, start));
            context.ReportInValue(LintRules.DetailsMarkupSafe, Pointer, details, start, Math.Max(1, length), message, hint);
        }
    }

    /// <summary>
    /// Raw HTML starts with "&lt;"; a link target is written after "](" or "]:" or inside "&lt;…&gt;". Details with none
    /// of these (most of them) need no parse for OSV810.
    /// </summary>
    private static bool MayHoldUnsafeMarkup(string details) =>
        details.Contains('<') || details.Contains("](", StringComparison.Ordinal) || details.Contains("]:", StringComparison.Ordinal);

    /// <summary>The rest of the line from <paramref name="at"/>, at most <see cref="ShownLength"/> characters, at least one.</summary>
    private static int LineLengthAt(string text, int at)
    {
        if (at >= text.Length) return 0;
        var end = text.IndexOf('\n', at);
        var length = (end < 0 ? text.Length : end) - at;
        return Math.Clamp(length, 1, ShownLength);
    }

    /// <summary>Author text as a finding shows it: on one line, control and hidden characters replaced, cut with "...".</summary>
    private static string Clean(string text)
    {
        var shown = new StringBuilder(Math.Min(text.Length, ShownLength + 3));
        foreach (var c in text)
        {
            if (shown.Length == ShownLength)
            {
                shown.Append("...");
                break;
            }
            shown.Append(char.IsControl(c) || CodePoints.IsHidden(c) || char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        return shown.ToString();
    }
}
