using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Tests.Lint;

/// <summary>Positions inside values and comments, which the fixtures (one finding each) do not cover in depth.</summary>
public sealed class LintTextTests
{
    [Fact]
    public void Hidden_characters_written_literally_are_located_at_their_own_line_and_column()
    {
        // A RIGHT-TO-LEFT OVERRIDE inside the details block, and a ZERO WIDTH SPACE in a comment after a value.
        var yaml = LintHarness.CleanRecord()
            .Replace("  The decoder of tessera-py", "  The decoder of \u202Etessera-py", StringComparison.Ordinal)
            .Replace("published: \"2025-01-28T14:00:00Z\"", "published: \"2025-01-28T14:00:00Z\" # checked\u200B", StringComparison.Ordinal);

        var findings = LintHarness.Check("advisories/TSSA-2025-1.yaml", yaml).Findings;

        Assert.Equal(
        [
            ("OSV807", FindingLevel.Error, 3, 44, "U+200B ZERO WIDTH SPACE is hidden here: it is invisible, or changes the order in which text is shown"),
            ("OSV807", FindingLevel.Error, 8, 18, "U+202E RIGHT-TO-LEFT OVERRIDE is hidden here: it is invisible, or changes the order in which text is shown"),
        ], findings.Select(f => (f.Code, f.Level, f.Location.Line, f.Location.Column, f.Message)));
    }

    [Fact]
    public void A_marker_in_a_folded_block_is_located_on_its_source_line()
    {
        var yaml = LintHarness.CleanRecord().Replace(
            "details: |\n  The decoder of tessera-py has no limit on the nesting depth of lists.\n",
            "details: >\n  The decoder of tessera-py has no limit\n  on the nesting depth of lists (FIXME: which releases?).\n",
            StringComparison.Ordinal);

        var finding = Assert.Single(LintHarness.Check("advisories/TSSA-2025-1.yaml", yaml).Findings);

        Assert.Equal(("OSV806", 9, 34, "FIXME is left in the text"), (finding.Code, finding.Location.Line, finding.Location.Column, finding.Message));
        Assert.Equal("/details", finding.Pointer);
    }

    [Theory]
    [InlineData("Fixed in 1.7.3 (TBD for 1.6.x).", "TBD")]
    [InlineData("See XXX below.", "XXX")]
    [InlineData("TODOs: list the affected releases.", "TODO")]
    public void Markers_are_found_as_words(string details, string marker)
    {
        var yaml = LintHarness.CleanRecord().Replace("The decoder of tessera-py has no limit on the nesting depth of lists.", details, StringComparison.Ordinal);

        var finding = Assert.Single(LintHarness.Check("advisories/TSSA-2025-1.yaml", yaml).Findings);

        Assert.Equal(("OSV806", marker + " is left in the text"), (finding.Code, finding.Message));
    }

    [Theory]
    [InlineData("The TODO_LIST constant overflows.")]
    [InlineData("Affects CVE-2025-XXXX placeholders in input.")]
    [InlineData("The MyTODO class and the todo app.")]
    public void Markers_inside_longer_words_are_not_reported(string details)
    {
        var yaml = LintHarness.CleanRecord().Replace("The decoder of tessera-py has no limit on the nesting depth of lists.", details, StringComparison.Ordinal);

        Assert.Empty(LintHarness.Check("advisories/TSSA-2025-1.yaml", yaml).Findings);
    }

    [Theory]
    [InlineData("The patch removes the `// TODO: check depth` comment and adds the check.")]
    [InlineData("Run `grep -r TODO src/` to find the unfinished handlers.")]
    [InlineData("The sample:\n\n  ```python\n  # FIXME: recursion\n  decode(data)\n  ```\n\n  crashes.")]
    [InlineData("The sample:\n\n      decode(data)  # XXX unbounded\n\n  crashes.")]
    public void Markers_quoted_as_code_in_details_are_not_reported(string details)
    {
        var yaml = LintHarness.CleanRecord().Replace("The decoder of tessera-py has no limit on the nesting depth of lists.", details, StringComparison.Ordinal);

        Assert.Empty(LintHarness.Check("advisories/TSSA-2025-1.yaml", yaml).Findings);
    }

    [Fact]
    public void A_marker_in_prose_is_reported_even_when_code_quotes_another()
    {
        var yaml = LintHarness.CleanRecord().Replace(
            "The decoder of tessera-py has no limit on the nesting depth of lists.",
            "The `TODO` handler overflows. TODO: list the releases.", StringComparison.Ordinal);

        var finding = Assert.Single(LintHarness.Check("advisories/TSSA-2025-1.yaml", yaml).Findings);

        Assert.Equal(("OSV806", "/details", 8, 33), (finding.Code, finding.Pointer, finding.Location.Line, finding.Location.Column));
    }

    [Fact]
    public void A_marker_in_backticks_of_a_url_is_still_reported()
    {
        var yaml = LintHarness.CleanRecord() + "database_specific:\n  notes:\n    - \"`TODO` check with upstream\"\n";

        Assert.Equal("OSV806", Assert.Single(LintHarness.Check("advisories/TSSA-2025-1.yaml", yaml).Findings).Code);
    }

    [Fact]
    public void A_marker_in_any_string_of_the_record_is_reported_with_its_pointer()
    {
        var yaml = LintHarness.CleanRecord() + "database_specific:\n  notes:\n    - \"TODO check with upstream\"\n";

        var finding = Assert.Single(LintHarness.Check("advisories/TSSA-2025-1.yaml", yaml).Findings);

        Assert.Equal(("OSV806", "/database_specific/notes/0", 24, 8), (finding.Code, finding.Pointer, finding.Location.Line, finding.Location.Column));
    }

    [Fact]
    public void A_non_ascii_version_is_reported_at_the_character()
    {
        var yaml = LintHarness.CleanRecord().Replace("fixed: \"1.7.3\"", "fixed: \"1.7.\uFF13\"", StringComparison.Ordinal);

        var finding = Assert.Single(LintHarness.Check("advisories/TSSA-2025-1.yaml", yaml).Findings);

        Assert.Equal(("OSV808", 18, 25), (finding.Code, finding.Location.Line, finding.Location.Column));
        Assert.Equal("the fixed version 1.7.\uFF13 contains \"\uFF13\" (U+FF13), which is not ASCII", finding.Message);
    }
}
