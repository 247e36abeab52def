using System.Buffers;
using System.Text;
using AdvisoryPipeline.Markup;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// OSV801-OSV807: the text a reader sees. Summary and details are present and shaped for lists and headings; no
/// string of the record keeps a work marker; no character hides or reorders what reviewers read.
/// </summary>
internal static class TextChecks
{
    public const int SummaryLimit = 120;

    public static void Check(RecordContext context)
    {
        CheckSummary(context, context.Record.Summary);
        if (string.IsNullOrWhiteSpace(context.Record.Details))
            context.ReportAtKey(LintRules.HasDetails, "/details", "the record has no details",
                "describe the vulnerability, its impact and how to upgrade or work around it in details:");

        if (context.IsOn(LintRules.NoHiddenCharacters)) ReportHiddenInSource(context);
        if (context.IsOn(LintRules.NoHiddenCharacters) || context.IsOn(LintRules.NoWorkMarker))
            RecordStrings.Walk(context.Record, new ValueScanner(context));
    }

    private static void CheckSummary(RecordContext context, string? summary)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            context.ReportAtKey(LintRules.HasSummary, "/summary", "the record has no summary",
                $"add summary: one line of at most {SummaryLimit} characters naming the flaw and the package");
            return;
        }
        var text = summary.AsSpan();
        var lineBreak = text.IndexOfAny('\r', '\n');
        if (lineBreak >= 0)
        {
            var onlyAtEnd = text[lineBreak..].TrimStart("\r\n").IsEmpty;
            context.Report(LintRules.OneLineSummary, "/summary",
                onlyAtEnd ? "the summary ends with a line break" : "the summary has more than one line",
                onlyAtEnd
                    ? "write it on the summary: line itself; a | block keeps its final line break (|- drops it)"
                    : "keep the first line as the summary and move the rest to details");
            text = text.TrimEnd("\r\n");
        }

        var length = 0;
        foreach (var _ in text.EnumerateRunes()) length++;
        if (length > SummaryLimit)
            context.Report(LintRules.ShortSummary, "/summary", $"the summary has {length} characters, more than {SummaryLimit}",
                "lists and mail subjects cut it: keep the flaw and the package, move the rest to details");

        var trimmed = text.TrimEnd();
        if (trimmed.EndsWith(".") && !trimmed.EndsWith("..."))
            context.ReportInValue(LintRules.SummaryWithoutPeriod, "/summary", summary, trimmed.Length - 1, 1,
                "the summary ends with a period", "remove it: the summary is a title");
    }

    /// <summary>Hidden characters written as such anywhere in the file, comments included: each is located exactly.</summary>
    private static void ReportHiddenInSource(RecordContext context)
    {
        var text = context.Document.Text;
        for (var at = text.AsSpan().IndexOfAny(CodePoints.Hidden); at >= 0;)
        {
            context.ReportAtOffset(LintRules.NoHiddenCharacters, at,
                $"{CodePoints.Describe(text, at)} is hidden here: it is invisible, or changes the order in which text is shown",
                "delete it (most editors show it only with \"show invisible characters\"); if it is intended, write it as an escape in a double-quoted string");
            var next = text.AsSpan(at + 1).IndexOfAny(CodePoints.Hidden);
            at = next < 0 ? -1 : at + 1 + next;
        }
    }

    /// <summary>Markers and escaped hidden characters in the record's string values.</summary>
    private sealed class ValueScanner(RecordContext context) : IStringVisitor
    {
        private static readonly string[] Markers = ["TODO", "FIXME", "XXX", "TBD"];
        private static readonly SearchValues<string> MarkerSearch = SearchValues.Create(Markers, StringComparison.Ordinal);

        private readonly bool _markers = context.IsOn(LintRules.NoWorkMarker);
        private readonly bool _hidden = context.IsOn(LintRules.NoHiddenCharacters);

        public void Visit(string value, RecordStrings.Path path)
        {
            if (_markers && value.AsSpan().IndexOfAny(MarkerSearch) >= 0) CheckMarkers(value, path);
            if (_hidden && value.AsSpan().IndexOfAny(CodePoints.Hidden) is var hidden and >= 0) CheckEscapedHidden(value, hidden, path);
        }

        private void CheckMarkers(string value, RecordStrings.Path path)
        {
            string? pointer = null;
            List<(int Start, int End)>? code = null;
            var offset = 0;
            while (offset < value.Length && value.AsSpan(offset).IndexOfAny(MarkerSearch) is var found and >= 0)
            {
                var at = offset + found;
                var marker = MarkerAt(value, at);
                if (IsWord(value, at, marker.Length))
                {
                    pointer ??= path.ToString();
                    code ??= pointer is "/details" or "/summary" ? CodeIn(value) : [];
                    if (!code.Exists(range => at >= range.Start && at < range.End))
                    {
                        context.ReportInValue(LintRules.NoWorkMarker, pointer, value, at, marker.Length,
                            $"{marker} is left in the text", "finish the text, or move the note out of the record into a YAML # comment");
                        return;
                    }
                }
                offset = at + 1;
            }
        }

        /// <summary>
        /// The code spans and code blocks of Markdown text (details, and a summary with backticks), read as every output
        /// reads them: a <c>TODO</c> there is quoted code (<c>`// TODO: remove`</c>), not a note left by the author.
        /// Parsed only once a marker is found, which is rare.
        /// </summary>
        private static List<(int Start, int End)> CodeIn(string markdown)
        {
            var ranges = new List<(int Start, int End)>();
            if (DetailsMarkdown.Parse(markdown).Document is not { } document) return ranges;
            foreach (var node in document.Descendants())
                if (node is CodeInline or CodeBlock)
                    ranges.Add((node.Span.Start, node.Span.End + 1));
            return ranges;
        }

        /// <summary>
        /// A hidden character that the source does not show literally was written as an escape (<c>"\u202E"</c>):
        /// the reviewer saw the escape, but consumers get the character.
        /// </summary>
        private void CheckEscapedHidden(string value, int index, RecordStrings.Path path)
        {
            var pointer = path.ToString();
            if (context.Document.Map.ValueSpan(pointer) is { } span
                && context.Document.Text.AsSpan(span.Start, span.Length).IndexOf(value[index]) >= 0)
                return;
            context.Report(LintRules.NoHiddenCharacters, pointer,
                $"the value contains {CodePoints.Describe(value, index)}, written as an escape: consumers will show text in a different order or with invisible parts",
                "remove the escape sequence");
        }

        private static string MarkerAt(string value, int at)
        {
            foreach (var marker in Markers)
                if (value.AsSpan(at).StartsWith(marker, StringComparison.Ordinal)) return marker;
            return Markers[0];
        }

        /// <summary>
        /// A marker counts as a word of its own: nothing alphanumeric before it, and no capital, digit or underscore
        /// after it (so TODOs and "TODO:" count, XXXX and a TODO_LIST constant do not).
        /// </summary>
        private static bool IsWord(string value, int at, int length)
        {
            if (at > 0 && (char.IsLetterOrDigit(value[at - 1]) || value[at - 1] == '_')) return false;
            var end = at + length;
            return end >= value.Length || !(char.IsUpper(value[end]) || char.IsDigit(value[end]) || value[end] == '_');
        }
    }
}
