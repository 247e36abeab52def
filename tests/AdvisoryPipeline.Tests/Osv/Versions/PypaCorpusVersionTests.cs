using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Osv.Versions;
using YamlDotNet.RepresentationModel;

namespace AdvisoryPipeline.Tests.Osv.Versions;

/// <summary>
/// The real PyPI advisories of ../shared/corpus/pypa: osv.dev computed each <c>versions</c> list from the
/// ECOSYSTEM ranges with packaging's PEP 440 order, so every listed version must fall inside a range by
/// this comparator too. That checks it against an independent implementation on about 30,000 versions.
/// </summary>
public sealed class PypaCorpusVersionTests
{
    private sealed record AffectedEntry(
        string File, string Ecosystem, string Name, string? Purl, IReadOnlyList<string> Versions,
        IReadOnlyList<IReadOnlyList<(string Kind, string Version)>> Ranges, bool HasGitRange);

    private static readonly Lazy<IReadOnlyList<AffectedEntry>> Entries = new(LoadCorpus);

    /// <summary>
    /// PyPI still serves a few uploads made before PEP 440 (<c>0.7.10p1</c>, <c>2.0.0-final</c>, date stamps)
    /// which PEP 440 rejects; they must stay rare.
    /// </summary>
    [Fact]
    public void Listed_versions_and_range_bounds_are_PEP_440_apart_from_rare_pre_PEP_440_uploads()
    {
        var all = Entries.Value
            .SelectMany(entry => entry.Versions.Concat(entry.Ranges.SelectMany(range => range.Select(e => e.Version))))
            .ToList();
        var legacy = all.Count(text => !VersionSchemes.Pep440.TryParse(text, out _, out _));
        Assert.True(all.Count > 10_000, "the corpus should hold many versions");
        Assert.True(legacy * 200 < all.Count, $"{legacy} of {all.Count} versions are not PEP 440");
    }

    /// <summary>
    /// Records whose lists contradict their own ranges. PYSEC-2023-61 lists Django 3.2a1, 3.2b1, 3.2rc1 (and
    /// 4.2's) while its range starts at <c>introduced: "3.2"</c>; under PEP 440 a pre-release sorts before its
    /// release, so they are outside the range: exactly what the lint rules must report.
    /// </summary>
    private static readonly string[] KnownAuthoringMistakes = [Path.Combine("django", "PYSEC-2023-61.yaml")];

    /// <summary>
    /// Records that also have GIT ranges are left out: their lists hold the tags of the commit ranges, which
    /// the OSV schema says cannot be relied upon to follow the ecosystem's syntax.
    /// </summary>
    [Fact]
    public void Every_listed_version_lies_inside_one_of_the_ranges()
    {
        var outside = new List<(string File, string Version)>();
        var checkedVersions = 0;
        foreach (var entry in Entries.Value.Where(entry => entry.Ranges.Count > 0 && !entry.HasGitRange))
        {
            var ranges = entry.Ranges.Select(range => range.Select(e => (e.Kind, Version: TryParse(e.Version))).ToList()).ToList();
            if (ranges.Any(range => range.Any(e => e.Version is null))) continue;
            foreach (var text in entry.Versions)
            {
                if (TryParse(text) is not { } version) continue;
                checkedVersions++;
                if (!ranges.Any(range => IsAffected(version, range!)))
                    outside.Add((entry.File, text));
            }
        }
        Assert.True(checkedVersions > 10_000, $"only {checkedVersions} listed versions were checked");
        var unexpected = outside.Where(o => !KnownAuthoringMistakes.Contains(o.File)).Select(o => $"{o.File}: {o.Version} is outside every range");
        Assert.True(!unexpected.Any(), string.Join(Environment.NewLine, unexpected.Take(30)));
        Assert.Equal(
            ["3.2a1", "3.2b1", "3.2rc1", "4.2a1", "4.2b1", "4.2rc1"],
            outside.Select(o => o.Version).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_introduced_of_the_corpus_is_below_the_fixed_that_follows_it()
    {
        var checkedPairs = 0;
        var failures = new List<string>();
        foreach (var range in Entries.Value.SelectMany(entry => entry.Ranges.Select(range => (entry.File, range))))
        {
            for (var i = 1; i < range.range.Count; i++)
            {
                var (kind, text) = range.range[i - 1];
                if (kind != "introduced" || range.range[i].Kind != "fixed") continue;
                if (TryParse(text) is not { } introduced || TryParse(range.range[i].Version) is not { } fixedVersion) continue;
                checkedPairs++;
                if (introduced >= fixedVersion)
                    failures.Add($"{range.File}: introduced {text} is not below fixed {range.range[i].Version}");
            }
        }
        Assert.True(checkedPairs > 900, $"only {checkedPairs} introduced/fixed pairs were checked");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(30)));
    }

    [Fact]
    public void Every_purl_of_the_corpus_is_consistent_with_its_package()
    {
        var failures = new List<string>();
        var checkedPurls = 0;
        foreach (var entry in Entries.Value.Where(entry => entry.Purl is not null))
        {
            checkedPurls++;
            if (!Purl.TryParse(entry.Purl!, out var purl, out var error))
                failures.Add($"{entry.File}: {error}");
            else if (purl.CheckAgainst(entry.Ecosystem, entry.Name) is { Verdict: not PurlVerdict.Consistent } check)
                failures.Add($"{entry.File}: {check.Reason}");
        }
        Assert.True(checkedPurls > 900, $"only {checkedPurls} purls were checked");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(30)));
    }

    /// <summary>The evaluation of the OSV schema ("IncludedInRanges"), events in ascending order.</summary>
    private static bool IsAffected(ParsedVersion version, IEnumerable<(string Kind, ParsedVersion Version)> events)
    {
        var affected = false;
        foreach (var (kind, bound) in events.OrderBy(e => e.Version))
        {
            if (kind == "introduced" && version >= bound) affected = true;
            else if (kind == "fixed" && version >= bound) affected = false;
            else if (kind == "last_affected" && version > bound) affected = false;
        }
        return affected;
    }

    private static ParsedVersion? TryParse(string text) =>
        VersionSchemes.Pep440.TryParse(text, out var version, out _) ? version : null;

    private static List<AffectedEntry> LoadCorpus()
    {
        var root = SharedData.PathOf("corpus", "pypa");
        var entries = new List<AffectedEntry>();
        foreach (var path in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(path)) stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode record) continue;
            if (!record.Children.TryGetValue(new YamlScalarNode("affected"), out var affectedNode) || affectedNode is not YamlSequenceNode affected)
                continue;
            var file = Path.GetRelativePath(root, path);
            foreach (var item in affected.OfType<YamlMappingNode>())
            {
                var package = (YamlMappingNode)item[new YamlScalarNode("package")];
                var versions = item.Children.TryGetValue(new YamlScalarNode("versions"), out var list)
                    ? ((YamlSequenceNode)list).Select(Scalar).ToList()
                    : [];
                var ecosystemRanges = new List<IReadOnlyList<(string, string)>>();
                var allRanges = item.Children.TryGetValue(new YamlScalarNode("ranges"), out var ranges)
                    ? ((YamlSequenceNode)ranges).OfType<YamlMappingNode>().ToList()
                    : [];
                foreach (var range in allRanges.Where(range => Scalar(range[new YamlScalarNode("type")]) == "ECOSYSTEM"))
                        ecosystemRanges.Add(((YamlSequenceNode)range[new YamlScalarNode("events")]).OfType<YamlMappingNode>()
                            .SelectMany(e => e.Children.Select(pair => (Scalar(pair.Key), Scalar(pair.Value))))
                            .ToList());
                package.Children.TryGetValue(new YamlScalarNode("purl"), out var purl);
                entries.Add(new AffectedEntry(
                    file, Scalar(package[new YamlScalarNode("ecosystem")]), Scalar(package[new YamlScalarNode("name")]),
                    purl is null ? null : Scalar(purl), versions, ecosystemRanges,
                    allRanges.Any(range => Scalar(range[new YamlScalarNode("type")]) == "GIT")));
            }
        }
        return entries;
    }

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";
}
