using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace AdvisoryPipeline.Loading.Yaml;

internal enum CoreType : byte
{
    String,
    Null,
    Bool,
    Int,
    Float,
}

/// <summary>
/// Resolution of plain scalars by the YAML 1.2 core schema (spec 1.2.2, section 10.3.2), on spans and
/// without allocating: most scalars are rejected as non-special by their first character.
/// </summary>
internal static class CoreSchema
{
    public static CoreType Resolve(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return CoreType.Null;
        switch (text[0])
        {
            case '~':
                return text.Length == 1 ? CoreType.Null : CoreType.String;
            case 'n' or 'N':
                return text is "null" or "Null" or "NULL" ? CoreType.Null : CoreType.String;
            case 't' or 'T' or 'f' or 'F':
                return IsBool(text) ? CoreType.Bool : CoreType.String;
            case '.' or '+' or '-' or (>= '0' and <= '9'):
                return ResolveNumber(text);
            default:
                return CoreType.String;
        }
    }

    public static bool IsBool(ReadOnlySpan<char> text) =>
        text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE";

    public static bool IsTrue(ReadOnlySpan<char> text) => text[0] is 't' or 'T';

    private static CoreType ResolveNumber(ReadOnlySpan<char> text)
    {
        if (text.Length > 2 && text[0] == '0')
        {
            if (text[1] == 'o') return IsAll(text[2..], OctalDigits) ? CoreType.Int : CoreType.String;
            if (text[1] == 'x') return IsAll(text[2..], HexDigits) ? CoreType.Int : CoreType.String;
        }
        if (text is ".nan" or ".NaN" or ".NAN") return CoreType.Float;
        var body = text[0] is '+' or '-' ? text[1..] : text;
        if (body is ".inf" or ".Inf" or ".INF") return CoreType.Float;
        if (IsAll(body, DecimalDigits)) return CoreType.Int;
        return IsDecimalFloat(body) ? CoreType.Float : CoreType.String;
    }

    /// <summary><c>(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</c></summary>
    private static bool IsDecimalFloat(ReadOnlySpan<char> body)
    {
        var i = CountDigits(body);
        var integerDigits = i;
        if (i < body.Length && body[i] == '.')
        {
            var fractionDigits = CountDigits(body[++i..]);
            if (integerDigits == 0 && fractionDigits == 0) return false;
            i += fractionDigits;
        }
        else if (integerDigits == 0)
        {
            return false;
        }
        return SkipExponent(body, ref i) && i == body.Length;
    }

    /// <summary>Moves past an optional <c>[eE][-+]?[0-9]+</c> at <paramref name="i"/>; false if one starts but is incomplete.</summary>
    private static bool SkipExponent(ReadOnlySpan<char> text, ref int i)
    {
        if (i == text.Length || text[i] is not ('e' or 'E')) return true;
        i++;
        if (i < text.Length && text[i] is '+' or '-') i++;
        var exponentDigits = CountDigits(text[i..]);
        i += exponentDigits;
        return exponentDigits > 0;
    }

    /// <summary>
    /// JSON text of a core int or float: decimal, no '+', no superfluous leading zeros, digits on both sides
    /// of the point. Null for .inf and .nan, which JSON cannot represent.
    /// </summary>
    public static string? ToJsonNumber(ReadOnlySpan<char> text, CoreType type) =>
        IsJsonNumber(text) ? text.ToString() : NormalizeNumber(text, type);

    /// <summary>Whether the text already is a JSON number: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?</c>.</summary>
    public static bool IsJsonNumber(ReadOnlySpan<char> text)
    {
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var integerDigits = CountDigits(text[i..]);
        if (integerDigits == 0 || (integerDigits > 1 && text[i] == '0')) return false;
        i += integerDigits;
        if (i < text.Length && text[i] == '.')
        {
            var fractionDigits = CountDigits(text[(i + 1)..]);
            if (fractionDigits == 0) return false;
            i += 1 + fractionDigits;
        }
        return SkipExponent(text, ref i) && i == text.Length;
    }

    private static string? NormalizeNumber(ReadOnlySpan<char> text, CoreType type)
    {
        if (type == CoreType.Int && text.Length > 2 && text[0] == '0' && text[1] is 'o' or 'x')
            return ParseRadix(text[2..], text[1] == 'o' ? 8 : 16).ToString(CultureInfo.InvariantCulture);

        var negative = text[0] == '-';
        var body = text[0] is '+' or '-' ? text[1..] : text;
        if (body.Length > 0 && body[0] == '.' && body.Length > 1 && body[1] is 'i' or 'I' or 'n' or 'N') return null;

        var integerLength = CountDigits(body);
        var integer = body[..integerLength].TrimStart('0');
        var rest = body[integerLength..];
        var builder = new System.Text.StringBuilder(text.Length + 2);
        if (negative) builder.Append('-');
        builder.Append(integer.IsEmpty ? "0" : integer);
        if (!rest.IsEmpty && rest[0] == '.')
        {
            var fractionLength = CountDigits(rest[1..]);
            if (fractionLength > 0) builder.Append(rest[..(fractionLength + 1)]);
            rest = rest[(fractionLength + 1)..];
        }
        builder.Append(rest); // the exponent, which JSON writes the same way
        return builder.ToString();
    }

    /// <summary>How a message shows the number YAML reads: 1.10 is shown as 1.1, 0x1F as 31.</summary>
    public static string DescribeNumber(string jsonNumber, CoreType type) =>
        type == CoreType.Float
            ? double.Parse(jsonNumber, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
            : jsonNumber;

    public static BigInteger IntValue(ReadOnlySpan<char> text)
    {
        if (text.Length > 2 && text[0] == '0' && text[1] is 'o' or 'x')
            return ParseRadix(text[2..], text[1] == 'o' ? 8 : 16);
        return BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    /// <summary>Digits in base 8 or 16, ignoring '_' (which YAML 1.1 allows between digits).</summary>
    internal static BigInteger ParseRadix(ReadOnlySpan<char> digits, int radix)
    {
        BigInteger value = BigInteger.Zero;
        foreach (var c in digits)
        {
            if (c == '_') continue;
            value = value * radix + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        }
        return value;
    }

    internal static int CountDigits(ReadOnlySpan<char> text)
    {
        var i = text.IndexOfAnyExceptInRange('0', '9');
        return i < 0 ? text.Length : i;
    }

    internal static readonly SearchValues<char> DecimalDigits = SearchValues.Create("0123456789");
    internal static readonly SearchValues<char> OctalDigits = SearchValues.Create("01234567");
    internal static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Non-empty and made of <paramref name="allowed"/> only (vectorized: versions and URLs pass through here).</summary>
    internal static bool IsAll(ReadOnlySpan<char> text, SearchValues<char> allowed) =>
        !text.IsEmpty && !text.ContainsAnyExcept(allowed);
}
