using AdvisoryPipeline.Osv.Identifiers;
using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Lint;

/// <summary>What is wrong with an identifier in <c>aliases</c>, <c>related</c> or <c>upstream</c>.</summary>
internal enum IdentifierProblem
{
    None,

    /// <summary>Cannot be an identifier of any database (OSV301).</summary>
    Malformed,

    /// <summary>Well-formed, but its prefix is not registered with OSV, so OSV tools cannot resolve it (OSV302).</summary>
    UnknownPrefix,
}

/// <summary>
/// The shapes of vulnerability identifiers: CVE-YYYY-NNNN (four or more digits), GHSA-xxxx-xxxx-xxxx in GitHub's
/// alphabet, and <c>PREFIX-rest</c> for the other prefixes registered with OSV. Hand-written span checks: this runs on
/// every alias of every record.
/// </summary>
internal static class IdentifierFormat
{
    /// <param name="identifier">The entry of aliases, related or upstream.</param>
    /// <param name="ownPrefix">The database's own prefix, known even when OSV has not registered it; null when not configured.</param>
    /// <param name="reason">Why the identifier is wrong, as a clause following it.</param>
    /// <param name="suggestion">The corrected identifier, when it can be guessed.</param>
    public static IdentifierProblem Check(string identifier, string? ownPrefix, out string? reason, out string? suggestion)
    {
        var problem = CheckShape(identifier, out reason, out suggestion);
        if (problem == IdentifierProblem.UnknownPrefix && ownPrefix is not null
            && identifier.StartsWith(ownPrefix + "-", StringComparison.Ordinal))
            return IdentifierProblem.None;
        // "CVE-2021-1234," copied from a sentence: suggest the id without the punctuation.
        if (problem == IdentifierProblem.Malformed && suggestion is null && identifier.TrimEnd([',', '.', ';', ':', ')']) is var trimmed
            && trimmed.Length < identifier.Length && CheckShape(trimmed, out _, out _) == IdentifierProblem.None)
            suggestion = trimmed;
        return problem;
    }

    private static IdentifierProblem CheckShape(string identifier, out string? reason, out string? suggestion)
    {
        reason = null;
        suggestion = null;
        if (identifier.Length == 0)
        {
            reason = "is empty";
            return IdentifierProblem.Malformed;
        }
        if (identifier.AsSpan().ContainsAny(" \t\r\n"))
        {
            reason = "contains whitespace";
            suggestion = string.Concat(identifier.Where(c => !char.IsWhiteSpace(c)));
            return IdentifierProblem.Malformed;
        }
        if (identifier.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase)) return CheckCve(identifier, out reason, out suggestion);
        if (identifier.StartsWith("GHSA-", StringComparison.OrdinalIgnoreCase)) return CheckGhsa(identifier, out reason, out suggestion);
        if (OsvPrefixes.IsPrivate(identifier)) return IdentifierProblem.None;
        if (OsvPrefixes.RegisteredPrefixOf(identifier) is { } prefix)
        {
            if (identifier.Length > prefix.Length + 1 && IsIdentifierText(identifier.AsSpan(prefix.Length + 1))) return IdentifierProblem.None;
            reason = $"is not {prefix}- followed by letters, digits and . : _ - only";
            return IdentifierProblem.Malformed;
        }

        var dash = identifier.IndexOf('-');
        if (dash <= 0 || dash == identifier.Length - 1 || !IsIdentifierText(identifier))
        {
            reason = "is not of the form PREFIX-ID";
            return IdentifierProblem.Malformed;
        }
        reason = $"has the prefix {identifier[..dash]}, which is not registered with OSV";
        return IdentifierProblem.UnknownPrefix;
    }

    private static IdentifierProblem CheckCve(string identifier, out string? reason, out string? suggestion)
    {
        reason = null;
        suggestion = null;
        if (!CveId.HasCveShape(identifier.AsSpan(CveId.Prefix.Length)))
        {
            reason = "is not CVE-YYYY-NNNN (a year and at least four digits)";
            return IdentifierProblem.Malformed;
        }
        if (CveId.IsValid(identifier)) return IdentifierProblem.None;
        reason = "is not in capitals";
        suggestion = identifier.ToUpperInvariant();
        return IdentifierProblem.Malformed;
    }

    private static IdentifierProblem CheckGhsa(string identifier, out string? reason, out string? suggestion)
    {
        reason = null;
        suggestion = null;
        var expected = "GHSA-" + identifier[5..].ToLowerInvariant();
        if (!GhsaId.IsBody(expected.AsSpan(GhsaId.Prefix.Length)))
        {
            reason = $"is not GHSA-xxxx-xxxx-xxxx with x in {GhsaId.Alphabet}";
            return IdentifierProblem.Malformed;
        }
        if (string.Equals(identifier, expected, StringComparison.Ordinal)) return IdentifierProblem.None;
        reason = "is not written GHSA- and lower case";
        suggestion = expected;
        return IdentifierProblem.Malformed;
    }

    private static bool IsIdentifierText(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (!(DigitString.IsAsciiDigit(c) || DigitString.IsAsciiLetter(c) || c is '-' or '_' or '.' or ':'))
                return false;
        return true;
    }
}
