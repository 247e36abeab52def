using System.Buffers;
using System.Globalization;
using System.Text;

namespace AdvisoryPipeline.Lint;

/// <summary>
/// Characters that change how text looks without being seen (the "Trojan Source" attack, CVE-2021-42574): bidirectional
/// controls that reorder what a reviewer reads, and zero-width characters that hide inside words. Also how findings name
/// a character: <c>U+202E RIGHT-TO-LEFT OVERRIDE</c>, or <c>"é" (U+00E9)</c> for a visible one.
/// </summary>
internal static class CodePoints
{
    private static readonly Dictionary<char, string> HiddenNames = new()
    {
        ['\u061C'] = "ARABIC LETTER MARK",
        ['\u200B'] = "ZERO WIDTH SPACE",
        ['\u200C'] = "ZERO WIDTH NON-JOINER",
        ['\u200D'] = "ZERO WIDTH JOINER",
        ['\u200E'] = "LEFT-TO-RIGHT MARK",
        ['\u200F'] = "RIGHT-TO-LEFT MARK",
        ['\u202A'] = "LEFT-TO-RIGHT EMBEDDING",
        ['\u202B'] = "RIGHT-TO-LEFT EMBEDDING",
        ['\u202C'] = "POP DIRECTIONAL FORMATTING",
        ['\u202D'] = "LEFT-TO-RIGHT OVERRIDE",
        ['\u202E'] = "RIGHT-TO-LEFT OVERRIDE",
        ['\u2060'] = "WORD JOINER",
        ['\u2066'] = "LEFT-TO-RIGHT ISOLATE",
        ['\u2067'] = "RIGHT-TO-LEFT ISOLATE",
        ['\u2068'] = "FIRST STRONG ISOLATE",
        ['\u2069'] = "POP DIRECTIONAL ISOLATE",
        ['\uFEFF'] = "ZERO WIDTH NO-BREAK SPACE",
    };

    /// <summary>The hidden characters, for a vectorised search.</summary>
    public static SearchValues<char> Hidden { get; } = SearchValues.Create([.. HiddenNames.Keys]);

    public static bool IsHidden(char c) => Hidden.Contains(c);

    /// <summary>Index of the first character outside ASCII, or -1.</summary>
    public static int FirstNonAscii(string text) => text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');

    /// <summary>The character at <paramref name="index"/> for a message: code point, and its name or its glyph.</summary>
    public static string Describe(string text, int index)
    {
        if (!Rune.TryGetRuneAt(text, index, out var rune))
            return Hex(text[index]) + " (half of a surrogate pair)";
        var hex = Hex(rune.Value);
        if (HiddenNames.TryGetValue(text[index], out var name)) return hex + " " + name;
        return Rune.IsControl(rune) || Rune.IsWhiteSpace(rune) ? hex : $"\"{rune}\" ({hex})";
    }

    private static string Hex(int codePoint) => "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>UTF-16 length of the character at <paramref name="index"/> (2 for a surrogate pair).</summary>
    public static int LengthAt(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
}
