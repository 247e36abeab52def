using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace AdvisoryPipeline.Loading.Yaml;

internal enum Yaml11Type : byte
{
    String,
    Null,
    Bool,
    Int,
    Float,
    Sexagesimal,
    Timestamp,
}

/// <summary>
/// How YAML 1.1 tools (PyYAML, Ruby's Psych, go-yaml v2) resolve a plain scalar, following the YAML 1.1
/// type repository (yaml.org/type). Only used to warn where they would read a file differently from us.
/// The float rule takes '_' after the point where the repository's regexp has '.', as PyYAML does: taken
/// literally, the published regexp would make every version like 1.2.3 a float.
/// </summary>
internal static class Yaml11Schema
{
    public static Yaml11Type Resolve(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return Yaml11Type.Null;
        var first = text[0];
        if (first is '~' or 'n' or 'N' && text is "~" or "null" or "Null" or "NULL") return Yaml11Type.Null;
        if (first is 'y' or 'Y' or 'n' or 'N' or 't' or 'T' or 'f' or 'F' or 'o' or 'O' && IsBool(text)) return Yaml11Type.Bool;
        if (first is not ('.' or '+' or '-' or (>= '0' and <= '9'))) return Yaml11Type.String;
        // Versions like 1.2.3 are the most common plain scalars that start with a digit: no number, date or
        // time has two points.
        if (text.Count('.') > 1) return Yaml11Type.String;
        if (IsTimestamp(text)) return Yaml11Type.Timestamp;
        if (IsSexagesimal(text)) return Yaml11Type.Sexagesimal;
        if (IsInt(text)) return Yaml11Type.Int;
        return IsFloat(text) ? Yaml11Type.Float : Yaml11Type.String;
    }

    public static bool IsBool(ReadOnlySpan<char> text) => text is
        "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO"
        or "true" or "True" or "TRUE" or "false" or "False" or "FALSE"
        or "on" or "On" or "ON" or "off" or "Off" or "OFF";

    public static bool IsTrue(ReadOnlySpan<char> text) => text[0] is 'y' or 'Y' or 't' or 'T' || text is "on" or "On" or "ON";

    /// <summary>
    /// <c>[0-9]{4}-[0-9]{2}-[0-9]{2}</c>, or <c>[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?</c>
    /// </summary>
    public static bool IsTimestamp(ReadOnlySpan<char> text)
    {
        if (text.Length < 8 || CoreSchema.CountDigits(text) != 4 || text[4] != '-') return false;
        var i = 5;
        if (!Digits(text, ref i, 1, 2, out var monthDigits) || !Expect(text, ref i, '-')
            || !Digits(text, ref i, 1, 2, out var dayDigits))
            return false;
        if (i == text.Length) return monthDigits == 2 && dayDigits == 2;

        if (text[i] is 'T' or 't') i++;
        else if (!SkipBlanks(text, ref i)) return false;
        if (!Digits(text, ref i, 1, 2, out _) || !Expect(text, ref i, ':') || !Digits(text, ref i, 2, 2, out _)
            || !Expect(text, ref i, ':') || !Digits(text, ref i, 2, 2, out _))
            return false;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            i += CoreSchema.CountDigits(text[i..]);
        }
        if (i == text.Length) return true;
        SkipBlanks(text, ref i);
        if (i == text.Length) return false;
        if (text[i] == 'Z') return i + 1 == text.Length;
        if (text[i] is not ('+' or '-')) return false;
        i++;
        if (!Digits(text, ref i, 1, 2, out _)) return false;
        if (i == text.Length) return true;
        return Expect(text, ref i, ':') && Digits(text, ref i, 2, 2, out _) && i == text.Length;
    }

    /// <summary>Base 60: <c>[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?</c> (an int must not start with 0).</summary>
    public static bool IsSexagesimal(ReadOnlySpan<char> text)
    {
        var body = text[0] is '+' or '-' ? text[1..] : text;
        var colon = body.IndexOf(':');
        if (colon <= 0 || !IsDigitsAndUnderscores(body[..colon], requireLeadingDigit: true)) return false;
        var rest = body[colon..];
        while (!rest.IsEmpty && rest[0] == ':')
        {
            var digits = CoreSchema.CountDigits(rest[1..]);
            if (digits is 0 or > 2 || (digits == 2 && rest[1] > '5')) return false;
            rest = rest[(1 + digits)..];
        }
        if (rest.IsEmpty) return body[0] != '0';
        return rest[0] == '.' && IsDigitsAndUnderscores(rest[1..], requireLeadingDigit: false, allowEmpty: true);
    }

    /// <summary>Binary, octal (leading 0), decimal or hexadecimal, all with optional '_' separators.</summary>
    public static bool IsInt(ReadOnlySpan<char> text)
    {
        var body = text[0] is '+' or '-' ? text[1..] : text;
        if (body.IsEmpty) return false;
        if (body.Length > 2 && body[0] == '0' && body[1] == 'b') return CoreSchema.IsAll(body[2..], BinaryDigits);
        if (body.Length > 2 && body[0] == '0' && body[1] == 'x') return CoreSchema.IsAll(body[2..], HexDigits);
        if (body[0] == '0') return body.Length == 1 || CoreSchema.IsAll(body[1..], OctalDigits);
        return IsDigitsAndUnderscores(body, requireLeadingDigit: true);
    }

    /// <summary><c>[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?</c> with at least one digit, or .inf / .nan.</summary>
    public static bool IsFloat(ReadOnlySpan<char> text)
    {
        if (text is ".nan" or ".NaN" or ".NAN") return true;
        var body = text[0] is '+' or '-' ? text[1..] : text;
        if (body is ".inf" or ".Inf" or ".INF") return true;
        var point = body.IndexOf('.');
        if (point < 0) return false;
        var exponent = body.IndexOfAny('e', 'E');
        var mantissaEnd = exponent < 0 ? body.Length : exponent;
        if (point > mantissaEnd) return false;
        var integer = body[..point];
        var fraction = body[(point + 1)..mantissaEnd];
        if (!integer.IsEmpty && !IsDigitsAndUnderscores(integer, requireLeadingDigit: true)) return false;
        if (!IsDigitsAndUnderscores(fraction, requireLeadingDigit: false, allowEmpty: true)) return false;
        if (integer.IsEmpty && CoreSchema.CountDigits(fraction) == 0) return false;
        if (exponent < 0) return true;
        var exp = body[(exponent + 1)..];
        return exp.Length > 1 && exp[0] is '+' or '-' && CoreSchema.IsAll(exp[1..], CoreSchema.DecimalDigits);
    }

    public static BigInteger IntValue(ReadOnlySpan<char> text)
    {
        var negative = text[0] == '-';
        var body = text[0] is '+' or '-' ? text[1..] : text;
        BigInteger value;
        if (body.Length > 2 && body[0] == '0' && body[1] == 'b') value = CoreSchema.ParseRadix(body[2..], 2);
        else if (body.Length > 2 && body[0] == '0' && body[1] == 'x') value = CoreSchema.ParseRadix(body[2..], 16);
        else if (body.Length > 1 && body[0] == '0') value = CoreSchema.ParseRadix(body[1..], 8);
        else value = CoreSchema.ParseRadix(body, 10);
        return negative ? -value : value;
    }

    /// <summary>The value of a base-60 number, as a message shows it.</summary>
    public static string DescribeSexagesimal(ReadOnlySpan<char> text)
    {
        var negative = text[0] == '-';
        var body = text[0] is '+' or '-' ? text[1..] : text;
        var point = body.IndexOf('.');
        var whole = point < 0 ? body : body[..point];
        BigInteger value = BigInteger.Zero;
        foreach (var part in whole.ToString().Split(':'))
            value = value * 60 + CoreSchema.ParseRadix(part, 10);
        var result = value.ToString(CultureInfo.InvariantCulture);
        if (point >= 0)
        {
            var fraction = body[(point + 1)..].ToString().Replace("_", "", StringComparison.Ordinal);
            if (fraction.Length > 0) result += "." + fraction;
        }
        return negative ? "-" + result : result;
    }

    public static string DescribeFloat(ReadOnlySpan<char> text)
    {
        var cleaned = text.ToString().Replace("_", "", StringComparison.Ordinal);
        if (cleaned.EndsWith('.')) cleaned += "0";
        return double.Parse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }

    // YAML 1.1 allows '_' between digits.
    private static readonly SearchValues<char> DecimalDigits = SearchValues.Create("0123456789_");
    private static readonly SearchValues<char> BinaryDigits = SearchValues.Create("01_");
    private static readonly SearchValues<char> OctalDigits = SearchValues.Create("01234567_");
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF_");

    private static bool IsDigitsAndUnderscores(ReadOnlySpan<char> text, bool requireLeadingDigit, bool allowEmpty = false)
    {
        if (text.IsEmpty) return allowEmpty;
        if (requireLeadingDigit && !char.IsAsciiDigit(text[0])) return false;
        return CoreSchema.IsAll(text, DecimalDigits);
    }

    private static bool Digits(ReadOnlySpan<char> text, ref int i, int min, int max, out int count)
    {
        count = CoreSchema.CountDigits(text[i..]);
        if (count < min || count > max) return false;
        i += count;
        return true;
    }

    private static bool Expect(ReadOnlySpan<char> text, ref int i, char c)
    {
        if (i >= text.Length || text[i] != c) return false;
        i++;
        return true;
    }

    private static bool SkipBlanks(ReadOnlySpan<char> text, ref int i)
    {
        var start = i;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        return i > start;
    }
}
