using System.Diagnostics.CodeAnalysis;

namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// NuGet package versions as NuGet.Versioning's <c>NuGetVersion</c> reads them: one to four numbers
/// (<c>1</c>, <c>1.2</c>, <c>1.2.3</c>, legacy <c>1.2.3.4</c>) that may have leading zeros and must fit in
/// 32 bits, an optional SemVer pre-release (numeric labels without leading zeros) and optional build
/// metadata. Surrounding whitespace is ignored, as NuGet does.
/// </summary>
internal sealed class NuGetScheme : VersionScheme
{
    public static readonly NuGetScheme Instance = new();

    private static readonly string[] PartNames = ["major", "minor", "patch", "revision"];

    private NuGetScheme() { }

    public override string Name => "NuGet";

    private protected override bool TryParseVersion(
        string text, [NotNullWhen(true)] out ParsedVersion? version, [NotNullWhen(false)] out string? reason)
    {
        version = null;
        var s = text.AsSpan().Trim();

        var end = s.IndexOfAny('-', '+');
        var numbersText = end < 0 ? s : s[..end];
        var numbers = new List<int>(4);
        foreach (var range in numbersText.Split('.'))
        {
            var part = numbersText[range];
            var name = numbers.Count < PartNames.Length ? PartNames[numbers.Count] : null;
            if (name is null)
            {
                reason = "more than four numbers";
                return false;
            }
            if (!DigitString.AllDigits(part))
            {
                reason = part.IsEmpty ? $"empty {name} number" : $"the {name} number {QuotedText.Of(part.ToString())} is not a number";
                return false;
            }
            // System.Version, which NuGet parses into, holds 32-bit numbers.
            if (DigitString.Compare(part, "2147483647") > 0)
            {
                reason = $"the {name} number {QuotedText.Of(part.ToString())} is larger than 2147483647";
                return false;
            }
            numbers.Add(int.Parse(part, System.Globalization.CultureInfo.InvariantCulture));
        }

        string[] labels = [];
        var rest = end < 0 ? [] : s[end..];
        if (!rest.IsEmpty && rest[0] == '-')
        {
            var plus = rest.IndexOf('+');
            var part = plus < 0 ? rest[1..] : rest[1..plus];
            if (!SemVerIdentifiers.TryParse(part, "pre-release", allowLeadingZeros: false, out labels, out reason)) return false;
            rest = plus < 0 ? [] : rest[plus..];
        }
        if (!rest.IsEmpty
            && !SemVerIdentifiers.TryParse(rest[1..], "build", allowLeadingZeros: true, out _, out reason))
            return false;

        while (numbers.Count < 4) numbers.Add(0);
        version = new NuGetVersion(text, [.. numbers], labels);
        reason = null;
        return true;
    }
}
