using System.Text;
using AdvisoryPipeline.Osv.Versions;

namespace AdvisoryPipeline.Osv.Ecosystems;

/// <summary>
/// Package names as each ecosystem spells and compares them. Three questions, kept apart because the
/// answers differ: is the name well-formed (<see cref="Problem"/>), what form should a record use
/// (<see cref="Canonical"/>), and do two spellings denote the same package (<see cref="AreSame"/>).
/// </summary>
/// <remarks>
/// The ecosystem argument is the record's ecosystem string; its <c>:suffix</c> is ignored. Ecosystems
/// without a rule here keep names as written and compare them exactly.
/// <list type="bullet">
/// <item>PyPI: the OSV schema asks for the PEP 503 normalised name (<c>Foo_Bar.baz</c> → <c>foo-bar-baz</c>).</item>
/// <item>npm, Packagist, Hex, Pub: names are lower case. npm still serves a few legacy mixed-case names
/// (<c>JSONStream</c>), so for npm a non-canonical name deserves a warning rather than an error.</item>
/// <item>crates.io: the author's spelling stays, but crates.io treats case, <c>-</c> and <c>_</c> as equal.</item>
/// <item>NuGet: the author's spelling (<c>Newtonsoft.Json</c>) stays; comparison ignores case.</item>
/// <item>Go module paths, Maven <c>group:artifact</c>, RubyGems: exact.</item>
/// </list>
/// </remarks>
public static class PackageNames
{
    /// <summary>The form an OSV record should use.</summary>
    public static string Canonical(string ecosystem, string name) => Ecosystem.BaseName(ecosystem) switch
    {
        "PyPI" => NormalizePep503(name),
        "npm" or "Packagist" or "Hex" or "Pub" => name.ToLowerInvariant(),
        _ => name,
    };

    /// <summary>True when <paramref name="name"/> is already in canonical form; <paramref name="canonical"/> is the suggestion.</summary>
    public static bool IsCanonical(string ecosystem, string name, out string canonical)
    {
        canonical = Canonical(ecosystem, name);
        return string.Equals(canonical, name, StringComparison.Ordinal);
    }

    /// <summary>A key that is equal for two names exactly when the ecosystem treats them as the same package.</summary>
    public static string ComparisonKey(string ecosystem, string name) => Ecosystem.BaseName(ecosystem) switch
    {
        "PyPI" => NormalizePep503(name),
        "crates.io" => name.ToLowerInvariant().Replace('_', '-'),
        "npm" or "NuGet" or "Packagist" or "Hex" or "Pub" => name.ToLowerInvariant(),
        _ => name,
    };

    public static bool AreSame(string ecosystem, string left, string right) =>
        string.Equals(ComparisonKey(ecosystem, left), ComparisonKey(ecosystem, right), StringComparison.Ordinal);

    /// <summary>
    /// Why <paramref name="name"/> cannot be a package name of the ecosystem, or null when it can. Checks
    /// what every ecosystem shares (not empty, no surrounding whitespace, no control characters) and the
    /// registries' documented character rules where they exist.
    /// </summary>
    public static string? Problem(string ecosystem, string name)
    {
        if (name.Length == 0) return "the package name is empty";
        if (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1])) return "the package name has surrounding whitespace";
        if (name.Any(char.IsControl)) return "the package name contains a control character";
        return Ecosystem.BaseName(ecosystem) switch
        {
            "PyPI" => PyPIProblem(name),
            "npm" => NpmProblem(name),
            "crates.io" => CharactersProblem(name, "-_", "a crate name") ?? (DigitString.IsAsciiLetter(name[0]) ? null : "a crate name must start with a letter"),
            "Go" => GoProblem(name),
            "Maven" => MavenProblem(name),
            "NuGet" => CharactersProblem(name, "._-", "a NuGet package ID"),
            "RubyGems" => CharactersProblem(name, "._-", "a gem name"),
            "Packagist" => TwoPartProblem(name, '/', "vendor/package", "._-"),
            "Pub" or "Hex" => CharactersProblem(name, "_", $"a {Ecosystem.BaseName(ecosystem)} package name"),
            _ => null,
        };
    }

    /// <summary>PEP 503: lower case, and every run of <c>-</c>, <c>_</c>, <c>.</c> becomes one <c>-</c>.</summary>
    public static string NormalizePep503(string name)
    {
        var builder = new StringBuilder(name.Length);
        var inSeparatorRun = false;
        foreach (var c in name)
        {
            if (c is '-' or '_' or '.')
            {
                if (!inSeparatorRun) builder.Append('-');
                inSeparatorRun = true;
                continue;
            }
            inSeparatorRun = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static string? PyPIProblem(string name)
    {
        // The core metadata rule: ASCII letters and digits, with . _ - inside only.
        var problem = CharactersProblem(name, "._-", "a PyPI project name");
        if (problem is not null) return problem;
        return IsAsciiLetterOrDigit(name[0]) && IsAsciiLetterOrDigit(name[^1])
            ? null
            : "a PyPI project name must start and end with a letter or digit";
    }

    private static string? NpmProblem(string name)
    {
        if (name.Length > 214) return "an npm package name has at most 214 characters";
        var slash = name.IndexOf('/');
        if (name[0] == '@')
        {
            if (slash < 0) return "a scoped npm package name is \"@scope/name\"";
            var scopeProblem = NpmPartProblem(name[1..slash], "scope");
            if (scopeProblem is not null) return scopeProblem;
            return NpmPartProblem(name[(slash + 1)..], "name");
        }
        return slash >= 0 ? "only scoped npm packages (\"@scope/name\") contain a \"/\"" : NpmPartProblem(name, "name");
    }

    private static string? NpmPartProblem(string part, string what)
    {
        if (part.Length == 0) return $"the npm package {what} is empty";
        if (part[0] is '.' or '_') return $"the npm package {what} cannot start with {QuotedText.Of(part[0])}";
        // URL-safe characters only: what encodeURIComponent leaves alone.
        var bad = part.FirstOrDefault(c => !IsAsciiLetterOrDigit(c) && !"-._~!*'()".Contains(c));
        return bad == default ? null : $"{QuotedText.Of(bad)} is not allowed in an npm package {what}";
    }

    private static string? GoProblem(string name)
    {
        if (name.Contains("://", StringComparison.Ordinal)) return "a Go module path has no URL scheme (write github.com/owner/repo)";
        if (name.StartsWith('/') || name.EndsWith('/')) return "a Go module path neither starts nor ends with \"/\"";
        if (name.Contains("//", StringComparison.Ordinal)) return "a Go module path has no empty element (\"//\")";
        var bad = name.FirstOrDefault(c => char.IsWhiteSpace(c) || c is '\\' or '`' or '"' or '\'' or ':' or '*' or '<' or '>' or '?' or '|');
        return bad == default ? null : $"{QuotedText.Of(bad)} is not allowed in a Go module path";
    }

    private static string? MavenProblem(string name) => TwoPartProblem(name, ':', "groupId:artifactId", "._-");

    private static string? TwoPartProblem(string name, char separator, string shape, string punctuation)
    {
        var parts = name.Split(separator);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            return $"the name must have the form \"{shape}\"";
        return CharactersProblem(parts[0] + parts[1], punctuation, $"\"{shape}\"");
    }

    private static string? CharactersProblem(string text, string punctuation, string what)
    {
        var bad = text.FirstOrDefault(c => !IsAsciiLetterOrDigit(c) && !punctuation.Contains(c));
        return bad == default ? null : $"{QuotedText.Of(bad)} is not allowed in {what}";
    }

    private static bool IsAsciiLetterOrDigit(char c) => DigitString.IsAsciiDigit(c) || DigitString.IsAsciiLetter(c);

    /// <summary>
    /// The canonical spelling where the ecosystem treats it as the same package (PEP 503 for PyPI; lower case for
    /// Packagist, Hex and Pub), the name as written otherwise: never for npm, which still serves legacy mixed-case
    /// packages under exactly that spelling, and never for a name that is not valid.
    /// </summary>
    public static string SafeCanonical(string ecosystem, string name)
    {
        if (Ecosystem.BaseName(ecosystem) == "npm" || Problem(ecosystem, name) is not null) return name;
        var canonical = Canonical(ecosystem, name);
        return AreSame(ecosystem, name, canonical) ? canonical : name;
    }
}
