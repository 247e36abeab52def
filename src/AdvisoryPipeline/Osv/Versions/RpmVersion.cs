using System.Text;

namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// An RPM version ordered as <c>rpmvercmp</c> on epoch, version and release: alphanumeric runs are
/// compared one by one (numbers as numbers, above letters), other characters only separate, <c>~</c> sorts
/// before everything (<c>1.0~rc1 &lt; 1.0</c>) and <c>^</c> after the end but before anything else
/// (<c>1.0 &lt; 1.0^git1 &lt; 1.0.1</c>). A missing release sorts before any release, which keeps the
/// order total (rpm itself skips the release when one side has none).
/// </summary>
internal sealed class RpmVersion(string text, EpochVersionRelease parts) : EpochVersionReleaseVersion(text, parts)
{
    private static bool IsAlphanumeric(char c) => DigitString.IsAsciiDigit(c) || DigitString.IsAsciiLetter(c);

    private static bool IsSeparator(char c) => !IsAlphanumeric(c) && c is not ('~' or '^');

    /// <summary>rpm's <c>rpmvercmp</c>.</summary>
    private protected override int CompareParts(string left, string right)
    {
        if (left == right) return 0;
        int i = 0, j = 0;
        while (i < left.Length || j < right.Length)
        {
            while (i < left.Length && IsSeparator(left[i])) i++;
            while (j < right.Length && IsSeparator(right[j])) j++;

            var leftEnd = i == left.Length;
            var rightEnd = j == right.Length;
            if ((!leftEnd && left[i] == '~') || (!rightEnd && right[j] == '~'))
            {
                if (leftEnd || left[i] != '~') return 1;
                if (rightEnd || right[j] != '~') return -1;
                i++;
                j++;
                continue;
            }
            if ((!leftEnd && left[i] == '^') || (!rightEnd && right[j] == '^'))
            {
                if (leftEnd) return -1;
                if (rightEnd) return 1;
                if (left[i] != '^') return 1;
                if (right[j] != '^') return -1;
                i++;
                j++;
                continue;
            }
            if (leftEnd || rightEnd) break;

            var numeric = DigitString.IsAsciiDigit(left[i]);
            var leftStart = i;
            var rightStart = j;
            while (i < left.Length && (numeric ? DigitString.IsAsciiDigit(left[i]) : DigitString.IsAsciiLetter(left[i]))) i++;
            while (j < right.Length && (numeric ? DigitString.IsAsciiDigit(right[j]) : DigitString.IsAsciiLetter(right[j]))) j++;
            // Runs of different kinds: a number beats letters.
            if (j == rightStart) return numeric ? 1 : -1;

            var leftRun = left.AsSpan(leftStart, i - leftStart);
            var rightRun = right.AsSpan(rightStart, j - rightStart);
            var result = numeric ? DigitString.Compare(leftRun, rightRun) : leftRun.SequenceCompareTo(rightRun);
            if (result != 0) return Math.Sign(result);
        }
        var leftDone = i >= left.Length;
        var rightDone = j >= right.Length;
        return leftDone && rightDone ? 0 : leftDone ? -1 : 1;
    }

    /// <summary>The runs and markers <see cref="CompareParts"/> walks through, separators dropped.</summary>
    private protected override string OrderKey(string part)
    {
        var key = new StringBuilder();
        var i = 0;
        while (i < part.Length)
        {
            var c = part[i];
            if (c is '~' or '^')
            {
                key.Append(c).Append('|');
                i++;
                continue;
            }
            if (IsSeparator(c))
            {
                i++;
                continue;
            }
            var numeric = DigitString.IsAsciiDigit(c);
            var start = i;
            while (i < part.Length && (numeric ? DigitString.IsAsciiDigit(part[i]) : DigitString.IsAsciiLetter(part[i]))) i++;
            var run = part.AsSpan(start, i - start);
            key.Append(numeric ? "#" + DigitString.Normalize(run) : run.ToString()).Append('|');
        }
        return key.ToString();
    }
}
