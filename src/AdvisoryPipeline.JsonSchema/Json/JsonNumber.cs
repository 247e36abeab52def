using System.Numerics;

namespace AdvisoryPipeline.JsonSchema.Json;

/// <summary>
/// Exact arithmetic on the decimal text of a JSON number, so that comparisons, integer checks and
/// multipleOf never lose precision (1e308, 0.1 or 12391239123 with multipleOf 1e-8 all behave as in maths).
/// Works on the raw UTF-8 text without allocating.
/// </summary>
/// <remarks>The value is 0.d1d2d3... × 10^<see cref="PointPosition"/> where d1 is the first significant digit.</remarks>
internal readonly ref struct JsonNumber
{
    private const long ExponentLimit = 1_000_000_000;

    private readonly ReadOnlySpan<byte> _text;
    private readonly int _intStart, _intLength, _fracStart, _fracLength;
    private readonly int _firstSignificant, _lastSignificant;

    public bool IsNegative { get; }

    public bool IsZero => _firstSignificant < 0;

    /// <summary>Decimal exponent of the digit sequence, see the type remarks. Meaningless for zero.</summary>
    public long PointPosition { get; }

    public int SignificantDigitCount => IsZero ? 0 : _lastSignificant - _firstSignificant + 1;

    /// <summary>Parses the raw text of a number that <see cref="System.Text.Json"/> already validated.</summary>
    public JsonNumber(ReadOnlySpan<byte> text)
    {
        _text = text;
        var i = 0;
        if (text[0] == (byte)'-') { IsNegative = true; i++; }
        _intStart = i;
        while (i < text.Length && IsDigit(text[i])) i++;
        _intLength = i - _intStart;
        if (i < text.Length && text[i] == (byte)'.')
        {
            i++;
            _fracStart = i;
            while (i < text.Length && IsDigit(text[i])) i++;
            _fracLength = i - _fracStart;
        }
        long exponent = 0;
        if (i < text.Length && (text[i] | 0x20) == (byte)'e')
        {
            i++;
            var negativeExponent = false;
            if (text[i] is (byte)'+' or (byte)'-') { negativeExponent = text[i] == (byte)'-'; i++; }
            for (; i < text.Length; i++)
                exponent = Math.Min(ExponentLimit, exponent * 10 + (text[i] - '0'));
            if (negativeExponent) exponent = -exponent;
        }

        _firstSignificant = -1;
        _lastSignificant = -1;
        var total = _intLength + _fracLength;
        for (var k = 0; k < total; k++)
            if (DigitAt(k) != 0) { _firstSignificant = k; break; }
        if (_firstSignificant >= 0)
            for (var k = total - 1; k >= 0; k--)
                if (DigitAt(k) != 0) { _lastSignificant = k; break; }
        PointPosition = _intLength - _firstSignificant + exponent;
    }

    /// <summary>True when the value has no fractional part (1.0 and 1e2 are integers).</summary>
    public bool IsInteger => IsZero || SignificantDigitCount <= PointPosition;

    /// <summary>The k-th significant digit (0-based); zero past the end.</summary>
    public int SignificantDigit(int k) => k < SignificantDigitCount ? DigitAt(_firstSignificant + k) : 0;

    public static int Compare(JsonNumber a, JsonNumber b)
    {
        if (a.IsZero && b.IsZero) return 0;
        var signA = a.IsZero ? 0 : a.IsNegative ? -1 : 1;
        var signB = b.IsZero ? 0 : b.IsNegative ? -1 : 1;
        if (signA != signB) return signA.CompareTo(signB);
        return signA * CompareMagnitude(a, b);
    }

    /// <summary>Whether <paramref name="value"/> divided by <paramref name="divisor"/> is an integer, computed exactly.</summary>
    public static bool IsMultipleOf(JsonNumber value, JsonNumber divisor)
    {
        if (value.IsZero) return true;
        if (divisor.IsZero) return false;
        // value = X × 10^a and divisor = D × 10^b with X, D integers made of the significant digits.
        var a = value.PointPosition - value.SignificantDigitCount;
        var b = divisor.PointPosition - divisor.SignificantDigitCount;
        var shift = a - b;
        // X has no trailing zeros, so it can never be a multiple of D × 10^k for k > 0.
        if (shift < 0) return false;
        if (value.SignificantDigitCount <= 18 && divisor.SignificantDigitCount <= 18 && shift <= 18)
            return value.SignificantInteger() * UInt128Pow10((int)shift) % divisor.SignificantInteger() == 0;
        // X × 10^shift is a multiple of D iff D's part coprime to 10 divides X, once 10^shift covers D's factors 2 and 5.
        var (coprime, twos, fives) = SplitTwosAndFives(BigSignificand(divisor));
        var x = BigSignificand(value);
        if (shift >= Math.Max(twos, fives)) return x % coprime == 0;
        return x * BigInteger.Pow(10, (int)shift) % BigSignificand(divisor) == 0;
    }

    private static (BigInteger Coprime, int Twos, int Fives) SplitTwosAndFives(BigInteger d)
    {
        int twos = 0, fives = 0;
        while (d.IsEven) { d /= 2; twos++; }
        while (d % 5 == 0) { d /= 5; fives++; }
        return (d, twos, fives);
    }

    private ulong SignificantInteger()
    {
        ulong result = 0;
        for (var k = 0; k < SignificantDigitCount; k++) result = result * 10 + (ulong)SignificantDigit(k);
        return result;
    }

    private static BigInteger BigSignificand(JsonNumber n)
    {
        Span<char> digits = n.SignificantDigitCount <= 256 ? stackalloc char[n.SignificantDigitCount] : new char[n.SignificantDigitCount];
        for (var k = 0; k < digits.Length; k++) digits[k] = (char)('0' + n.SignificantDigit(k));
        return BigInteger.Parse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static UInt128 UInt128Pow10(int exponent)
    {
        UInt128 result = 1;
        for (var k = 0; k < exponent; k++) result *= 10;
        return result;
    }

    private static int CompareMagnitude(JsonNumber a, JsonNumber b)
    {
        if (a.PointPosition != b.PointPosition) return a.PointPosition.CompareTo(b.PointPosition);
        var length = Math.Max(a.SignificantDigitCount, b.SignificantDigitCount);
        for (var k = 0; k < length; k++)
        {
            var difference = a.SignificantDigit(k) - b.SignificantDigit(k);
            if (difference != 0) return Math.Sign(difference);
        }
        return 0;
    }

    private int DigitAt(int combinedIndex) =>
        (combinedIndex < _intLength ? _text[_intStart + combinedIndex] : _text[_fracStart + combinedIndex - _intLength]) - '0';

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
}
