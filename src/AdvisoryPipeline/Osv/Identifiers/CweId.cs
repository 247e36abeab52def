using System.Globalization;

namespace AdvisoryPipeline.Osv.Identifiers;

/// <summary>The grammar of CWE IDs, which advisories name in <c>database_specific.cwe_ids</c>: <c>CWE-</c> and 1 to 6 digits.</summary>
public static class CweId
{
    public const string Prefix = "CWE-";

    public static bool TryParse(string? id, out int number)
    {
        number = 0;
        if (id is null || !id.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var digits = id.AsSpan(Prefix.Length);
        return digits.Length is >= 1 and <= 6 && !digits.ContainsAnyExceptInRange('0', '9')
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    public static bool IsValid(string? id) => TryParse(id, out _);
}
