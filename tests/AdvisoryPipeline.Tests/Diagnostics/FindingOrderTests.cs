using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Tests.Diagnostics;

public sealed class FindingOrderTests
{
    private static Finding At(string file, int line, int column, string code) =>
        new(code, FindingLevel.Error, code, new SourceLocation(file, line, column));

    [Fact]
    public void Findings_are_ordered_by_file_line_and_column_and_ties_keep_the_order_they_were_found_in()
    {
        // Many findings at one place (the loader's, then the schema's, then lint's) must come out as they went in,
        // whatever the sort algorithm: an unstable sort reorders ties once there are more than a few of them.
        var tied = Enumerable.Range(0, 40).Select(i => At("a.yaml", 5, 3, $"T{i:D2}")).ToArray();
        var input = new[] { At("b.yaml", 1, 1, "B"), At("a.yaml", 9, 1, "LATE"), At("a.yaml", 0, 0, "FILE") }
            .Concat(tied).Concat([At("a.yaml", 5, 1, "EARLY")]).ToArray();

        var sorted = FindingOrder.Sort(input);

        Assert.Equal(["FILE", "EARLY", .. tied.Select(f => f.Code), "LATE", "B"], sorted.Select(f => f.Code));
    }
}
