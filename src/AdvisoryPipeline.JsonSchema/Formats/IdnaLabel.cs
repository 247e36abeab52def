using System.Globalization;

namespace AdvisoryPipeline.JsonSchema.Formats;

/// <summary>
/// Checks an IDNA A-label ("xn--" + Punycode): it must decode (RFC 3492) and the decoded U-label must obey the
/// IDNA2008 rules that can be checked without the full Unicode derived-property tables (RFC 5891/5892 contextual
/// rules, leading combining marks, the hyphen rule and the listed DISALLOWED exceptions).
/// </summary>
internal static class IdnaLabel
{
    private const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 128;

    // RFC 5892 §2.6 exceptions whose derived property is DISALLOWED.
    private static readonly int[] DisallowedExceptions = [0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B];

    // Characters with canonical combining class 9 (virama) in the BMP.
    private static readonly int[] Viramas =
    [
        0x094D, 0x09CD, 0x0A4D, 0x0ACD, 0x0B4D, 0x0BCD, 0x0C4D, 0x0CCD, 0x0D3B, 0x0D3C, 0x0D4D, 0x0DCA, 0x0E3A, 0x0EBA,
        0x0F84, 0x1039, 0x103A, 0x1714, 0x1715, 0x1734, 0x17D2, 0x1A60, 0x1B44, 0x1BAA, 0x1BAB, 0x1BF2, 0x1BF3, 0x2D7F,
        0xA806, 0xA82C, 0xA8C4, 0xA953, 0xA9C0, 0xAAF6, 0xABED,
    ];

    /// <param name="punycode">The part after "xn--".</param>
    public static bool IsValidALabel(string punycode)
    {
        if (!TryDecode(punycode, out var label) || label.Count == 0) return false;
        if (label.Count >= 4 && label[2] == '-' && label[3] == '-') return false;
        if (IsMark(label[0])) return false;
        var hasArabicIndic = false;
        var hasExtendedArabicIndic = false;
        for (var i = 0; i < label.Count; i++)
        {
            var c = label[i];
            if (Array.IndexOf(DisallowedExceptions, c) >= 0) return false;
            hasArabicIndic |= c is >= 0x0660 and <= 0x0669;
            hasExtendedArabicIndic |= c is >= 0x06F0 and <= 0x06F9;
            if (!SatisfiesContextRule(label, i)) return false;
        }
        return !(hasArabicIndic && hasExtendedArabicIndic);
    }

    private static bool SatisfiesContextRule(List<int> label, int i)
    {
        var before = i > 0 ? label[i - 1] : -1;
        var after = i + 1 < label.Count ? label[i + 1] : -1;
        return label[i] switch
        {
            0x00B7 => before == 'l' && after == 'l',
            0x0375 => after >= 0 && IsGreek(after),
            0x05F3 or 0x05F4 => before >= 0 && IsHebrew(before),
            0x30FB => label.Exists(c => c != 0x30FB && IsHiraganaKatakanaOrHan(c)),
            0x200D => Array.IndexOf(Viramas, before) >= 0,
            0x200C => Array.IndexOf(Viramas, before) >= 0 || JoinsAcrossNonJoiner(label, i),
            _ => true,
        };
    }

    /// <summary>The RFC 5892 ZWNJ regular expression, approximating joining types by the Arabic script letters (dual-joining).</summary>
    private static bool JoinsAcrossNonJoiner(List<int> label, int i)
    {
        var left = i - 1;
        while (left >= 0 && IsMark(label[left])) left--;
        var right = i + 1;
        while (right < label.Count && IsMark(label[right])) right++;
        return left >= 0 && right < label.Count && IsArabicLetter(label[left]) && IsArabicLetter(label[right]);
    }

    private static bool IsMark(int c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsGreek(int c) => c is >= 0x0370 and <= 0x03FF or >= 0x1F00 and <= 0x1FFF;

    private static bool IsHebrew(int c) => c is >= 0x0590 and <= 0x05FF;

    private static bool IsArabicLetter(int c) => c is >= 0x0620 and <= 0x06FF && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter;

    private static bool IsHiraganaKatakanaOrHan(int c) =>
        c is >= 0x3040 and <= 0x30FF or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x2FA1F;

    /// <summary>RFC 3492 decoding; false on any malformed input or overflow.</summary>
    private static bool TryDecode(string input, out List<int> output)
    {
        output = [];
        var delimiter = input.LastIndexOf('-');
        for (var j = 0; j < Math.Max(delimiter, 0); j++)
        {
            if (input[j] >= 0x80) return false;
            output.Add(input[j]);
        }
        long n = InitialN, i = 0, bias = InitialBias;
        var position = delimiter > 0 ? delimiter + 1 : 0;
        while (position < input.Length)
        {
            var oldI = i;
            long w = 1;
            for (long k = Base; ; k += Base)
            {
                if (position >= input.Length) return false;
                var digit = DigitValue(input[position++]);
                if (digit < 0) return false;
                i += digit * w;
                if (i > int.MaxValue) return false;
                var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t) break;
                w *= Base - t;
                if (w > int.MaxValue) return false;
            }
            bias = Adapt(i - oldI, output.Count + 1, oldI == 0);
            n += i / (output.Count + 1);
            i %= output.Count + 1;
            if (n > 0x10FFFF || n is >= 0xD800 and <= 0xDFFF) return false;
            output.Insert((int)i, (int)n);
            i++;
        }
        return true;
    }

    private static long Adapt(long delta, int points, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / points;
        long k = 0;
        while (delta > (Base - TMin) * TMax / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }
        return k + (Base - TMin + 1) * delta / (delta + Skew);
    }

    private static int DigitValue(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        >= '0' and <= '9' => c - '0' + 26,
        _ => -1,
    };
}
