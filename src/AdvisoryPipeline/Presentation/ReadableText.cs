using System.Text;

namespace AdvisoryPipeline.Presentation;

/// <summary>
/// Makes author text safe to show in every output: control characters (NUL included), unpaired surrogates and
/// non-characters (which XML 1.0 cannot carry, HTML parses as errors, Markdown tools and mail relays truncate or
/// reject) and the bidirectional embedding, override and isolate controls (which can make text read differently
/// from what it says) become U+FFFD, visibly. Each such character or unpaired surrogate becomes exactly one
/// U+FFFD, so the text keeps its length and its offsets.
/// </summary>
public static class ReadableText
{
    private const char Replacement = '\uFFFD';

    public static string Clean(string text)
    {
        if (!NeedsCleaning(text)) return text;
        var clean = new StringBuilder(text.Length);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf16(rest, out var rune, out var consumed);
            // An unpaired surrogate is not Done: it is consumed alone and replaced like a hidden character.
            if (status != System.Buffers.OperationStatus.Done || IsHidden(rune)) clean.Append(Replacement);
            else clean.Append(rest[..consumed]);
            rest = rest[consumed..];
        }
        return clean.ToString();
    }

    /// <summary>
    /// Multi-line author text (details) for output: line breaks of every kind become <c>\n</c>, then <see cref="Clean"/>.
    /// </summary>
    public static string CleanLines(string text) => Clean(text.ReplaceLineEndings("\n"));

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
            if (char.IsSurrogate(c) || IsHidden(new Rune(c))) return true;
        return false;
    }

    private static bool IsHidden(Rune rune) => rune.Value switch
    {
        '\t' or '\n' or '\r' => false,
        < 0x20 => true,
        >= 0x7F and <= 0x9F => true,
        >= 0x202A and <= 0x202E => true,
        >= 0x2066 and <= 0x2069 => true,
        0xFFFE or 0xFFFF => true,
        _ => false,
    };
}
