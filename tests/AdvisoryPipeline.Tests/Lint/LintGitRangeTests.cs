namespace AdvisoryPipeline.Tests.Lint;

/// <summary>OSV509 (GIT events are full commit hashes): the hint says what to write for each kind of mistake seen in real databases.</summary>
public class LintGitRangeTests
{
    private const string Hash = "195caac172690456dcdc8cc7a6ca50e05abf8182";

    [Theory]
    [InlineData("91f2bd090", "write the full hash: git rev-parse 91f2bd090")]
    [InlineData("195CAAC172690456DCDC8CC7A6CA50E05ABF8182", "write it in lower case: " + Hash)]
    [InlineData(Hash + ".patch", "write the hash alone: " + Hash)]
    [InlineData("https://github.com/tessera-project/tessera/commit/" + Hash, "write the hash alone: " + Hash)]
    [InlineData("v1.7.3", "write the commit, not a tag or branch: git rev-parse v1.7.3^{commit}")]
    public void A_fixed_event_that_is_no_full_hash_gets_the_hint_for_its_mistake(string fixedEvent, string hint)
    {
        var yaml = LintHarness.CleanRecord().Replace(
            "      - type: ECOSYSTEM\n        events:\n          - introduced: \"0\"\n          - fixed: \"1.7.3\"\n",
            $"      - type: GIT\n        repo: https://github.com/tessera-project/tessera\n        events:\n          - introduced: \"0\"\n          - fixed: \"{fixedEvent}\"\n",
            StringComparison.Ordinal);

        var finding = Assert.Single(LintHarness.Check("advisories/TSSA-2025-1.yaml", yaml).Findings, f => f.Code == "OSV509");

        Assert.Equal(hint, finding.Hint);
        Assert.Equal((19, 20), (finding.Location.Line, finding.Location.Column));
    }
}
