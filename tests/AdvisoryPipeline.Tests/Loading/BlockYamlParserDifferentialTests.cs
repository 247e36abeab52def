using System.Diagnostics;
using System.Text;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Loading.Yaml;
using Xunit.Abstractions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AdvisoryPipeline.Tests.Loading;

/// <summary>
/// The block-style parser must be invisible: on every text it reads, the events, and so the JSON, the source map
/// and the findings, are exactly those of YamlDotNet, the reference; on every text it does not read, YamlDotNet
/// reads it. Proved over every shared corpus and over mutations of real files (thousands per run, bounded in
/// time), where most mutants are broken YAML that it must leave to YamlDotNet.
/// </summary>
public sealed class BlockYamlParserDifferentialTests(ITestOutputHelper output)
{
    private static readonly LoadOptions Reference = new() { Parser = YamlParserChoice.YamlDotNetOnly };

    public static TheoryData<string> Corpora() =>
    [
        "shared pypa",
        "shared go-vulndb",
        "repository advisories",
        "test fixtures",
    ];

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Every_file_of_the_corpus_gives_what_YamlDotNet_gives(string corpus)
    {
        var files = FilesOf(corpus);
        Assert.NotEmpty(files);
        var read = 0;
        var differences = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file, Encoding.UTF8);
            if (Difference(text) is not { } difference) continue;
            read++;
            if (difference.Length > 0) differences.Add($"{file}: {difference}");
        }
        output.WriteLine($"{corpus}: {files.Count} files, {read} read by the block-style parser");
        Assert.Empty(differences);
        // The point of the parser: it reads nearly all real advisories (JSON files are flow style, left to YamlDotNet).
        if (corpus == "shared pypa") Assert.True(read >= files.Count * 95 / 100, $"only {read} of {files.Count} read");
    }

    [Fact]
    public void Mutated_real_files_give_what_YamlDotNet_gives()
    {
        var sources = FilesOf("shared pypa").Concat(FilesOf("repository advisories"))
            .Select(file => File.ReadAllText(file, Encoding.UTF8)).ToArray();
        var seed = Environment.GetEnvironmentVariable("YAML_FUZZ_SEED") is { } fixedSeed ? int.Parse(fixedSeed) : Random.Shared.Next();
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        int tried = 0, read = 0;
        var differences = new List<string>();
        // At least 3,000 mutants, at most 15 seconds.
        while (tried < 3_000 || (clock.Elapsed < TimeSpan.FromSeconds(4) && tried < 20_000))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(15)) break;
            var text = Mutate(sources[random.Next(sources.Length)], random);
            tried++;
            if (Difference(text) is not { } difference) continue;
            read++;
            if (difference.Length > 0 && differences.Count < 5)
                differences.Add($"{difference}\n--- mutant ---\n{text}\n---");
        }
        output.WriteLine($"seed {seed}: {tried} mutants, {read} read by the block-style parser");
        Assert.True(tried >= 3_000, $"only {tried} mutants in the time allowed");
        Assert.True(differences.Count == 0, $"seed {seed} (YAML_FUZZ_SEED={seed} repeats it):\n" + string.Join("\n", differences));
    }

    [Theory]
    [InlineData("a: 1\nb:\n- x\n- y: 2\n  z: |\n    lit\n    two\n\nc: 'q\n  r'\nd:\ne: \"x\"  # c\n")]
    [InlineData("# comment\n\na:\n  b:\n    - x\n    - y\n  c: |-\n    lit\n\n  d: >\n    f1\n    f2\n\n    f3\n  e:   \n  f: # cm\n  g: plain\n    more\n\n    three\n  h:\n  - k: v\n    l: w\n  -   m: 1\n# trailing\n\n")]
    [InlineData("a: |\n  x\U0001F600y\n# c\nb: \"e\\u00e9\U0001F600 \\\n   f\"\nc: x\U0001F600\n  y\nd: >+\n  a\n\n")]
    [InlineData("a: b")]
    [InlineData("a:\n  b:\n    c: d\n ")]
    [InlineData("a: 'it''s'\nb: \"tab\\there \\\"q\\\" \\x41\\U0001F600\"\n")]
    [InlineData("id: X-1\npipeline:\n  notes: n\n  embargo_until: \"2030-01-01T00:00:00Z\"\n")]
    public void Hand_written_texts_read_by_the_block_style_parser_give_what_YamlDotNet_gives(string text)
    {
        Assert.Equal("", Difference(text));
    }

    [Theory]
    [InlineData("a: [1, 2]\n")] // flow collection
    [InlineData("a: &x 1\nb: *x\n")] // anchors and aliases
    [InlineData("a: !!str 1\n")] // tag
    [InlineData("---\na: 1\n")] // document marker
    [InlineData("a:\n\tb: 1\n")] // tab
    [InlineData("a: 1\r\nb: 2\r\n")] // carriage return
    [InlineData("a: \"\\ud800\\u0041\"\n")] // lone surrogate escape: YamlDotNet's path reports YAML001
    [InlineData("a: b: c\n")] // a syntax error
    [InlineData("- a\n- b\n")] // the root is not a mapping
    [InlineData("")]
    public void Texts_outside_the_subset_are_left_to_YamlDotNet(string text)
    {
        Assert.Null(BlockYamlParser.TryRead(text, LoadOptions.Default.MaxDepth));
        Assert.True(YamlEventLog.Read(text, LoadOptions.Default.MaxDepth).ReadByYamlDotNet);
    }

    /// <summary>Null when the block-style parser does not read the text; else "" when both paths agree, or what differs.</summary>
    private static string? Difference(string text)
    {
        if (BlockYamlParser.TryRead(text, LoadOptions.Default.MaxDepth) is not { } fast) return null;
        var reference = ReferenceEvents(text, out var error);
        if (error is not null) return "the block-style parser read a text YamlDotNet refuses: " + error;
        for (var i = 0; i < Math.Max(fast.Count, reference.Count); i++)
        {
            var a = i < fast.Count ? Describe(fast[i]) : "(none)";
            var b = i < reference.Count ? Describe(reference[i]) : "(none)";
            if (a != b) return $"event {i}: block-style parser {a}, YamlDotNet {b}";
        }

        var ours = AdvisoryYamlLoader.Load("file.yaml", Encoding.UTF8.GetBytes(text));
        var theirs = AdvisoryYamlLoader.Load("file.yaml", Encoding.UTF8.GetBytes(text), Reference);
        if (ours.Record?.GetRawText() != theirs.Record?.GetRawText()) return "the records differ";
        if (ours.AuthoringBlock?.GetRawText() != theirs.AuthoringBlock?.GetRawText()) return "the authoring blocks differ";
        if (!ours.Findings.SequenceEqual(theirs.Findings))
            return "the findings differ: " + string.Join("; ", ours.Findings) + " | " + string.Join("; ", theirs.Findings);
        if (!ours.Map.Nodes.SequenceEqual(theirs.Map.Nodes, NodeComparer.Instance)) return "the source maps differ";
        return "";
    }

    private static List<ParsingEvent> ReferenceEvents(string text, out string? error)
    {
        var events = new List<ParsingEvent>();
        error = null;
        try
        {
            var parser = new Parser(new Scanner(new StringReader(text)));
            while (parser.MoveNext()) events.Add(parser.Current!);
        }
        catch (Exception e) when (e is YamlException or ArgumentException or InvalidOperationException)
        {
            error = e.Message;
        }
        return events;
    }

    private static string Describe(ParsingEvent e)
    {
        var text = $"{e.GetType().Name} {Describe(e.Start)}-{Describe(e.End)}";
        return e switch
        {
            // Not IsKey: the block-style parser leaves it unset on purpose (see BlockYamlParser), and nothing reads it.
            Scalar s => $"{text} {s.Style} plain={s.IsPlainImplicit} quoted={s.IsQuotedImplicit} &{s.Anchor} !{s.Tag} <{s.Value}>",
            MappingStart m => $"{text} {m.Style} implicit={m.IsImplicit} &{m.Anchor} !{m.Tag}",
            SequenceStart m => $"{text} {m.Style} implicit={m.IsImplicit} &{m.Anchor} !{m.Tag}",
            DocumentStart d => $"{text} implicit={d.IsImplicit}",
            DocumentEnd d => $"{text} implicit={d.IsImplicit}",
            _ => text,
        };
    }

    private static string Describe(Mark mark) => $"[{mark.Index},{mark.Line},{mark.Column}]";

    private static readonly string[] Insertions =
    [
        ":", " ", "-", "'", "\"", "#", "\n", "|", ">", "\\", "&", "*", "!", "[", "{", "  ", "\n  ", "- ", ": ", " #",
        "''", "\\u", "\\x4", "\n\n", "|-", ">+", "\U0001F600", "\t", "\r\n", "a", "0", "---", "...", "~", "?", "%", "\\\n",
    ];

    /// <summary>One to three edits of the kinds that change YAML's structure: characters, indentation, lines.</summary>
    private static string Mutate(string text, Random random)
    {
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(5))
            {
                case 0 when at < text.Length:
                    text = text.Remove(at, 1);
                    break;
                case 1:
                    text = text.Insert(at, Insertions[random.Next(Insertions.Length)]);
                    break;
                case 2:
                {
                    var lines = text.Split('\n');
                    var (i, j) = (random.Next(lines.Length), random.Next(lines.Length));
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                    text = string.Join('\n', lines);
                    break;
                }
                case 3:
                {
                    var lines = text.Split('\n');
                    var i = random.Next(lines.Length);
                    lines[i] = random.Next(2) == 0 ? " " + lines[i] : lines[i].TrimStart();
                    text = string.Join('\n', lines);
                    break;
                }
                case 4 when at < text.Length:
                    text = text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at));
                    break;
            }
        }
        return text;
    }

    private static List<string> FilesOf(string corpus) => corpus switch
    {
        "shared pypa" => Files(SharedData.PathOf("corpus", "pypa"), "*.yaml"),
        "shared go-vulndb" => Files(SharedData.PathOf("corpus", "go-vulndb"), "*.json"),
        "repository advisories" => Files(Path.Combine(SharedData.RepositoryRoot, "advisories"), "*.yaml"),
        _ => Files(Path.Combine(SharedData.RepositoryRoot, "tests"), "*.yaml"),
    };

    private static List<string> Files(string folder, string pattern) =>
        [.. Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private sealed class NodeComparer : IEqualityComparer<SourceNode>
    {
        public static readonly NodeComparer Instance = new();

        public bool Equals(SourceNode a, SourceNode b) =>
            a.Key == b.Key && a.Index == b.Index && a.SubtreeEnd == b.SubtreeEnd && a.Value == b.Value && a.KeySpan == b.KeySpan && a.Kind == b.Kind;

        public int GetHashCode(SourceNode node) => node.Index;
    }
}
