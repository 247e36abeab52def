using AdvisoryPipeline.JsonSchema.Patterns;

namespace AdvisoryPipeline.JsonSchema.Formats;

/// <summary>Formats with a one-line grammar: UUID (RFC 4122), JSON pointers (RFC 6901, relative draft) and ECMA-262 regexes.</summary>
internal static class SimpleFormats
{
    /// <summary>8-4-4-4-12 hexadecimal digits, any version.</summary>
    public static bool IsUuid(string s)
    {
        if (s.Length != 36) return false;
        for (var i = 0; i < s.Length; i++)
        {
            var dash = i is 8 or 13 or 18 or 23;
            if (dash ? s[i] != '-' : !char.IsAsciiHexDigit(s[i])) return false;
        }
        return true;
    }

    /// <summary>Empty, or "/"-prefixed tokens in which '~' only appears as ~0 or ~1.</summary>
    public static bool IsJsonPointer(string s) => s.Length == 0 || (s[0] == '/' && HasValidEscapes(s));

    /// <summary>A non-negative integer without leading zeros, then "#" or a JSON pointer.</summary>
    public static bool IsRelativeJsonPointer(string s)
    {
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits])) digits++;
        if (digits == 0 || (digits > 1 && s[0] == '0')) return false;
        var rest = s[digits..];
        return rest == "#" || IsJsonPointer(rest);
    }

    public static bool IsRegex(string s) => Patterns.EcmaRegex.TryTranslate(s, out var translated, out _) && IsDotNetRegex(translated);

    private static bool IsDotNetRegex(string pattern)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool HasValidEscapes(string s)
    {
        for (var i = 0; i < s.Length; i++)
            if (s[i] == '~' && (i + 1 >= s.Length || s[i + 1] is not ('0' or '1'))) return false;
        return true;
    }
}
