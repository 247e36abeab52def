namespace AdvisoryPipeline.JsonSchema.Formats;

/// <summary>RFC 3986 URIs and references, RFC 3987 IRIs (same grammar plus non-ASCII characters) and RFC 6570 URI templates.</summary>
internal static class UriFormats
{
    private const string SubDelims = "!$&'()*+,;=";

    public static bool IsUri(string s) => Parse(s, requireScheme: true, allowUnicode: false);

    public static bool IsUriReference(string s) => Parse(s, requireScheme: false, allowUnicode: false);

    public static bool IsIri(string s) => Parse(s, requireScheme: true, allowUnicode: true);

    public static bool IsIriReference(string s) => Parse(s, requireScheme: false, allowUnicode: true);

    /// <summary>Literals and {expressions} with an optional operator and comma-separated varspecs (name, :prefix or *).</summary>
    public static bool IsUriTemplate(string s)
    {
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '}') return false;
            if (c != '{')
            {
                if (c is ' ' or '"' or '<' or '>' or '\\' or '^' or '`' or '|' || char.IsControl(c)) return false;
                if (c == '%' && !IsPercentEncoded(s, i)) return false;
                i++;
                continue;
            }
            var close = s.IndexOf('}', i);
            if (close < 0 || !IsTemplateExpression(s.AsSpan(i + 1, close - i - 1))) return false;
            i = close + 1;
        }
        return true;
    }

    private static bool IsTemplateExpression(ReadOnlySpan<char> expression)
    {
        if (expression.IsEmpty) return false;
        if ("+#./;?&=,!@|".Contains(expression[0])) expression = expression[1..];
        foreach (var range in expression.Split(','))
        {
            var spec = expression[range];
            if (spec.EndsWith("*")) spec = spec[..^1];
            else if (spec.IndexOf(':') is var colon and >= 0)
            {
                var length = spec[(colon + 1)..];
                if (length.IsEmpty || length.Length > 4 || length[0] == '0') return false;
                foreach (var d in length)
                    if (!char.IsAsciiDigit(d)) return false;
                spec = spec[..colon];
            }
            if (spec.IsEmpty) return false;
            for (var k = 0; k < spec.Length; k++)
            {
                var c = spec[k];
                if (char.IsAsciiLetterOrDigit(c) || c == '_' || (c == '.' && k > 0 && spec[k - 1] != '.')) continue;
                if (c == '%' && k + 2 < spec.Length && char.IsAsciiHexDigit(spec[k + 1]) && char.IsAsciiHexDigit(spec[k + 2])) { k += 2; continue; }
                return false;
            }
        }
        return true;
    }

    private static bool Parse(string s, bool requireScheme, bool allowUnicode)
    {
        var rest = s.AsSpan();
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            if (!AllValid(rest[(hash + 1)..], "/?:@", allowUnicode)) return false;
            rest = rest[..hash];
        }
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            if (!AllValid(rest[(question + 1)..], "/?:@", allowUnicode)) return false;
            rest = rest[..question];
        }
        var colon = rest.IndexOf(':');
        var slash = rest.IndexOf('/');
        // A colon before any slash can only end a scheme (a relative path's first segment may not contain one).
        if (colon >= 0 && (slash < 0 || colon < slash))
        {
            if (colon == 0 || !char.IsAsciiLetter(rest[0])) return false;
            foreach (var c in rest[..colon])
                if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return false;
            rest = rest[(colon + 1)..];
        }
        else if (requireScheme)
        {
            return false;
        }
        if (rest.StartsWith("//"))
        {
            var end = rest[2..].IndexOf('/');
            if (!IsAuthority(end < 0 ? rest[2..] : rest.Slice(2, end), allowUnicode)) return false;
            rest = end < 0 ? [] : rest[(2 + end)..];
        }
        return AllValid(rest, "/:@", allowUnicode);
    }

    private static bool IsAuthority(ReadOnlySpan<char> authority, bool allowUnicode)
    {
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            if (!AllValid(authority[..at], ":", allowUnicode)) return false;
            authority = authority[(at + 1)..];
        }
        if (authority.StartsWith("["))
        {
            var close = authority.IndexOf(']');
            if (close < 0) return false;
            var literal = authority[1..close].ToString();
            if (!(NetworkFormats.IsIPv6(literal) || IsIPvFuture(literal))) return false;
            authority = authority[(close + 1)..];
            return authority.IsEmpty || (authority[0] == ':' && AllDigits(authority[1..]));
        }
        var portColon = authority.LastIndexOf(':');
        if (portColon >= 0)
        {
            if (!AllDigits(authority[(portColon + 1)..])) return false;
            authority = authority[..portColon];
        }
        return AllValid(authority, "", allowUnicode);
    }

    /// <summary>"v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" ).</summary>
    private static bool IsIPvFuture(string literal)
    {
        var dot = literal.IndexOf('.');
        return literal.Length > 3 && literal[0] is 'v' or 'V' && dot > 1 && dot < literal.Length - 1
            && !literal.AsSpan(1, dot - 1).ContainsAnyExcept("0123456789abcdefABCDEF")
            && AllValid(literal.AsSpan(dot + 1), ":", allowUnicode: false);
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    /// <summary>Every character is unreserved, a sub-delimiter, one of <paramref name="extra"/>, a valid %XX, or (IRI) a non-ASCII character.</summary>
    private static bool AllValid(ReadOnlySpan<char> part, string extra, bool allowUnicode)
    {
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' || SubDelims.Contains(c) || extra.Contains(c)) continue;
            if (c == '%')
            {
                if (i + 2 >= part.Length || !char.IsAsciiHexDigit(part[i + 1]) || !char.IsAsciiHexDigit(part[i + 2])) return false;
                i += 2;
                continue;
            }
            if (allowUnicode && c >= 0xA0 && !char.IsControl(c)) continue;
            return false;
        }
        return true;
    }

    private static bool IsPercentEncoded(string s, int i) =>
        i + 2 < s.Length && char.IsAsciiHexDigit(s[i + 1]) && char.IsAsciiHexDigit(s[i + 2]);
}
