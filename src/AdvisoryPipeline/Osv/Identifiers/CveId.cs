namespace AdvisoryPipeline.Osv.Identifiers;

/// <summary>The grammar of CVE IDs: <c>CVE-YYYY-NNNN</c>, a year and at least four digits, in capitals.</summary>
public static class CveId
{
    public const string Prefix = "CVE-";

    public static bool IsValid(ReadOnlySpan<char> id) =>
        id.StartsWith(Prefix, StringComparison.Ordinal) && HasCveShape(id[Prefix.Length..]);

    /// <summary>Whether what follows <c>CVE-</c> is a year, a dash and four or more digits.</summary>
    public static bool HasCveShape(ReadOnlySpan<char> rest) =>
        rest.Length >= 9 && rest[4] == '-' && !rest[..4].ContainsAnyExceptInRange('0', '9') && !rest[5..].ContainsAnyExceptInRange('0', '9');
}
