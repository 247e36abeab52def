using System.Diagnostics;
using System.Text;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Tests.Loading;

/// <summary>
/// Long lists and large mappings are located through an index of their children, built on the first lookup,
/// so that a finding per item costs a lookup rather than a scan of the line (issue 14: 100,000 versions on one
/// line took 47 s). The index must find exactly what the scan found.
/// </summary>
public class SourceMapLargeCollectionTests
{
    [Fact]
    public void Every_item_of_a_long_flow_list_and_every_key_of_a_large_mapping_is_located_where_it_is_written()
    {
        var yaml = new StringBuilder("versions: [");
        for (var i = 0; i < 500; i++) yaml.Append(i == 0 ? "" : ", ").Append("v").Append(i);
        yaml.Append("]\nkeys:\n");
        for (var i = 0; i < 300; i++) yaml.Append("  k").Append(i).Append(": x").Append(i).Append('\n');
        var text = yaml.ToString();
        var map = AdvisoryYamlLoader.Load("big.yaml", Encoding.UTF8.GetBytes(text)).Map;

        for (var i = 0; i < 500; i++)
        {
            var at = text.IndexOf((i == 0 ? "[" : ", ") + "v" + i + (i == 499 ? "]" : ","), StringComparison.Ordinal) + (i == 0 ? 1 : 2);
            Assert.Equal(new SourceLocation("big.yaml", 1, at + 1), map.Locate($"/versions/{i}"));
            Assert.Equal("v" + i, text[map.ValueSpan($"/versions/{i}")!.Value.Start..map.ValueSpan($"/versions/{i}")!.Value.End]);
        }
        for (var i = 0; i < 300; i++)
        {
            Assert.Equal(new SourceLocation("big.yaml", 3 + i, 3), map.LocateKey($"/keys/k{i}"));
            Assert.Equal(new SourceLocation("big.yaml", 3 + i, 3 + $"k{i}: ".Length), map.Locate($"/keys/k{i}"));
        }
        // Missing children fall back to the collection, as before.
        Assert.Equal(map.Locate("/versions"), map.Locate("/versions/500"));
        Assert.Equal(map.Locate("/keys"), map.Locate("/keys/nope"));
        Assert.Null(map.ValueSpan("/versions/-1"));
    }

    [Fact]
    public void A_hundred_thousand_findings_on_one_line_are_located_in_linear_time()
    {
        var yaml = new StringBuilder("versions: [");
        for (var i = 0; i < 100_000; i++) yaml.Append(i == 0 ? "" : ",").Append('v').Append(i);
        yaml.Append("]\n");
        var map = AdvisoryYamlLoader.Load("big.yaml", Encoding.UTF8.GetBytes(yaml.ToString())).Map;
        var clock = Stopwatch.StartNew();
        var last = 0;
        for (var i = 0; i < 100_000; i++) last = map.Locate($"/versions/{i}").Column;
        // A scan per lookup took minutes here; the index takes milliseconds. The bound only catches a return to the scan.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{clock.Elapsed} for 100,000 lookups");
        Assert.Equal(yaml.ToString().LastIndexOf(',') + 2, last);
    }
}
