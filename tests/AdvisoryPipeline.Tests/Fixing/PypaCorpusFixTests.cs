using System.Text.Json;
using System.Text.Json.Nodes;
using AdvisoryPipeline.Fixing;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Fixing;

/// <summary>
/// <c>advisory fix</c> on a copy of the 983 real advisories of the pypa corpus: every file must load to the
/// same record except for the intended changes, keep every line it did not change byte for byte, and need no
/// second run.
/// </summary>
public sealed class PypaCorpusFixTests : IDisposable
{
    private static readonly HashSet<string> ValueRules = ["quote", "package-name", "purl", "url", "trailing-whitespace"];

    private readonly TempFolder _folder = new("pypa-fix-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Fixing_the_corpus_changes_only_what_the_rules_intend()
    {
        var corpus = SharedData.PathOf("corpus", "pypa");
        var files = Directory.EnumerateFiles(corpus, "*.yaml", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(corpus, f)).ToList();
        foreach (var file in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_folder.Path, file))!);
            File.Copy(Path.Combine(corpus, file), Path.Combine(_folder.Path, file));
        }

        var run = new CliRunner(_folder.Path).Run("fix", ".");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(983, files.Count);
        var valueFixesPerFile = run.OutLines.Where(line => line.Contains(": ", StringComparison.Ordinal) && line.Split(": ")[1] is { } rule && ValueRules.Contains(rule))
            .GroupBy(line => line[..line.IndexOf(':')]).ToDictionary(g => g.Key, g => g.Count());
        var changed = 0;
        foreach (var file in files)
        {
            var originalText = File.ReadAllText(Path.Combine(corpus, file));
            var fixedText = File.ReadAllText(Path.Combine(_folder.Path, file));
            if (originalText != fixedText) changed++;

            Assert.True(JsonNode.DeepEquals(Normalised(Load(originalText)), Normalised(Load(fixedText))), $"{file}: the record changed beyond the fixes");

            var remaining = fixedText.Split('\n').GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
            var lost = 0;
            foreach (var line in originalText.Split('\n'))
            {
                if (remaining.GetValueOrDefault(line) > 0) remaining[line]--;
                else lost++;
                if (line.TrimStart().StartsWith('#')) Assert.True(fixedText.Contains(line, StringComparison.Ordinal), $"{file}: comment lost: {line}");
            }
            Assert.True(lost <= valueFixesPerFile.GetValueOrDefault(file.Replace('\\', '/')),
                $"{file}: {lost} original lines are gone, but only {valueFixesPerFile.GetValueOrDefault(file)} values were rewritten");
        }
        Assert.True(changed > 900, $"only {changed} files changed: the corpus puts severity after affected and has unquoted timestamps");

        var second = new CliRunner(_folder.Path).Run("fix", "--check", ".");
        Assert.Equal((0, $"nothing to fix in 983 files\n"), (second.ExitCode, second.Out));

        // No fix makes a record worse: per code, the fixed corpus has no more findings than the original.
        var before = FindingCodes(new CliRunner(corpus).Run("validate", "--no-cache", "--format", "json", "."));
        var after = FindingCodes(new CliRunner(_folder.Path).Run("validate", "--no-cache", "--format", "json", "."));
        Assert.All(after, pair => Assert.True(pair.Value <= before.GetValueOrDefault(pair.Key), $"{pair.Key}: {before.GetValueOrDefault(pair.Key)} before the fix, {pair.Value} after"));
    }

    private static Dictionary<string, int> FindingCodes(CliResult validation)
    {
        using var report = JsonDocument.Parse(validation.Out);
        return report.RootElement.GetProperty("findings").EnumerateArray()
            .GroupBy(finding => finding.GetProperty("code").GetString()!).ToDictionary(g => g.Key, g => g.Count());
    }

    private static JsonElement Load(string text) =>
        AdvisoryYamlLoader.Load("t.yaml", System.Text.Encoding.UTF8.GetBytes(text)).Record!.Value;

    /// <summary>The record with what the rules may change made equal on both sides: URLs, names and purls canonical, events in a fixed order.</summary>
    private static JsonNode Normalised(JsonElement record)
    {
        var node = JsonNode.Parse(record.GetRawText())!;
        foreach (var reference in node["references"]?.AsArray() ?? [])
            if (reference?["url"]?.GetValue<string>() is { } url) reference["url"] = CanonicalUrl.Of(url) ?? url;
        foreach (var affected in node["affected"]?.AsArray() ?? [])
        {
            if (affected?["package"] is JsonObject package && package["ecosystem"]?.GetValue<string>() is { } ecosystem
                && package["name"]?.GetValue<string>() is { } name)
            {
                package["name"] = ecosystem == "npm" ? name : PackageNames.Canonical(ecosystem, name);
                if (package["purl"]?.GetValue<string>() is { } purl && Purl.TryParse(purl, out var parsed, out _)) package["purl"] = parsed.ToString();
            }
            foreach (var range in affected?["ranges"]?.AsArray() ?? [])
                if (range?["events"] is JsonArray events)
                    range["events"] = new JsonArray([.. events.Select(e => e?.DeepClone()).OrderBy(e => e?.ToJsonString(), StringComparer.Ordinal)]);
        }
        return node;
    }
}
