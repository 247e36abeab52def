using System.Text;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Lint;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Tests.Lint;

/// <summary>database.yaml's lint: section and the publishing switch decide the level of each rule.</summary>
public sealed class LintLevelTests
{
    private const string Path = "advisories/TSSA-2025-1.yaml";

    private static string WithHttpReference() =>
        LintHarness.CleanRecord().Replace("https://security.tessera-project.org", "http://security.tessera-project.org", StringComparison.Ordinal);

    [Fact]
    public void A_rule_keeps_its_default_level_when_the_configuration_does_not_name_it()
    {
        var finding = Assert.Single(LintHarness.Check(Path, WithHttpReference()).Findings);
        Assert.Equal(("OSV703", FindingLevel.Warning), (finding.Code, finding.Level));
    }

    [Theory]
    [InlineData(LintLevel.Error, FindingLevel.Error)]
    [InlineData(LintLevel.Info, FindingLevel.Info)]
    public void The_configuration_raises_or_lowers_a_rule(LintLevel configured, FindingLevel expected)
    {
        var config = LintHarness.Config with { Lint = new Dictionary<string, LintLevel> { ["OSV703"] = configured } };

        var finding = Assert.Single(LintHarness.Check(Path, WithHttpReference(), config).Findings);

        Assert.Equal(("OSV703", expected), (finding.Code, finding.Level));
    }

    [Fact]
    public void A_rule_turned_off_reports_nothing()
    {
        var config = LintHarness.Config with { Lint = new Dictionary<string, LintLevel> { ["OSV703"] = LintLevel.Off } };
        Assert.Empty(LintHarness.Check(Path, WithHttpReference(), config).Findings);
    }

    [Fact]
    public void Refusing_placeholders_makes_them_errors_even_when_the_configuration_turns_the_rule_off()
    {
        var config = LintHarness.Config with { Lint = new Dictionary<string, LintLevel> { ["OSV104"] = LintLevel.Off } };
        var yaml = LintHarness.CleanRecord("TSSA-0000-draft");

        Assert.Empty(LintHarness.Check("advisories/TSSA-0000-draft.yaml", yaml, config).Findings);
        var refused = LintHarness.Options with { Placeholders = PlaceholderIds.Refused };
        var finding = Assert.Single(LintHarness.Check("advisories/TSSA-0000-draft.yaml", yaml, config, refused).Findings);
        Assert.Equal(("OSV104", FindingLevel.Error), (finding.Code, finding.Level));
    }

    [Fact]
    public void Unknown_codes_in_the_configuration_are_reported_at_their_key()
    {
        const string yaml = "name: Test advisories\nid_prefix: TSSA\nlint:\n  OSV703: off\n  OSV999: warning\n";
        var loaded = DatabaseConfigLoader.Load("advisories/database.yaml", Encoding.UTF8.GetBytes(yaml));
        var map = AdvisoryYamlLoader.Load("advisories/database.yaml", Encoding.UTF8.GetBytes(yaml)).Map;

        var finding = Assert.Single(LintConfigCheck.Check(loaded.Config!, "advisories/database.yaml", map));

        Assert.Equal(("CFG010", FindingLevel.Warning, "advisories/database.yaml", 5, 3), (finding.Code, finding.Level, finding.Location.File, finding.Location.Line, finding.Location.Column));
        Assert.Equal("lint: OSV999 is not a lint rule, so this line has no effect", finding.Message);
        Assert.Equal("/lint/OSV999", finding.Pointer);
    }

    [Fact]
    public void Without_a_source_map_an_unknown_code_is_reported_for_the_whole_file()
    {
        var config = LintHarness.Config with { Lint = new Dictionary<string, LintLevel> { ["OSV10"] = LintLevel.Off } };

        var finding = Assert.Single(LintConfigCheck.Check(config, "database.yaml"));

        Assert.Equal(SourceLocation.WholeFile("database.yaml"), finding.Location);
        Assert.Empty(LintConfigCheck.Check(LintHarness.Config, "database.yaml"));
    }
}
