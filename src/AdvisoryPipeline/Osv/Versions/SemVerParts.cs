using System.Text;

namespace AdvisoryPipeline.Osv.Versions;

/// <summary>The parsed pieces of a SemVer-like version; numbers are normalised digit strings.</summary>
internal sealed record SemVerParts(string Major, string Minor, string Patch, string[] Prerelease, string[] Build)
{
    /// <summary>§11 precedence: numbers, then a pre-release below its release, then identifiers one by one.</summary>
    public int ComparePrecedence(SemVerParts other)
    {
        var result = DigitString.Compare(Major, other.Major);
        if (result == 0) result = DigitString.Compare(Minor, other.Minor);
        if (result == 0) result = DigitString.Compare(Patch, other.Patch);
        if (result == 0) result = CompareOptional(Prerelease, other.Prerelease, absentFirst: false);
        return result;
    }

    /// <summary>Pub's tie-breaker: a version without build metadata sorts before one with it.</summary>
    public int CompareBuild(SemVerParts other) => CompareOptional(Build, other.Build, absentFirst: true);

    public string Format()
    {
        var builder = new StringBuilder().Append(Major).Append('.').Append(Minor).Append('.').Append(Patch);
        if (Prerelease.Length > 0) builder.Append('-').AppendJoin('.', Prerelease);
        if (Build.Length > 0) builder.Append('+').AppendJoin('.', Build);
        return builder.ToString();
    }

    /// <summary>Equal for two versions exactly when their precedence (and, if asked, build order) is equal.</summary>
    public string Key(bool includeBuild)
    {
        var key = $"{Major}.{Minor}.{Patch}-{Prerelease.Length}:{SemVerIdentifiers.Key(Prerelease, ignoreCase: false)}";
        return includeBuild ? $"{key}+{Build.Length}:{SemVerIdentifiers.Key(Build, ignoreCase: false)}" : key;
    }

    private static int CompareOptional(string[] left, string[] right, bool absentFirst)
    {
        if (left.Length == 0 || right.Length == 0)
        {
            var byPresence = (left.Length == 0 ? 0 : 1) - (right.Length == 0 ? 0 : 1);
            return absentFirst ? byPresence : -byPresence;
        }
        return SemVerIdentifiers.Compare(left, right, StringComparison.Ordinal);
    }
}
