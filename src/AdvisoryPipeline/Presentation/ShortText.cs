namespace AdvisoryPipeline.Presentation;

/// <summary>
/// One-line text kept within a length for titles, subjects and list rows: cut at the last space that keeps most of
/// it (or mid-word when there is none), trailing punctuation dropped, and an ellipsis added so that readers see it
/// was cut. Lengths count UTF-16 code units, which is never fewer than the characters a reader sees; a cut never
/// splits a surrogate pair.
/// </summary>
public static class ShortText
{
    public const char Ellipsis = '…';

    public static string Cut(string text, int maxLength)
    {
        if (text.Length <= maxLength) return text;
        if (maxLength <= 1) return maxLength == 1 ? Ellipsis.ToString() : "";
        var room = maxLength - 1;
        var space = text.LastIndexOf(' ', room);
        var end = space > room / 2 ? space : room;
        if (end > 0 && char.IsHighSurrogate(text[end - 1])) end--;
        var kept = text.AsSpan(0, end).TrimEnd(" ,;:-–—");
        return string.Concat(kept, Ellipsis.ToString());
    }
}
