using System.Diagnostics.CodeAnalysis;

namespace AdvisoryPipeline.Osv.Versions;

/// <summary>
/// The <c>[epoch:]version[-release]</c> shape that Debian and RPM versions share: the epoch ends at the
/// first colon, the release (Debian's "revision") starts after the last hyphen.
/// </summary>
internal readonly record struct EpochVersionRelease(string Epoch, string Version, string? Release)
{
    /// <summary>Splits <paramref name="text"/>; <paramref name="releaseName"/> names the last part in messages.</summary>
    public static bool TrySplit(
        ReadOnlySpan<char> text, string releaseName, out EpochVersionRelease parts, [NotNullWhen(false)] out string? reason)
    {
        parts = default;
        var epoch = "0";
        var colon = text.IndexOf(':');
        if (colon >= 0)
        {
            if (!DigitString.AllDigits(text[..colon]))
            {
                reason = $"the epoch {QuotedText.Of(text[..colon].ToString())} is not a number";
                return false;
            }
            epoch = DigitString.Normalize(text[..colon]);
            text = text[(colon + 1)..];
        }

        var hyphen = text.LastIndexOf('-');
        var version = hyphen < 0 ? text : text[..hyphen];
        reason = version.IsEmpty ? (colon >= 0 && text.IsEmpty ? "nothing after the epoch's colon" : "the version part is empty")
            : hyphen >= 0 && hyphen == text.Length - 1 ? $"the {releaseName} after the last hyphen is empty"
            : null;
        if (reason is not null) return false;
        parts = new EpochVersionRelease(epoch, version.ToString(), hyphen < 0 ? null : text[(hyphen + 1)..].ToString());
        return true;
    }

    /// <summary>The usual spelling: no <c>0:</c> epoch, the release after a hyphen when there is one.</summary>
    public string Format() => (Epoch == "0" ? "" : Epoch + ":") + Version + (Release is null ? "" : "-" + Release);

    /// <summary>Checks that every character of <paramref name="part"/> is a letter, a digit or in <paramref name="punctuation"/>.</summary>
    public static bool CheckCharacters(string part, string punctuation, string name, [NotNullWhen(false)] out string? reason)
    {
        foreach (var c in part)
        {
            if (!DigitString.IsAsciiDigit(c) && !DigitString.IsAsciiLetter(c) && !punctuation.Contains(c))
            {
                reason = $"invalid character {QuotedText.Of(c)} in the {name}";
                return false;
            }
        }
        reason = null;
        return true;
    }
}
