using AdvisoryPipeline.Diagnostics;

namespace AdvisoryPipeline.Tests.Diagnostics;

public class SourceLocationTests
{
    [Theory]
    [InlineData("advisories/TSSA-2025-1.yaml", 12, 20, "advisories/TSSA-2025-1.yaml:12:20")]
    [InlineData("a.json", 2147483647, 2147483647, "a.json:2147483647:2147483647")]
    [InlineData("advisories/TSSA-2025-1.yaml", 0, 0, "advisories/TSSA-2025-1.yaml")]
    public void Written_it_reads_as_its_string(string file, int line, int column, string expected)
    {
        var location = new SourceLocation(file, line, column);
        using var output = new StringWriter();

        location.WriteTo(output);

        Assert.Equal(expected, location.ToString());
        Assert.Equal(expected, output.ToString());
    }
}
