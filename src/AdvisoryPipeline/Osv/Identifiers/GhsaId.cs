namespace AdvisoryPipeline.Osv.Identifiers;

/// <summary>
/// The grammar of GitHub security advisory IDs: <c>GHSA-xxxx-xxxx-xxxx</c>, each x from GitHub's alphabet of digits
/// and lower-case letters that cannot be mistaken for each other.
/// </summary>
public static class GhsaId
{
    public const string Prefix = "GHSA-";

    public const string Alphabet = "23456789cfghjmpqrvwx";

    public static bool IsValid(ReadOnlySpan<char> id) => id.StartsWith(Prefix, StringComparison.Ordinal) && IsBody(id[Prefix.Length..]);

    /// <summary>Whether <paramref name="body"/> is the <c>xxxx-xxxx-xxxx</c> after the prefix.</summary>
    public static bool IsBody(ReadOnlySpan<char> body)
    {
        if (body.Length != 14 || body[4] != '-' || body[9] != '-') return false;
        for (var i = 0; i < body.Length; i++)
            if (i is not (4 or 9) && !Alphabet.Contains(body[i])) return false;
        return true;
    }
}
