using System.Diagnostics;
using System.Text;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;
using static AdvisoryPipeline.Tests.Loading.YamlFixture;

namespace AdvisoryPipeline.Tests.Loading;

public sealed class LimitsAndEncodingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("loader-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Billion_laughs_is_YAML007_without_expanding_the_bomb()
    {
        // Nine levels of ten aliases each: 10^9 strings if expanded.
        var yaml = new StringBuilder("id: X\ndatabase_specific:\n  a0: &a0 [lol]\n");
        for (var level = 1; level <= 9; level++)
            yaml.Append($"  a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        yaml.Append("summary: s\n");

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var document = Load(yaml.ToString());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        var finding = Single(document, LoadFindingCodes.AliasBudget);
        // a0..a3 expand to 2, 21, 211 and 2111 nodes: the fourth *a3 on line 7 passes 10,000 in total.
        AssertAt(finding, FindingLevel.Error, 7, 27);
        Assert.Equal("/database_specific/a4/3", finding.Pointer);
        Assert.Equal("write the values out instead of nesting aliases", finding.Hint);
        Assert.Null(document.Record);
        // Bounded: the whole load allocates less than a few megabytes, far from the gigabytes of the expansion.
        Assert.True(allocated < 8 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Aliases_within_the_budget_are_expanded()
    {
        var yaml = "database_specific:\n  a: &a [p, q, r]\n  b: [*a, *a, *a]\n";

        var budgetTooSmall = Load(yaml, LoadOptions.Default with { MaxAliasExpansion = 11 });
        var budgetEnough = Load(yaml, LoadOptions.Default with { MaxAliasExpansion = 12 });

        Assert.Equal(LoadFindingCodes.AliasBudget, Assert.Single(budgetTooSmall.Findings).Code);
        Assert.Empty(budgetEnough.Findings);
        Assert.Equal("""[["p","q","r"],["p","q","r"],["p","q","r"]]""",
            budgetEnough.Record!.Value.GetProperty("database_specific").GetProperty("b").GetRawText());
    }

    [Fact]
    public void Nesting_of_64_levels_loads_and_65_is_YAML008()
    {
        static string Nested(int depth) => "a: " + new string('[', depth - 1) + "x" + new string(']', depth - 1) + "\n";

        var deepest = Load(Nested(64));
        var tooDeep = Load(Nested(65));

        Assert.Empty(deepest.Findings);
        Assert.NotNull(deepest.Record);
        var finding = Single(tooDeep, LoadFindingCodes.TooDeep);
        AssertAt(finding, FindingLevel.Error, 1, 4 + 63);
        Assert.Equal("/a" + string.Concat(Enumerable.Repeat("/0", 63)), finding.Pointer);
        Assert.Null(tooDeep.Record);
    }

    [Fact]
    public void Very_deep_nesting_is_reported_once_per_subtree_and_does_not_overflow_the_stack()
    {
        var document = Load("a: " + new string('[', 100_000) + new string(']', 100_000) + "\n");

        Assert.Equal(LoadFindingCodes.TooDeep, Assert.Single(document.Findings).Code);
    }

    [Fact]
    public void Deep_nesting_inside_a_dropped_value_is_YAML008_too()
    {
        // The value of a duplicate key is skipped, not converted; its depth must still be bounded.
        var document = Load("a: 1\na: " + new string('[', 500_000) + "\n");

        Assert.Equal("YAML002,YAML008", Codes(document));
        AssertAt(document.Findings[1], FindingLevel.Error, 2, 4 + 63);
    }

    [Fact]
    public void Nesting_built_by_aliases_is_YAML008_at_the_alias()
    {
        // Each anchor wraps the previous one in one more sequence: a70 would be 71 levels deep.
        var yaml = new StringBuilder("database_specific:\n  a0: &a0 x\n");
        for (var i = 1; i <= 70; i++) yaml.Append($"  a{i}: &a{i} [*a{i - 1}]\n");

        var document = Load(yaml.ToString());

        var finding = Single(document, LoadFindingCodes.TooDeep);
        AssertAt(finding, FindingLevel.Error, 65, 14); // "  a63: &a63 [*a62]": the alias
        // The pointer is the JSON path of the node that would be too deep, inside the expansion.
        Assert.Equal("/database_specific/a63" + string.Concat(Enumerable.Repeat("/0", 62)), finding.Pointer);
        Assert.Null(document.Record);
    }

    [Fact]
    public void File_over_the_size_limit_is_YAML009_without_reading_it_all()
    {
        var path = Path.Combine(_folder, "big.yaml");
        var content = Encoding.UTF8.GetBytes("id: X\ndetails: " + new string('x', (1 << 20) + 1 - 16) + "\n");
        Assert.Equal((1 << 20) + 1, content.Length);
        File.WriteAllBytes(path, content);

        var fromFile = AdvisoryYamlLoader.LoadFile(path);
        var fromBytes = AdvisoryYamlLoader.Load(path, content);

        foreach (var document in new[] { fromFile, fromBytes })
        {
            var finding = Assert.Single(document.Findings);
            Assert.Equal(LoadFindingCodes.TooLarge, finding.Code);
            Assert.Equal(SourceLocation.WholeFile(path), finding.Location);
            Assert.Contains("1048577 bytes", finding.Message, StringComparison.Ordinal);
            Assert.Null(document.Record);
        }
    }

    [Fact]
    public void File_of_exactly_the_size_limit_loads()
    {
        var path = Path.Combine(_folder, "limit.yaml");
        var content = Encoding.UTF8.GetBytes("id: X\ndetails: " + new string('x', (1 << 20) - 16) + "\n");
        Assert.Equal(1 << 20, content.Length);
        File.WriteAllBytes(path, content);

        var document = AdvisoryYamlLoader.LoadFile(path);

        Assert.Empty(document.Findings);
        Assert.Equal((1 << 20) - 16, document.Record!.Value.GetProperty("details").GetString()!.Length);
    }

    [Fact]
    public void Size_limit_is_an_option()
    {
        var document = Load("id: X\n", LoadOptions.Default with { MaxBytes = 5 });

        Assert.Equal(LoadFindingCodes.TooLarge, Assert.Single(document.Findings).Code);
    }

    [Fact]
    public void UTF8_byte_order_mark_is_accepted_and_positions_ignore_it()
    {
        var document = Load([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("id: X\nsummary: 1.5\n")]);

        Assert.True(document.HasByteOrderMark);
        Assert.Equal("id: X\nsummary: 1.5\n", document.Text);
        AssertAt(Single(document, LoadFindingCodes.NumberForString), FindingLevel.Error, 2, 10);
        Assert.Equal(new SourceSpan(15, 18, 2, 10), document.Map.ValueSpan("/summary"));
    }

    [Fact]
    public void Invalid_UTF8_is_YAML010_with_the_byte_offset()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("id: X\nsummary: caf"), 0xE9, .. Encoding.UTF8.GetBytes("\n")];

        var document = Load(bytes);

        var finding = Assert.Single(document.Findings);
        Assert.Equal(LoadFindingCodes.Encoding, finding.Code);
        AssertAt(finding, FindingLevel.Error, 2, 13);
        Assert.Equal("invalid UTF-8 at byte offset 18 (byte 0xE9)", finding.Message);
        Assert.Null(document.Record);
    }

    [Fact]
    public void Offset_of_invalid_UTF8_counts_the_byte_order_mark()
    {
        var document = Load([0xEF, 0xBB, 0xBF, (byte)'a', (byte)':', (byte)' ', 0xFF]);

        Assert.Equal("invalid UTF-8 at byte offset 6 (byte 0xFF)", Assert.Single(document.Findings).Message);
    }

    [Theory]
    [InlineData("utf-16LE-bom", "UTF-16LE")]
    [InlineData("utf-16BE-bom", "UTF-16BE")]
    [InlineData("utf-16LE", "UTF-16LE")]
    [InlineData("utf-32LE-bom", "UTF-32LE")]
    public void UTF16_and_UTF32_are_YAML010(string variant, string name)
    {
        var encoding = variant.StartsWith("utf-32", StringComparison.Ordinal)
            ? (Encoding)new UTF32Encoding(bigEndian: false, byteOrderMark: true)
            : new UnicodeEncoding(bigEndian: variant.Contains("BE", StringComparison.Ordinal), byteOrderMark: true);
        var body = encoding.GetBytes("id: X\n");
        var bytes = variant.EndsWith("-bom", StringComparison.Ordinal) ? [.. encoding.GetPreamble(), .. body] : body;

        var document = Load(bytes);

        var finding = Assert.Single(document.Findings);
        Assert.Equal(LoadFindingCodes.Encoding, finding.Code);
        Assert.Equal($"the file is encoded as {name}, but advisories must be UTF-8", finding.Message);
        Assert.Equal("save the file as UTF-8", finding.Hint);
    }

    [Fact]
    public void Folder_given_as_a_file_is_YAML000()
    {
        var document = AdvisoryYamlLoader.LoadFile(_folder);

        var finding = Assert.Single(document.Findings);
        Assert.Equal(LoadFindingCodes.Unreadable, finding.Code);
        Assert.Equal("cannot read the file: it is a folder, not a file", finding.Message);
    }

    [Fact]
    public async Task A_named_pipe_is_read_to_its_end_although_it_has_no_length()
    {
        var path = Path.Combine(_folder, "piped.yaml");
        using (var mkfifo = Process.Start("mkfifo", [path])) mkfifo.WaitForExit();
        // Opening a pipe for writing blocks until the loader opens it for reading.
        var writer = Task.Run(() => File.WriteAllText(path, "id: X-1\nsummary: from a pipe\n"));

        var document = AdvisoryYamlLoader.LoadFile(path);
        await writer.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(document.Findings);
        Assert.Equal("from a pipe", document.Record!.Value.GetProperty("summary").GetString());
    }

    [Fact]
    public void An_endless_device_is_refused_after_the_limit_plus_one_byte()
    {
        var document = AdvisoryYamlLoader.LoadFile("/dev/zero");

        var finding = Assert.Single(document.Findings);
        Assert.Equal(LoadFindingCodes.TooLarge, finding.Code);
        Assert.Equal($"the file is larger than the limit of {LoadOptions.Default.MaxBytes} bytes", finding.Message);
    }

    [Fact]
    public void LoadFile_reads_what_Load_reads()
    {
        var path = Path.Combine(_folder, "ok.yaml");
        File.WriteAllText(path, "id: X\nsummary: s\n");

        var document = AdvisoryYamlLoader.LoadFile(path);

        Assert.Empty(document.Findings);
        Assert.Equal(path, document.Path);
        Assert.Equal(path, document.Map.File);
        Assert.Equal("""{"id":"X","summary":"s"}""", document.Record!.Value.GetRawText());
    }
}
