using System.Text.Json;
using System.Text.RegularExpressions;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Tests.Loading;

/// <summary>The 983 real advisories of the Python Packaging Advisory Database must load cleanly.</summary>
public partial class PypaCorpusLoadTests
{
    private static readonly string[] Files = Directory
        .GetFiles(SharedData.PathOf("corpus", "pypa"), "*.yaml", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Every_file_loads_without_errors()
    {
        Assert.Equal(983, Files.Length);
        var failures = new List<string>();
        foreach (var file in Files)
        {
            var document = AdvisoryYamlLoader.LoadFile(file);
            if (document.HasErrors || document.Record is null)
                failures.Add(file + ": " + string.Join("; ", document.Findings.Where(f => f.IsError).Select(f => $"{f.Code} {f.Location} {f.Message}")));
            else if (document.Record.Value.ValueKind != JsonValueKind.Object || !document.Record.Value.TryGetProperty("id", out _))
                failures.Add(file + ": no id in " + document.Record.Value.GetRawText());
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void Warnings_are_the_plain_timestamps_and_nothing_else()
    {
        var warningsByCode = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var expectedTimestamps = 0;
        foreach (var file in Files)
        {
            foreach (var finding in AdvisoryYamlLoader.LoadFile(file).Findings)
                warningsByCode[finding.Code] = warningsByCode.GetValueOrDefault(finding.Code) + 1;
            // Counted independently of the loader: unquoted dates on timestamp keys.
            expectedTimestamps += File.ReadLines(file).Count(line => PlainTimestampLine().IsMatch(line));
        }

        Assert.True(expectedTimestamps > 300, $"the corpus should have many plain timestamps, found {expectedTimestamps}");
        Assert.Equal(new Dictionary<string, int> { [LoadFindingCodes.Yaml11Timestamp] = expectedTimestamps }, warningsByCode);
    }

    [Fact]
    public void Timestamps_keep_their_text_and_are_located()
    {
        var file = Files.First(f => File.ReadLines(f).Any(line => PlainTimestampLine().IsMatch(line)));
        var lines = File.ReadAllLines(file);
        var lineNumber = Array.FindIndex(lines, line => PlainTimestampLine().IsMatch(line)) + 1;
        var key = lines[lineNumber - 1][..lines[lineNumber - 1].IndexOf(':')];
        var text = lines[lineNumber - 1][(key.Length + 2)..];

        var document = AdvisoryYamlLoader.LoadFile(file);

        Assert.Equal(text, document.Record!.Value.GetProperty(key).GetString());
        var finding = document.Findings.First(f => f.Pointer == "/" + key);
        Assert.Equal(new SourceLocation(file, lineNumber, key.Length + 3), finding.Location);
        Assert.Equal(finding.Location, document.Map.Locate("/" + key));
    }

    [GeneratedRegex(@"^(modified|published|withdrawn): [0-9]{4}-[0-9]{2}-[0-9]{2}T")]
    private static partial Regex PlainTimestampLine();
}
