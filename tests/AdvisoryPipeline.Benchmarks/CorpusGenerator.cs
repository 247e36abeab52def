using System.Text;
using System.Text.RegularExpressions;

namespace AdvisoryPipeline.Benchmarks;

/// <summary>
/// Builds a large advisory database for benchmarks from a real one: copies of every source file, as YAML,
/// each with a new ID (and file name) and, from the second copy on, new CVE and GHSA aliases, so that the
/// copies are distinct advisories rather than duplicates that cross-file checks would reject.
/// </summary>
public static partial class CorpusGenerator
{
    public static int Generate(string sourceFolder, string outputFolder, int count)
    {
        var sources = Directory.EnumerateFiles(sourceFolder, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => File.ReadAllText(path, Encoding.UTF8))
            .ToArray();
        if (sources.Length == 0)
            throw new ArgumentException($"no *.yaml files under {sourceFolder}");

        if (Directory.Exists(outputFolder)) Directory.Delete(outputFolder, recursive: true);
        for (var i = 0; i < count; i++)
        {
            var copy = i / sources.Length;
            var (id, text) = Rewrite(sources[i % sources.Length], i, copy);
            // Spread files over folders of 1,000 like real databases do, so no folder becomes huge.
            var folder = Path.Combine(outputFolder, (i / 1000).ToString("D3"));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, id + ".yaml"), text, new UTF8Encoding(false));
        }
        return count;
    }

    private static (string Id, string Text) Rewrite(string source, int index, int copy)
    {
        var match = IdLine().Match(source);
        if (!match.Success) throw new InvalidDataException("a source advisory has no top-level id line");
        var year = match.Groups["year"].Success ? match.Groups["year"].Value : "2024";
        var id = $"{match.Groups["prefix"].Value}-{year}-{100_000 + index}";
        var text = IdLine().Replace(source, $"id: {id}", 1);
        if (copy > 0)
        {
            text = Cve().Replace(text, m => $"CVE-{m.Groups[1].Value}-{m.Groups[2].Value}{copy:D3}");
            text = Ghsa().Replace(text, m => "GHSA-" + ShiftGhsa(m.Groups[1].Value, copy));
        }
        return (id, text);
    }

    // GHSA IDs use a 20-letter alphabet; rotating the letters keeps IDs well-formed and distinct per copy.
    private const string GhsaAlphabet = "23456789cfghjmpqrvwx";

    private static string ShiftGhsa(string body, int copy)
    {
        var chars = body.ToCharArray();
        for (int i = chars.Length - 1, carry = copy; i >= 0 && carry > 0; i--)
        {
            var at = GhsaAlphabet.IndexOf(chars[i]);
            if (at < 0) continue;
            var sum = at + carry;
            chars[i] = GhsaAlphabet[sum % GhsaAlphabet.Length];
            carry = sum / GhsaAlphabet.Length;
        }
        return new string(chars);
    }

    [GeneratedRegex(@"^id: (?<prefix>[A-Za-z_]+)-(?:(?<year>\d{4})-)?\S*$", RegexOptions.Multiline)]
    private static partial Regex IdLine();

    [GeneratedRegex(@"CVE-(\d{4})-(\d{4,})")]
    private static partial Regex Cve();

    [GeneratedRegex(@"GHSA-([23456789cfghjmpqrvwx]{4}-[23456789cfghjmpqrvwx]{4}-[23456789cfghjmpqrvwx]{4})")]
    private static partial Regex Ghsa();
}
