using System.Text;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Publishing.Ghsa;

/// <summary>
/// The summary and description of a draft, within GitHub's limits (summary 1,024 characters, description 65,535;
/// the description is counted here in UTF-8 bytes, which also keeps it within a byte-counted limit).
/// <para>The description is the record's details (its summary when it has none), a "References" list of its URLs,
/// and the <see cref="GhsaMarker"/>. What does not fit is cut with a line saying where the full text is.</para>
/// </summary>
internal static class GhsaText
{
    public const int MaxSummaryLength = 1024;
    public const int MaxDescriptionBytes = 65_535;

    /// <summary>The references may take this much of the description; the details get the rest.</summary>
    private const int MaxReferenceBytes = 16 * 1024;

    private const string Ellipsis = "…";

    /// <summary>One line of at most <see cref="MaxSummaryLength"/> characters.</summary>
    /// <param name="cut">Whether the text was shortened.</param>
    public static string Summary(string title, out bool cut)
    {
        var line = SingleLineText.Of(title);
        cut = line.Length > MaxSummaryLength;
        return cut ? PrefixOf(line, MaxSummaryLength - Ellipsis.Length, int.MaxValue) + Ellipsis : line;
    }

    /// <param name="osvId">The record, named in the marker and in the note on a cut text.</param>
    /// <param name="body">The details (Markdown), or the summary when the record has no details.</param>
    /// <param name="referenceUrls">The record's reference URLs, in its order.</param>
    /// <param name="marker">The marker lines that end the description.</param>
    /// <param name="cut">Whether the details or the references were shortened.</param>
    public static string Description(string osvId, string body, IReadOnlyList<string> referenceUrls, string marker, out bool cut)
    {
        var references = References(osvId, referenceUrls, out var referencesCut);
        var tail = (references.Length == 0 ? "" : "\n\n" + references) + "\n\n" + marker;
        var text = body.ReplaceLineEndings("\n").Trim();
        var budget = MaxDescriptionBytes - Encoding.UTF8.GetByteCount(tail);
        cut = referencesCut;
        if (Encoding.UTF8.GetByteCount(text) > budget)
        {
            var note = $"\n\n*Shortened to fit GitHub: the full text is in the OSV record {osvId}.*";
            text = PrefixOf(text, text.Length, budget - Encoding.UTF8.GetByteCount(note)).TrimEnd() + note;
            cut = true;
        }
        return text + tail;
    }

    private static string References(string osvId, IReadOnlyList<string> urls, out bool cut)
    {
        cut = false;
        if (urls.Count == 0)
            return "";
        var list = new StringBuilder("### References\n");
        var bytes = Encoding.UTF8.GetByteCount(list.ToString());
        for (var i = 0; i < urls.Count; i++)
        {
            var item = "\n- " + SingleLineText.Of(urls[i]);
            var size = Encoding.UTF8.GetByteCount(item);
            if (bytes + size > MaxReferenceBytes)
            {
                list.Append("\n- … ").Append(urls.Count - i).Append(" more in the OSV record ").Append(osvId);
                cut = true;
                break;
            }
            list.Append(item);
            bytes += size;
        }
        return list.ToString();
    }

    /// <summary>The longest prefix of whole characters within both limits (UTF-16 units, UTF-8 bytes).</summary>
    private static string PrefixOf(string text, int maxChars, int maxBytes)
    {
        int chars = 0, bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (chars + rune.Utf16SequenceLength > maxChars || bytes + rune.Utf8SequenceLength > maxBytes)
                break;
            chars += rune.Utf16SequenceLength;
            bytes += rune.Utf8SequenceLength;
        }
        return text[..chars];
    }
}
