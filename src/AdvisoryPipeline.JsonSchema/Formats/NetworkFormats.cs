namespace AdvisoryPipeline.JsonSchema.Formats;

/// <summary>IP addresses (RFC 2673/4291), host names (RFC 1123, with IDNA A-labels) and e-mail addresses (RFC 5321).</summary>
internal static class NetworkFormats
{
    /// <summary>Dotted quad, decimal octets 0-255 without leading zeros.</summary>
    public static bool IsIPv4(string s) => IsIPv4(s.AsSpan());

    private static bool IsIPv4(ReadOnlySpan<char> s)
    {
        var octets = 0;
        foreach (var range in s.Split('.'))
        {
            var part = s[range];
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0')) return false;
            var value = 0;
            foreach (var c in part)
            {
                if (!char.IsAsciiDigit(c)) return false;
                value = value * 10 + (c - '0');
            }
            if (value > 255) return false;
            octets++;
        }
        return octets == 4;
    }

    /// <summary>Eight groups of up to four hex digits, one "::" elision, optional trailing dotted quad; no zone.</summary>
    public static bool IsIPv6(string s)
    {
        var span = s.AsSpan();
        var elision = span.IndexOf("::");
        if (elision >= 0 && span[(elision + 1)..].IndexOf("::") >= 0) return false;
        var groups = 0;
        if (elision >= 0)
        {
            if (!TryCountGroups(span[..elision], allowIPv4: false, ref groups)) return false;
            if (!TryCountGroups(span[(elision + 2)..], allowIPv4: true, ref groups)) return false;
            return groups <= 7;
        }
        return TryCountGroups(span, allowIPv4: true, ref groups) && groups == 8;
    }

    private static bool TryCountGroups(ReadOnlySpan<char> part, bool allowIPv4, ref int groups)
    {
        if (part.IsEmpty) return true;
        var pieces = part.Count(':') + 1;
        var index = 0;
        foreach (var range in part.Split(':'))
        {
            var piece = part[range];
            index++;
            if (index == pieces && allowIPv4 && piece.Contains('.'))
            {
                if (!IsIPv4(piece)) return false;
                groups += 2;
                continue;
            }
            if (piece.Length is 0 or > 4) return false;
            foreach (var c in piece)
                if (!char.IsAsciiHexDigit(c)) return false;
            groups++;
        }
        return true;
    }

    /// <summary>RFC 1123 host name; "xn--" labels must be valid Punycode that passes the IDNA contextual rules.</summary>
    public static bool IsHostname(string s)
    {
        if (s.Length is 0 or > 253) return false;
        foreach (var range in s.AsSpan().Split('.'))
        {
            var label = s.AsSpan()[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
            foreach (var c in label)
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-')) return false;
            if (label.Length >= 4 && label[2] == '-' && label[3] == '-')
            {
                if (!label[..2].Equals("xn", StringComparison.OrdinalIgnoreCase)) return false;
                if (!IdnaLabel.IsValidALabel(label[4..].ToString())) return false;
            }
        }
        return true;
    }

    /// <summary>local-part "@" domain, where local-part is a dot-atom or quoted string and domain a host name or address literal.</summary>
    public static bool IsEmail(string s)
    {
        var at = s.LastIndexOf('@');
        if (at <= 0 || at == s.Length - 1) return false;
        return IsLocalPart(s.AsSpan(0, at)) && IsMailDomain(s[(at + 1)..]);
    }

    private static bool IsLocalPart(ReadOnlySpan<char> local)
    {
        if (local[0] == '"')
        {
            if (local.Length < 2 || local[^1] != '"') return false;
            for (var i = 1; i < local.Length - 1; i++)
            {
                var c = local[i];
                if (c == '\\') { i++; if (i >= local.Length - 1 || local[i] < ' ' || local[i] > '~') return false; continue; }
                if (c == '"' || c < ' ' || c > '~') return false;
            }
            return true;
        }
        if (local[0] == '.' || local[^1] == '.' || local.IndexOf("..") >= 0) return false;
        foreach (var c in local)
            if (!(char.IsAsciiLetterOrDigit(c) || c == '.' || "!#$%&'*+-/=?^_`{|}~".Contains(c))) return false;
        return true;
    }

    private static bool IsMailDomain(string domain)
    {
        if (domain.StartsWith('[') && domain.EndsWith(']'))
        {
            var literal = domain[1..^1];
            return literal.StartsWith("IPv6:", StringComparison.Ordinal) ? IsIPv6(literal[5..]) : IsIPv4(literal);
        }
        return IsHostname(domain);
    }
}
