using System.Text.Json;
using AdvisoryPipeline.Lint;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Tests.Lint;

/// <summary>docs/lint/ has exactly one page per rule, agreeing with the rule's code, title and level.</summary>
public sealed class LintDocumentationTests
{
    private static string DocsFolder => Path.Combine(SharedData.RepositoryRoot, "docs", "lint");

    public static TheoryData<string> Codes() => [.. LintRules.All.Select(rule => rule.Code)];

    [Fact]
    public void Each_rule_has_one_page_and_each_page_one_rule()
    {
        var pages = Directory.GetFiles(DocsFolder, "OSV*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(LintRules.All.Select(rule => rule.Code).Order(StringComparer.Ordinal), pages);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void The_page_states_the_rule_as_the_catalogue_does(string code)
    {
        var rule = LintRules.Find(code)!;
        var page = LintRules.Explain(code);

        Assert.NotNull(page);
        Assert.Equal(File.ReadAllText(Path.Combine(DocsFolder, code + ".md")), page);
        var lines = page.Split('\n');
        Assert.Equal($"# {rule.Code}: {rule.Title}", lines[0]);
        Assert.Contains($"Default level: **{rule.DefaultLevel.ToString().ToLowerInvariant()}**", page, StringComparison.Ordinal);
        foreach (var section in new[] { "## What it checks", "## Why it matters", "## Failing example", "## Passing example", "## How to fix it", "## Turning it off" })
            Assert.Contains(section, lines);
        Assert.Contains($"  {code}: off", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void The_failing_example_shows_the_message_that_the_rule_reports_on_its_fixture(string code)
    {
        if (LintRules.Find(code)!.Scope != LintScope.Record) return;
        var expected = LintFixture.Read(code + ".fail.yaml").Expected.First(finding => finding.Code == code);

        var page = LintRules.Explain(code)!;

        Assert.Contains($"{expected.Level.ToString().ToLowerInvariant()} {code}: {expected.Message}\nhint: {expected.Hint}\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_index_lists_every_rule_with_its_level_and_title()
    {
        var index = File.ReadAllText(Path.Combine(DocsFolder, "README.md"));
        Assert.All(LintRules.All, rule =>
            Assert.Contains($"| [{rule.Code}]({rule.Code}.md) | {rule.DefaultLevel.ToString().ToLowerInvariant()} | {rule.Title} |", index, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_code_has_no_explanation()
    {
        Assert.Null(LintRules.Explain("OSV999"));
        Assert.Null(LintRules.Explain("osv101"));
    }

    [Fact]
    public void Codes_are_unique_and_grouped_by_area()
    {
        Assert.Equal(LintRules.All.Count, LintRules.All.Select(rule => rule.Code).Distinct().Count());
        Assert.All(LintRules.All, rule => Assert.Matches("^OSV[1-9][0-9]{2}$", rule.Code));
        Assert.All(LintRules.All.Where(rule => rule.Code[3] == '9'), rule => Assert.Equal(LintScope.History, rule.Scope));
        Assert.Equal(LintRules.All.Select(rule => rule.Code).Order(StringComparer.Ordinal), LintRules.All.Select(rule => rule.Code));
    }

    [Fact]
    public void The_registered_prefixes_are_those_of_the_official_schema()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("osv-schema", "schema.json")));
        var pattern = schema.RootElement.GetProperty("$defs").GetProperty("prefix").GetProperty("pattern").GetString()!;
        // ^(x_|(A|B|SUSE-[SRFO]U|...)-): expand the one character class the pattern uses.
        var alternatives = pattern["^(x_|(".Length..^")-)".Length].Split('|')
            .SelectMany(prefix => prefix.Contains("[SRFO]", StringComparison.Ordinal)
                ? "SRFO".Select(letter => prefix.Replace("[SRFO]", letter.ToString(), StringComparison.Ordinal))
                : [prefix]);

        Assert.Equal(alternatives.Order(StringComparer.Ordinal), OsvPrefixes.Registered.Order(StringComparer.Ordinal));
    }
}
