using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.Validation;

/// <summary>
/// A validation with a receiver hands each file's result out in input order as soon as it is ready, and keeps
/// no findings for the whole run: what it hands out is exactly what a run without a receiver reports.
/// </summary>
public class DatabaseValidatorStreamingTests
{
    private static readonly IReadOnlyList<AdvisoryFile> Files = AdvisoryFileDiscovery
        .Discover([SharedData.PathOf("corpus", "pypa")], SharedData.RepositoryRoot).Files.Take(300).ToArray();

    [Fact]
    public void Results_are_handed_out_in_input_order_with_the_findings_a_whole_report_holds()
    {
        var options = new ValidationOptions { Clock = new FixedClock() };
        var whole = DatabaseValidator.Validate(Files, options);

        var handedOut = new List<CheckedAdvisory>();
        var streamed = DatabaseValidator.Validate(Files, options, handedOut.Add);

        Assert.Equal(Files.Select(f => f.DisplayPath), handedOut.Select(a => a.Path));
        Assert.Equal(whole.Advisories.SelectMany(a => a.Findings), handedOut.SelectMany(a => a.Findings));
        Assert.Equal(whole.DatabaseFindings, streamed.DatabaseFindings);
        Assert.Equal((whole.Errors, whole.Warnings), (streamed.Errors, streamed.Warnings));
        Assert.True(whole.Warnings > 0);
        // The report keeps the summaries the database checks need, not the findings.
        Assert.All(streamed.Advisories, a => Assert.Empty(a.Findings));
        Assert.Equal(whole.Advisories.Select(a => (a.Summary.Id, a.Summary.Lint?.Id, a.Summary.Lint?.Aliases.Count)),
            streamed.Advisories.Select(a => (a.Summary.Id, a.Summary.Lint?.Id, a.Summary.Lint?.Aliases.Count)));
    }

    [Fact]
    public void Cached_results_are_handed_out_in_the_same_order()
    {
        using var temp = new TestSupport.TempFolder();
        var options = new ValidationOptions { Clock = new FixedClock(), CacheFile = Path.Combine(temp.Path, "cache.bin") };
        var first = new List<CheckedAdvisory>();
        var second = new List<CheckedAdvisory>();
        DatabaseValidator.Validate(Files, options, first.Add);
        DatabaseValidator.Validate(Files, options, second.Add);

        Assert.Equal(first.Select(a => a.Path), second.Select(a => a.Path));
        Assert.Equal(first.SelectMany(a => a.Findings), second.SelectMany(a => a.Findings));
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
