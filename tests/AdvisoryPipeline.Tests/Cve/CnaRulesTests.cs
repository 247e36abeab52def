using System.Text;
using AdvisoryPipeline.Cve;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Tests.Cve;

/// <summary>Each CNA rule on a small advisory, with the line it points at.</summary>
public sealed class CnaRulesTests
{
    private const string Complete = """
        id: TSSA-2026-9
        modified: "2026-03-01T00:00:00Z"
        published: "2026-03-01T00:00:00Z"
        aliases:
          - CVE-2026-30009
        summary: Path traversal in the schema loader
        details: |
          The loader follows `..` in include paths.
        affected:
          - package:
              ecosystem: PyPI
              name: tessera-py
            ranges:
              - type: ECOSYSTEM
                events:
                  - introduced: "0"
                  - fixed: "1.9.1"
        references:
          - type: FIX
            url: https://github.com/tessera-project/tessera/pull/1
        credits:
          - name: Kateryna Melnyk
        database_specific:
          cwe_ids:
            - CWE-22

        """;

    private const string Page = "https://security.tessera-project.org/TSSA-2026-9/";

    [Fact]
    public void A_complete_public_advisory_passes()
    {
        Assert.Empty(Check(Complete));
        Assert.Equal("CVE-2026-30009", CnaRules.CveIdOf(Advisory(Complete).Record));
    }

    [Theory]
    [InlineData("details: |\n  The loader follows `..` in include paths.\n", "", "summary: Path traversal in the schema loader\n", "", "CVE001", 1)]
    [InlineData("database_specific:\n  cwe_ids:\n    - CWE-22\n", "", "", "", "CVE002", 1)]
    [InlineData("references:\n  - type: FIX\n    url: https://github.com/tessera-project/tessera/pull/1\n", "references:\n  - type: ADVISORY\n    url: " + Page + "\n", "", "", "CVE004", 19)]
    [InlineData("  - name: Kateryna Melnyk\n", "  - name: Kateryna Melnyk\n", "  The loader follows `..` in include paths.\n", "  The loader follows `..` in include paths. Thanks to Kateryna Melnyk.\n", "CVE005", 7)]
    [InlineData("aliases:\n  - CVE-2026-30009\n", "", "", "", "CVE007", 1)]
    [InlineData("published: \"2026-03-01T00:00:00Z\"\n", "published: \"2026-03-01T00:00:00Z\"\nwithdrawn: \"2026-03-02T00:00:00Z\"\n", "", "", "CVE009", 4)]
    [InlineData("    - CWE-22\n", "    - CWE-22\n    - CWE22\n", "", "", "CVE010", 26)]
    public void Each_rule_points_at_its_line(string remove, string insert, string remove2, string insert2, string code, int line)
    {
        var yaml = Complete.Replace(remove, insert, StringComparison.Ordinal);
        if (remove2.Length > 0) yaml = yaml.Replace(remove2, insert2, StringComparison.Ordinal);

        var finding = Assert.Single(Check(yaml));

        Assert.Equal(code, finding.Code);
        Assert.Equal(line, finding.Location.Line);
    }

    [Fact]
    public void No_affected_package_and_not_public_are_errors()
    {
        var yaml = Complete[..Complete.IndexOf("affected:", StringComparison.Ordinal)] + Complete[Complete.IndexOf("references:", StringComparison.Ordinal)..];

        var findings = CnaRules.Check(Advisory(yaml), isPublic: false, Page);

        Assert.Equal(["CVE003", "CVE006"], findings.Select(f => f.Code).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.True(f.IsError));
    }

    private static IReadOnlyList<global::AdvisoryPipeline.Diagnostics.Finding> Check(string yaml) => CnaRules.Check(Advisory(yaml), isPublic: true, Page);

    private static LoadedAdvisory Advisory(string yaml)
    {
        var document = AdvisoryYamlLoader.Load("advisories/TSSA-2026-9.yaml", Encoding.UTF8.GetBytes(yaml));
        return LoadedAdvisory.From(document, out _) ?? throw new InvalidOperationException("the sample does not load");
    }
}
