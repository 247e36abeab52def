using AdvisoryPipeline.Lint;

namespace AdvisoryPipeline.Tests.Lint;

/// <summary>Every per-record rule has a failing and a passing fixture; each must produce exactly the findings it states.</summary>
public sealed class LintFixtureTests
{
    public static TheoryData<string> Fixtures() => [.. LintFixture.Names()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_produces_exactly_its_expected_findings(string name)
    {
        var fixture = LintFixture.Read(name);
        var code = name[..name.IndexOf('.')];
        if (name.Split('.')[1].StartsWith("fail", StringComparison.Ordinal))
            Assert.Contains(fixture.Expected, finding => finding.Code == code);
        else
            Assert.DoesNotContain(fixture.Expected, finding => finding.Code == code);

        var path = "advisories/" + (fixture.FileName ?? IdOf(fixture.Yaml) + ".yaml");
        var result = LintHarness.Check(path, fixture.Yaml, fixture.Config, fixture.Options);

        Assert.Equal(fixture.Expected, result.Findings.Select(ExpectedFinding.Of));
        Assert.All(result.Findings, finding => Assert.Equal(path, finding.Location.File));
    }

    [Fact]
    public void Every_per_record_rule_has_a_failing_and_a_passing_fixture()
    {
        var names = LintFixture.Names().ToHashSet(StringComparer.Ordinal);
        var missing = LintRules.All.Where(rule => rule.Scope == LintScope.Record)
            .SelectMany(rule => new[] { rule.Code + ".fail.yaml", rule.Code + ".pass.yaml" })
            .Where(fixture => !names.Contains(fixture));
        Assert.Empty(missing);
        Assert.All(names, name => Assert.NotNull(LintRules.Find(name[..name.IndexOf('.')])));
    }

    private static string IdOf(string yaml) =>
        yaml.Split('\n').First(line => line.StartsWith("id: ", StringComparison.Ordinal))["id: ".Length..].Trim();
}
