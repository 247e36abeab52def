using System.Text;

namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// A Debian version ordered as dpkg does: epoch numerically, then upstream and revision with dpkg's
/// algorithm, alternating non-digit runs (letters before other characters, <c>~</c> before everything,
/// even the end: <c>1.0~rc1 &lt; 1.0</c>) and digit runs compared as numbers. A missing revision equals
/// <c>0</c>.
/// </summary>
internal sealed class DebianVersion(string text, EpochVersionRelease parts) : EpochVersionReleaseVersion(text, parts)
{
    /// <summary>dpkg's <c>verrevcmp</c>.</summary>
    private protected override int CompareParts(string left, string right)
    {
        int i = 0, j = 0;
        while (i < left.Length || j < right.Length)
        {
            while ((i < left.Length && !DigitString.IsAsciiDigit(left[i])) || (j < right.Length && !DigitString.IsAsciiDigit(right[j])))
            {
                var leftOrder = Order(left, i);
                var rightOrder = Order(right, j);
                if (leftOrder != rightOrder) return leftOrder.CompareTo(rightOrder);
                i++;
                j++;
            }
            var leftStart = i;
            while (i < left.Length && DigitString.IsAsciiDigit(left[i])) i++;
            var rightStart = j;
            while (j < right.Length && DigitString.IsAsciiDigit(right[j])) j++;
            var result = DigitString.Compare(left.AsSpan(leftStart, i - leftStart), right.AsSpan(rightStart, j - rightStart));
            if (result != 0) return result;
        }
        return 0;
    }

    /// <summary>Sort weight of the character at <paramref name="index"/>: ~ &lt; end/digit &lt; letters &lt; other characters.</summary>
    private static int Order(string text, int index)
    {
        if (index >= text.Length) return 0;
        var c = text[index];
        return DigitString.IsAsciiDigit(c) ? 0
            : DigitString.IsAsciiLetter(c) ? c
            : c == '~' ? -1
            : c + 256;
    }

    /// <summary>
    /// The (non-digit run, number) pairs that <see cref="CompareParts"/> walks through, so that two parts
    /// compare equal exactly when their keys are equal: <c>1.0</c>, <c>1.00</c> and <c>1.</c> agree, and an
    /// empty part equals <c>0</c>.
    /// </summary>
    private protected override string OrderKey(string part)
    {
        var key = new StringBuilder();
        var i = 0;
        while (i < part.Length)
        {
            var start = i;
            while (i < part.Length && !DigitString.IsAsciiDigit(part[i])) i++;
            key.Append(part, start, i - start).Append('\u0001');
            start = i;
            while (i < part.Length && DigitString.IsAsciiDigit(part[i])) i++;
            key.Append(DigitString.Normalize(part.AsSpan(start, i - start))).Append('\u0002');
        }
        var text = key.ToString();
        return text == "\u00010\u0002" ? "" : text;
    }
}
