using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AdvisoryPipeline.JsonSchema.Patterns;

/// <summary>
/// Translates ECMA-262 regular expressions (what JSON Schema's <c>pattern</c> and the <c>regex</c> format mean)
/// into .NET regular expressions with the same meaning. The differences that matter: \d, \w, \s and \b are
/// ASCII/ECMA sets (not Unicode categories), <c>.</c> excludes all ECMA line terminators, <c>$</c> matches only at
/// the very end, unknown letter escapes are errors, and \u{...} and astral characters are whole code points.
/// </summary>
internal static class EcmaRegex
{
    private const string Word = "a-zA-Z0-9_";
    private static readonly (int From, int To)[] DigitRanges = [('0', '9')];
    private static readonly (int From, int To)[] WordRanges = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
    private static readonly (int From, int To)[] SpaceRanges =
    [
        ('\t', '\r'), (' ', ' '), ('\u00a0', '\u00a0'), ('\u1680', '\u1680'), ('\u2000', '\u200a'),
        ('\u2028', '\u2029'), ('\u202f', '\u202f'), ('\u205f', '\u205f'), ('\u3000', '\u3000'), ('\ufeff', '\ufeff'),
    ];

    /// <summary>Builds a .NET regex with ECMA-262 semantics, or explains why the pattern is not a valid ECMA-262 regex.</summary>
    public static bool TryCreate(string pattern, RegexOptions options, out Regex? regex, out string? error)
    {
        regex = null;
        if (!TryTranslate(pattern, out var translated, out error)) return false;
        try
        {
            regex = new Regex(translated, options | RegexOptions.CultureInvariant);
            return true;
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return false;
        }
    }

    public static bool TryTranslate(string pattern, out string translated, out string? error)
    {
        var output = new StringBuilder(pattern.Length + 16);
        translated = "";
        error = null;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '\\':
                    if (!TryTranslateEscape(pattern, ref i, output, out error)) return false;
                    continue;
                case '[':
                    if (!TryTranslateClass(pattern, ref i, output, out error)) return false;
                    continue;
                case '.':
                    output.Append(@"[^\n\r\u2028\u2029]");
                    break;
                case '$':
                    output.Append(@"\z");
                    break;
                case '(':
                    if (i + 1 < pattern.Length && pattern[i + 1] == '?')
                    {
                        var next = i + 2 < pattern.Length ? pattern[i + 2] : '\0';
                        if (next is not (':' or '=' or '!' or '<'))
                        {
                            error = $"invalid group syntax at position {i}";
                            return false;
                        }
                    }
                    output.Append(c);
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
                    {
                        // One code point: a following quantifier must apply to both UTF-16 units.
                        output.Append("(?:").Append(c).Append(pattern[i + 1]).Append(')');
                        i += 2;
                        continue;
                    }
                    output.Append(c);
                    break;
            }
            i++;
        }
        translated = output.ToString();
        return true;
    }

    private static bool TryTranslateEscape(string pattern, ref int i, StringBuilder output, out string? error)
    {
        error = null;
        if (i + 1 >= pattern.Length)
        {
            error = "the pattern ends with a lone backslash";
            return false;
        }
        var c = pattern[i + 1];
        i += 2;
        switch (c)
        {
            case 'd': output.Append("[0-9]"); return true;
            case 'D': output.Append("[^0-9]"); return true;
            case 'w': output.Append('[').Append(Word).Append(']'); return true;
            case 'W': output.Append("[^").Append(Word).Append(']'); return true;
            case 's': output.Append('[').Append(Ranges(SpaceRanges)).Append(']'); return true;
            case 'S': output.Append("[^").Append(Ranges(SpaceRanges)).Append(']'); return true;
            case 'b': output.Append($"(?:(?<=[{Word}])(?![{Word}])|(?<![{Word}])(?=[{Word}]))"); return true;
            case 'B': output.Append($"(?:(?<=[{Word}])(?=[{Word}])|(?<![{Word}])(?![{Word}]))"); return true;
            case 'k':
                var close = pattern.IndexOf('>', i);
                if (i >= pattern.Length || pattern[i] != '<' || close < 0)
                {
                    error = "\\k must be followed by a group name in angle brackets";
                    return false;
                }
                output.Append(@"\k").Append(pattern, i, close - i + 1);
                i = close + 1;
                return true;
            case >= '1' and <= '9':
                output.Append('\\').Append(c);
                while (i < pattern.Length && char.IsAsciiDigit(pattern[i])) output.Append(pattern[i++]);
                return true;
            case 'p' or 'P':
                if (!TryReadProperty(pattern, ref i, out var category, out error)) return false;
                output.Append('\\').Append(c).Append('{').Append(category).Append('}');
                return true;
        }
        if (!TryReadCharacterEscape(pattern, c, ref i, out var codePoint, out error)) return false;
        AppendCodePoint(output, codePoint);
        return true;
    }

    /// <summary>Escapes that stand for one character (shared by classes and the outside); i is just after the escape letter.</summary>
    private static bool TryReadCharacterEscape(string pattern, char c, ref int i, out int codePoint, out string? error)
    {
        error = null;
        codePoint = c;
        switch (c)
        {
            case 'f': codePoint = '\f'; return true;
            case 'n': codePoint = '\n'; return true;
            case 'r': codePoint = '\r'; return true;
            case 't': codePoint = '\t'; return true;
            case 'v': codePoint = '\v'; return true;
            case '0':
                codePoint = 0;
                if (i < pattern.Length && char.IsAsciiDigit(pattern[i])) { error = "\\0 must not be followed by a digit"; return false; }
                return true;
            case 'c':
                if (i < pattern.Length && char.IsAsciiLetter(pattern[i])) { codePoint = pattern[i++] % 32; return true; }
                error = "\\c must be followed by a letter";
                return false;
            case 'x':
                if (TryHex(pattern, i, 2, out codePoint)) { i += 2; return true; }
                error = "\\x must be followed by two hexadecimal digits";
                return false;
            case 'u':
                return TryReadUnicodeEscape(pattern, ref i, out codePoint, out error);
        }
        if (char.IsAsciiLetterOrDigit(c))
        {
            error = $"\\{c} is not a valid escape in an ECMA-262 regular expression";
            return false;
        }
        if (char.IsHighSurrogate(c) && i < pattern.Length && char.IsLowSurrogate(pattern[i]))
            codePoint = char.ConvertToUtf32(c, pattern[i++]);
        return true;
    }

    private static bool TryReadUnicodeEscape(string pattern, ref int i, out int codePoint, out string? error)
    {
        error = null;
        if (i < pattern.Length && pattern[i] == '{')
        {
            var close = pattern.IndexOf('}', i);
            if (close > i + 1 && TryHex(pattern, i + 1, close - i - 1, out codePoint) && codePoint <= 0x10FFFF)
            {
                i = close + 1;
                return true;
            }
            codePoint = 0;
            error = "invalid \\u{...} escape";
            return false;
        }
        if (!TryHex(pattern, i, 4, out codePoint))
        {
            error = "\\u must be followed by four hexadecimal digits";
            return false;
        }
        i += 4;
        // A surrogate pair written as two escapes is one code point.
        if (char.IsHighSurrogate((char)codePoint) && pattern.AsSpan(i).StartsWith("\\u")
            && TryHex(pattern, i + 2, 4, out var low) && char.IsLowSurrogate((char)low))
        {
            codePoint = char.ConvertToUtf32((char)codePoint, (char)low);
            i += 6;
        }
        return true;
    }

    private static bool TryHex(string pattern, int start, int length, out int value)
    {
        value = 0;
        if (length <= 0 || length > 6 || start + length > pattern.Length) return false;
        return int.TryParse(pattern.AsSpan(start, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryReadProperty(string pattern, ref int i, out string category, out string? error)
    {
        category = "";
        error = null;
        var close = i < pattern.Length && pattern[i] == '{' ? pattern.IndexOf('}', i) : -1;
        if (close < 0)
        {
            error = "\\p and \\P must be followed by a property name in braces";
            return false;
        }
        var name = pattern[(i + 1)..close];
        i = close + 1;
        var equals = name.IndexOf('=');
        if (equals >= 0 && name[..equals] is "General_Category" or "gc") name = name[(equals + 1)..];
        if (UnicodeCategories.TryGetValue(name, out var shortName))
        {
            category = shortName;
            return true;
        }
        error = $"the Unicode property \"{name}\" is not supported";
        return false;
    }

    private static bool TryTranslateClass(string pattern, ref int i, StringBuilder output, out string? error)
    {
        error = null;
        var start = i;
        i++;
        var negated = i < pattern.Length && pattern[i] == '^';
        if (negated) i++;
        var ranges = new List<(int From, int To)>();
        var properties = new StringBuilder();
        while (true)
        {
            if (i >= pattern.Length)
            {
                error = $"the character class at position {start} is not closed";
                return false;
            }
            if (pattern[i] == ']') { i++; break; }
            if (!TryReadClassAtom(pattern, ref i, ranges, properties, out var single, out error)) return false;
            // A range a-b needs single characters on both sides; otherwise '-' is literal.
            if (single >= 0 && i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
            {
                i++;
                if (!TryReadClassAtom(pattern, ref i, ranges, properties, out var end, out error)) return false;
                if (end < 0) { ranges.Add(('-', '-')); ranges.Add((single, single)); continue; }
                if (end < single)
                {
                    error = $"the range at position {start} is out of order";
                    return false;
                }
                ranges.Add((single, end));
            }
            else if (single >= 0)
            {
                ranges.Add((single, single));
            }
        }
        AppendClass(output, Normalize(ranges), properties.ToString(), negated);
        return true;
    }

    /// <summary>Reads one class atom. <paramref name="single"/> is its code point, or -1 for a set (\d, \p{..}).</summary>
    private static bool TryReadClassAtom(string pattern, ref int i, List<(int, int)> ranges, StringBuilder properties, out int single, out string? error)
    {
        error = null;
        single = -1;
        var c = pattern[i];
        if (c != '\\')
        {
            if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
            {
                single = char.ConvertToUtf32(c, pattern[i + 1]);
                i += 2;
                return true;
            }
            single = c;
            i++;
            return true;
        }
        if (i + 1 >= pattern.Length)
        {
            error = "the pattern ends with a lone backslash";
            return false;
        }
        var e = pattern[i + 1];
        i += 2;
        switch (e)
        {
            case 'd': ranges.AddRange(DigitRanges); return true;
            case 'D': ranges.AddRange(Complement(DigitRanges)); return true;
            case 'w': ranges.AddRange(WordRanges); return true;
            case 'W': ranges.AddRange(Complement(WordRanges)); return true;
            case 's': ranges.AddRange(SpaceRanges); return true;
            case 'S': ranges.AddRange(Complement(SpaceRanges)); return true;
            case 'b': single = '\b'; return true;
            case '-': single = '-'; return true;
            case 'p' or 'P':
                if (!TryReadProperty(pattern, ref i, out var category, out error)) return false;
                properties.Append('\\').Append(e).Append('{').Append(category).Append('}');
                return true;
        }
        return TryReadCharacterEscape(pattern, e, ref i, out single, out error);
    }

    private static void AppendClass(StringBuilder output, List<(int From, int To)> ranges, string properties, bool negated)
    {
        var astral = ranges.Where(r => r.To > 0xFFFF).ToList();
        var bmp = ranges.Where(r => r.From <= 0xFFFF).Select(r => (r.From, Math.Min(r.To, 0xFFFF))).ToList();
        if (negated)
        {
            // .NET matches UTF-16 units, so a negated class cannot exclude astral code points; only BMP members count.
            output.Append(bmp.Count == 0 && properties.Length == 0 ? @"[\s\S]" : "[^" + Ranges(bmp) + properties + "]");
            return;
        }
        var alternatives = new List<string>();
        if (bmp.Count > 0 || properties.Length > 0) alternatives.Add("[" + Ranges(bmp) + properties + "]");
        foreach (var (from, to) in astral)
            for (var cp = Math.Max(from, 0x10000); cp <= to && alternatives.Count < 4096; cp++)
                alternatives.Add(char.ConvertFromUtf32(cp));
        output.Append(alternatives.Count switch
        {
            0 => "(?!)",
            1 when astral.Count == 0 => alternatives[0],
            _ => "(?:" + string.Join("|", alternatives) + ")",
        });
    }

    private static List<(int From, int To)> Normalize(List<(int From, int To)> ranges)
    {
        ranges.Sort();
        var merged = new List<(int From, int To)>();
        foreach (var r in ranges)
        {
            if (merged.Count > 0 && r.From <= merged[^1].To + 1)
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, r.To));
            else
                merged.Add(r);
        }
        return merged;
    }

    private static IEnumerable<(int From, int To)> Complement((int From, int To)[] ranges)
    {
        var next = 0;
        foreach (var (from, to) in ranges)
        {
            if (from > next) yield return (next, from - 1);
            next = to + 1;
        }
        if (next <= 0xFFFF) yield return (next, 0xFFFF);
    }

    private static string Ranges(IEnumerable<(int From, int To)> ranges)
    {
        var sb = new StringBuilder();
        foreach (var (from, to) in ranges)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\\u{from:X4}");
            if (to != from) sb.Append(CultureInfo.InvariantCulture, $"-\\u{to:X4}");
        }
        return sb.ToString();
    }

    private static void AppendCodePoint(StringBuilder output, int codePoint)
    {
        if (codePoint > 0xFFFF)
        {
            var pair = char.ConvertFromUtf32(codePoint);
            output.Append(CultureInfo.InvariantCulture, $"(?:\\u{(int)pair[0]:X4}\\u{(int)pair[1]:X4})");
            return;
        }
        output.Append(CultureInfo.InvariantCulture, $"\\u{codePoint:X4}");
    }

    private static readonly Dictionary<string, string> UnicodeCategories = BuildCategories();

    private static Dictionary<string, string> BuildCategories()
    {
        (string Short, string Long)[] pairs =
        [
            ("L", "Letter"), ("Lu", "Uppercase_Letter"), ("Ll", "Lowercase_Letter"), ("Lt", "Titlecase_Letter"),
            ("Lm", "Modifier_Letter"), ("Lo", "Other_Letter"), ("M", "Mark"), ("Mn", "Nonspacing_Mark"),
            ("Mc", "Spacing_Mark"), ("Me", "Enclosing_Mark"), ("N", "Number"), ("Nd", "Decimal_Number"),
            ("Nl", "Letter_Number"), ("No", "Other_Number"), ("P", "Punctuation"), ("Pc", "Connector_Punctuation"),
            ("Pd", "Dash_Punctuation"), ("Ps", "Open_Punctuation"), ("Pe", "Close_Punctuation"),
            ("Pi", "Initial_Punctuation"), ("Pf", "Final_Punctuation"), ("Po", "Other_Punctuation"), ("S", "Symbol"),
            ("Sm", "Math_Symbol"), ("Sc", "Currency_Symbol"), ("Sk", "Modifier_Symbol"), ("So", "Other_Symbol"),
            ("Z", "Separator"), ("Zs", "Space_Separator"), ("Zl", "Line_Separator"), ("Zp", "Paragraph_Separator"),
            ("C", "Other"), ("Cc", "Control"), ("Cf", "Format"), ("Cs", "Surrogate"), ("Co", "Private_Use"),
            ("Cn", "Unassigned"),
        ];
        var map = new Dictionary<string, string>(StringComparer.Ordinal) { ["digit"] = "Nd", ["punct"] = "P" };
        foreach (var (shortName, longName) in pairs)
        {
            map[shortName] = shortName;
            map[longName] = shortName;
        }
        return map;
    }
}
