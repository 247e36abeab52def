using System.Text.RegularExpressions;
using AdvisoryPipeline.Markup;
using AdvisoryPipeline.Osv;
using Markdig.Syntax;

namespace AdvisoryPipeline.Presentation;

/// <summary>
/// The title and the one-line summary of an advisory (see <see cref="AdvisoryView.Title"/> and
/// <see cref="AdvisoryView.Summary"/>). Real databases often leave <c>summary</c> out (2,659 of the PyPA
/// database's 2,661 records): a title is then made from the affected packages, and a summary from the first
/// sentence of the details, never the whole first paragraph.
/// </summary>
internal static partial class AdvisoryTitle
{
    /// <summary>
    /// The record's summary on one line, not shortened: hidden characters removed (as in mail headers), what else XML
    /// or HTML cannot carry made visible, and a withdrawn record's "WITHDRAWN:" prefix left out. Empty without one.
    /// </summary>
    public static string SummaryOf(OsvRecord record)
    {
        // Trim() also drops the white space one line keeps (no-break and ideographic spaces), as GitHub does.
        var summary = ReadableText.Clean(SingleLineText.Of(record.Summary)).Trim();
        return record.IsWithdrawn ? WithdrawnPrefix().Replace(summary, "") : summary;
    }

    public static string Of(OsvRecord record, IReadOnlyList<AffectedPackageView> affected)
    {
        var summary = SummaryOf(record);
        if (summary.Length > 0) return ShortText.Cut(summary, AdvisoryView.MaxTitleLength);
        var names = affected.Select(a => ReadableText.Clean(SingleLineText.Of(a.ShortName))).Where(name => name.Length > 0)
            .Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 0
            ? ShortText.Cut(ReadableText.Clean(SingleLineText.Of(record.Id)), AdvisoryView.MaxTitleLength)
            : ShortText.Cut("Vulnerability in " + NameList.Of(names), AdvisoryView.MaxTitleLength);
    }

    /// <summary>The first sentence of the details' first paragraph, as plain text on one line, not shortened; null when there is none.</summary>
    public static string? SentenceFrom(DetailsMarkdown? details)
    {
        if (details?.Document is not { } document) return null;
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            var text = SingleLineText.Of(InlineText.Of(paragraph.Inline)).Trim();
            if (text.Length > 0) return FirstSentence(text).Trim();
        }
        return null;
    }

    /// <summary>
    /// Up to the first ".", "!" or "?" followed by a space, unless it ends an abbreviation ("e.g.", "i.e.", "vs.")
    /// or an initial ("J. Doe").
    /// </summary>
    internal static string FirstSentence(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is not ('.' or '!' or '?') || text[i + 1] != ' ') continue;
            if (text[i] == '.' && IsAbbreviation(text.AsSpan(0, i))) continue;
            return text[..(i + 1)];
        }
        return text;
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> before)
    {
        var start = before.LastIndexOfAny(' ', '(') + 1;
        var word = before[start..];
        if (word.Length == 1 && char.IsLetter(word[0])) return true;
        foreach (var abbreviation in Abbreviations)
            if (word.Equals(abbreviation, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] Abbreviations = ["e.g", "i.e", "etc", "vs", "cf", "approx", "incl", "inc", "ltd", "no", "mr", "ms", "dr", "jr", "sr", "st"];

    // "WITHDRAWN: …", "Withdrawn Advisory: …", "[Withdrawn] …": the marker some databases put in the summary.
    [GeneratedRegex(@"^(\[withdrawn(\s+advisory)?\]|withdrawn(\s+advisory)?\s*[:\-–—])\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithdrawnPrefix();
}
