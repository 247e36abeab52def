using System.Text;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Fixing;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.Fixing;

public sealed class AdvisoryFixerTests
{
    private static readonly DatabaseContext Defaults = new DatabaseContextResolver(new ValidationOptions()).For(Path.Combine(Path.GetTempPath(), "t.yaml"));

    private static FixOutcome Fix(string yaml) =>
        AdvisoryFixer.Fix(AdvisoryYamlLoader.Load("t.yaml", Encoding.UTF8.GetBytes(yaml)), document => AdvisoryChecker.FindingsOf(document, Defaults, TimeProvider.System));

    private static string Fixed(string yaml)
    {
        var outcome = Fix(yaml);
        Assert.Empty(outcome.Problems);
        var again = Fix(outcome.FixedText);
        Assert.Empty(again.Fixes);
        Assert.Equal(outcome.FixedText, again.FixedText);
        return outcome.FixedText;
    }

    [Fact]
    public void A_round_that_would_add_a_finding_of_validation_is_not_made()
    {
        const string yaml = "id: X-1\nsummary: s\naffected:\n  - package: {ecosystem: PyPI, name: Django}\n";
        var document = AdvisoryYamlLoader.Load("t.yaml", Encoding.UTF8.GetBytes(yaml));

        // A validation that objects to the canonical name: the name fix must not be made.
        var outcome = AdvisoryFixer.Fix(document, candidate => candidate.Text.Contains("name: django", StringComparison.Ordinal)
            ? [new Finding("OSV999", FindingLevel.Warning, "objection", new SourceLocation("t.yaml", 4, 1))]
            : []);

        Assert.False(outcome.Changed);
        Assert.Equal(FixFindingCodes.RuleWithdrawn, Assert.Single(outcome.Problems).Code);
    }

    [Fact]
    public void Quotes_scalars_that_YAML_reads_as_numbers_booleans_or_timestamps_and_nothing_else()
    {
        const string yaml = """
            # header comment
            id: X-1   # trailing comment stays
            modified: 2021-10-11T01:16:41Z
            affected:
              - package: {ecosystem: PyPI, name: yes}
                ranges:
                  - type: ECOSYSTEM
                    events:
                      - introduced: "0"
                      - fixed: 1.10 # the fix
                versions: [1.0, '1.1', "1.2"]
            database_specific:
              count: 10
              flag: on
            """;

        Assert.Equal("""
            # header comment
            id: X-1   # trailing comment stays
            modified: "2021-10-11T01:16:41Z"
            affected:
              - package: {ecosystem: PyPI, name: "yes"}
                ranges:
                  - type: ECOSYSTEM
                    events:
                      - introduced: "0"
                      - fixed: "1.10" # the fix
                versions: ["1.0", '1.1', "1.2"]
            database_specific:
              count: 10
              flag: "on"
            """, Fixed(yaml));
    }

    [Fact]
    public void Each_change_is_reported_where_it_is_with_its_rule()
    {
        var outcome = Fix("id: X-1\nmodified: 2021-10-11T01:16:41Z\nreferences:\n  - type: WEB\n    url: HTTPS://Example.COM:443/A\n");

        Assert.Collection(outcome.Fixes,
            fix => Assert.Equal((FixRule.QuoteAmbiguousScalar, 2, 11), (fix.Rule, fix.Line, fix.Column)),
            fix =>
            {
                Assert.Equal((FixRule.CanonicalUrl, 5, 10), (fix.Rule, fix.Line, fix.Column));
                Assert.Equal("write the URL in canonical form: HTTPS://Example.COM:443/A -> https://example.com/A", fix.Description);
            });
    }

    [Fact]
    public void Null_readings_are_left_to_the_author()
    {
        var outcome = Fix("id: X-1\nsummary:\ndetails: ~\n");

        Assert.Empty(outcome.Fixes);
        Assert.False(outcome.Changed);
    }

    [Fact]
    public void Sorts_events_by_the_ecosystem_order_moving_comments_with_their_event()
    {
        const string yaml = """
            id: X-1
            affected:
              - package:
                  ecosystem: PyPI
                  name: example
                ranges:
                  - type: ECOSYSTEM
                    events:
                      - fixed: "1.10"   # second fix
                      # the first release that had it
                      - introduced: "1.2"
                      - fixed: "1.9"

                      - introduced: "0"
            """;

        Assert.Equal("""
            id: X-1
            affected:
              - package:
                  ecosystem: PyPI
                  name: example
                ranges:
                  - type: ECOSYSTEM
                    events:
                      - introduced: "0"
                      # the first release that had it
                      - introduced: "1.2"
                      - fixed: "1.9"

                      - fixed: "1.10"   # second fix
            """, Fixed(yaml));
    }

    [Fact]
    public void Sorts_events_written_in_flow_style_by_semver()
    {
        Assert.Equal(
            "id: X-1\naffected:\n- package: {ecosystem: npm, name: x}\n  ranges:\n  - type: SEMVER\n    events: [{introduced: \"1.2.0\"}, {fixed: \"1.10.0\"}]\n",
            Fixed("id: X-1\naffected:\n- package: {ecosystem: npm, name: x}\n  ranges:\n  - type: SEMVER\n    events: [{fixed: \"1.10.0\"}, {introduced: \"1.2.0\"}]\n"));
    }

    [Theory]
    [InlineData("GIT", "type: GIT\n    repo: https://example.com/r\n    events: [{fixed: \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"}, {introduced: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}]")]
    [InlineData("PyPI", "type: ECOSYSTEM\n    events: [{fixed: \"not a version!\"}, {introduced: \"1.0\"}]")]
    [InlineData("Linux", "type: ECOSYSTEM\n    events: [{fixed: \"5.0\"}, {introduced: \"4.0\"}]")]
    [InlineData("PyPI", "type: ECOSYSTEM\n    events: [{fixed: \"2.0\", limit: \"3.0\"}, {introduced: \"1.0\"}]")]
    public void Leaves_events_it_cannot_order(string ecosystem, string range)
    {
        var yaml = $"id: X-1\naffected:\n- package: {{ecosystem: {ecosystem}, name: x}}\n  ranges:\n  - {range}\n";

        Assert.DoesNotContain(Fix(yaml).Fixes, f => f.Rule == FixRule.EventOrder);
    }

    [Fact]
    public void Canonical_package_names_and_purls_where_they_name_the_same_package()
    {
        const string yaml = """
            id: X-1
            affected:
              - package:
                  ecosystem: PyPI
                  name: Foo_Bar.baz
                  purl: PKG:PyPI/Foo_Bar.baz
              - package:
                  ecosystem: npm
                  name: JSONStream
                  purl: pkg:npm/JSONStream
              - package:
                  ecosystem: PyPI
                  name: other
                  purl: pkg:pypi/something-else
            """;

        Assert.Equal("""
            id: X-1
            affected:
              - package:
                  ecosystem: PyPI
                  name: foo-bar-baz
                  purl: pkg:pypi/foo-bar-baz
              - package:
                  ecosystem: npm
                  name: JSONStream
                  purl: pkg:npm/jsonstream
              - package:
                  ecosystem: PyPI
                  name: other
                  purl: pkg:pypi/something-else
            """, Fixed(yaml));
    }

    [Fact]
    public void Canonical_urls_keep_their_quoting_style()
    {
        const string yaml = """
            id: X-1
            affected:
              - package: {ecosystem: GIT, name: "HTTPS://GitHub.com/Org/Repo"}
                ranges:
                  - type: GIT
                    repo: 'HTTPS://GitHub.com/Org/Repo'
                    events: [{introduced: "0"}]
            references:
              - type: WEB
                url: http://Example.org:80/Path%7e?Q=A#Frag
            credits:
              - name: A
                contact: [mailto:Someone@Example.ORG, HTTPS://EXAMPLE.org/~a]
            """;

        Assert.Equal("""
            id: X-1
            affected:
              - package: {ecosystem: GIT, name: "https://github.com/Org/Repo"}
                ranges:
                  - type: GIT
                    repo: 'https://github.com/Org/Repo'
                    events: [{introduced: "0"}]
            references:
              - type: WEB
                url: http://example.org/Path%7e?Q=A#Frag
            credits:
              - name: A
                contact: [mailto:Someone@Example.ORG, https://example.org/~a]
            """, Fixed(yaml));
    }

    [Fact]
    public void Orders_top_level_keys_moving_attached_comments_and_keeping_blank_lines_in_place()
    {
        const string yaml = """
            # yaml-language-server: $schema=../schemas/advisory.schema.json
            id: X-1
            pipeline:
              notes: secret

            # when it was published
            published: "2024-01-01T00:00:00Z"
            modified: "2024-02-01T00:00:00Z"
            details: |+
              kept trailing line

            summary: s   # same line
            """;

        Assert.Equal("""
            # yaml-language-server: $schema=../schemas/advisory.schema.json
            id: X-1
            modified: "2024-02-01T00:00:00Z"

            # when it was published
            published: "2024-01-01T00:00:00Z"
            summary: s   # same line
            details: |+
              kept trailing line

            pipeline:
              notes: secret
            """, Fixed(yaml));
    }

    [Fact]
    public void Removes_trailing_whitespace_but_not_inside_block_scalars()
    {
        var yaml = "id: X-1  \nsummary: 's'\t\ndetails: |\n  line with spaces   \n  next\n";

        Assert.Equal("id: X-1\nsummary: 's'\ndetails: |\n  line with spaces   \n  next\n", Fixed(yaml));
    }

    [Fact]
    public void Keeps_windows_line_endings()
    {
        var yaml = "id: X-1\r\nsummary: s\r\nmodified: 2021-10-11T01:16:41Z\r\n";

        Assert.Equal("id: X-1\r\nmodified: \"2021-10-11T01:16:41Z\"\r\nsummary: s\r\n", Fixed(yaml));
    }

    [Fact]
    public void Moves_the_last_entry_of_a_file_without_final_line_break()
    {
        Assert.Equal("id: X-1\nsummary: s\ndetails: d", Fixed("id: X-1\ndetails: d\nsummary: s"));
    }

    [Fact]
    public void A_round_that_would_break_an_alias_is_left_out_and_reported()
    {
        // Moving summary above details would put the alias *text before its anchor &text.
        var outcome = Fix("id: X-1\ndetails: &text shared\nsummary: *text\nmodified: 2021-10-11T01:16:41Z\n");

        Assert.Equal("id: X-1\ndetails: &text shared\nsummary: *text\nmodified: \"2021-10-11T01:16:41Z\"\n", outcome.FixedText);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(FixFindingCodes.RuleWithdrawn, problem.Code);
        Assert.Contains("key-order", problem.Message);
    }

    [Fact]
    public void Files_with_load_errors_are_not_touched()
    {
        var outcome = Fix("id: X-1\nid: X-2\nmodified: 2021-10-11T01:16:41Z\n");

        Assert.True(outcome.Skipped);
        Assert.False(outcome.Changed);
        Assert.Empty(outcome.Fixes);
        Assert.Contains(outcome.Problems, p => p.Code == LoadFindingCodes.DuplicateKey);
    }

    [Fact]
    public void Flow_style_documents_are_reordered_by_swapping_entries()
    {
        Assert.Equal("{id: X-1, summary: s, details: d}\n", Fixed("{id: X-1, details: d, summary: s}\n"));
    }
}
