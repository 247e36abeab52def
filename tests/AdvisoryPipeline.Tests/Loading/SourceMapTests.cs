using static AdvisoryPipeline.Tests.Loading.YamlFixture;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;

namespace AdvisoryPipeline.Tests.Loading;

public class SourceMapTests
{
    private const string Advisory = """
        id: PYSEC-2021-1
        summary: "Quoted"
        affected:
        - package:
            ecosystem: PyPI
            name: demo
          ranges:
          - type: ECOSYSTEM
            events:
            - introduced: "0"
            - fixed: "1.2.3"
        references: [{type: WEB, url: "https://x"}]
        database_specific:
          a/b: 1
          "t~": |
            text
        """;

    private readonly LoadedDocument _document = Load(Advisory);

    private string Slice(SourceSpan? span) => _document.Text[span!.Value.Start..span.Value.End];

    [Fact]
    public void Fixture_loads_cleanly()
    {
        Assert.Empty(_document.Findings);
        Assert.Equal(Advisory, _document.Text);
    }

    [Fact]
    public void Nested_pointer_locates_the_value()
    {
        Assert.Equal(new SourceLocation(FileName, 11, 14), _document.Map.Locate("/affected/0/ranges/0/events/1/fixed"));
        Assert.Equal(new SourceLocation(FileName, 10, 19), _document.Map.Locate("/affected/0/ranges/0/events/0/introduced"));
    }

    [Fact]
    public void Nested_pointer_locates_the_key()
    {
        Assert.Equal(new SourceLocation(FileName, 11, 7), _document.Map.LocateKey("/affected/0/ranges/0/events/1/fixed"));
        var keySpan = _document.Map.KeySpan("/affected/0/ranges/0/events/1/fixed");
        Assert.Equal("fixed", Slice(keySpan));
        Assert.Equal((11, 7), (keySpan!.Value.Line, keySpan.Value.Column));
    }

    [Fact]
    public void Value_spans_cover_exactly_the_source_text_of_the_value()
    {
        var span = _document.Map.ValueSpan("/affected/0/ranges/0/events/1/fixed");
        Assert.Equal("\"1.2.3\"", Slice(span));
        Assert.Equal((11, 14), (span!.Value.Line, span.Value.Column));
        Assert.Equal("[{type: WEB, url: \"https://x\"}]", Slice(_document.Map.ValueSpan("/references")));
        Assert.Equal("{type: WEB, url: \"https://x\"}", Slice(_document.Map.ValueSpan("/references/0")));
        Assert.Equal("ecosystem: PyPI\n    name: demo", Slice(_document.Map.ValueSpan("/affected/0/package")));
        Assert.Equal("PYSEC-2021-1", Slice(_document.Map.ValueSpan("/id")));
    }

    [Fact]
    public void Missing_pointer_locates_the_nearest_existing_ancestor()
    {
        Assert.Equal(new SourceLocation(FileName, 10, 5), _document.Map.Locate("/affected/0/ranges/0/events/7/fixed"));
        Assert.Equal(new SourceLocation(FileName, 1, 1), _document.Map.Locate("/withdrawn"));
        Assert.Equal(new SourceLocation(FileName, 1, 1), _document.Map.Locate(""));
        Assert.Null(_document.Map.ValueSpan("/withdrawn"));
        Assert.Null(_document.Map.KeySpan("/affected/0/ranges/0/events/7/fixed"));
    }

    [Fact]
    public void Sequence_items_have_no_key_and_locate_their_value()
    {
        Assert.Null(_document.Map.KeySpan("/affected/0"));
        Assert.Equal(new SourceLocation(FileName, 4, 3), _document.Map.LocateKey("/affected/0"));
    }

    [Fact]
    public void Pointers_use_RFC6901_escaping()
    {
        Assert.Equal(new SourceLocation(FileName, 14, 8), _document.Map.Locate("/database_specific/a~1b"));
        Assert.Equal(new SourceLocation(FileName, 15, 9), _document.Map.Locate("/database_specific/t~0"));
        // "~" must be followed by 0 or 1: the malformed segment matches no key, so its parent is located.
        Assert.Equal(new SourceLocation(FileName, 14, 3), _document.Map.Locate("/database_specific/t~"));
    }

    [Fact]
    public void Scalar_info_gives_style_and_source_text()
    {
        Assert.Equal(new ScalarInfo(YamlScalarStyle.DoubleQuoted, "\"Quoted\""), _document.Map.Scalar("/summary"));
        Assert.Equal(new ScalarInfo(YamlScalarStyle.Plain, "demo"), _document.Map.Scalar("/affected/0/package/name"));
        var literal = _document.Map.Scalar("/database_specific/t~0");
        Assert.Equal(YamlScalarStyle.Literal, literal!.Style);
        Assert.StartsWith("|\n    text", literal.SourceText, StringComparison.Ordinal);
        Assert.Null(_document.Map.Scalar("/affected"));
        Assert.Null(_document.Map.Scalar("/nothing"));
    }

    [Fact]
    public void Findings_on_pointers_can_be_located_for_the_same_spot()
    {
        var document = Load("affected:\n- package: {ecosystem: PyPI, name: 1.0}\n");

        var finding = Assert.Single(document.Findings);
        Assert.Equal(finding.Location, document.Map.Locate(finding.Pointer!));
    }

    [Fact]
    public void Windows_line_endings_keep_lines_and_spans_right()
    {
        var document = Load("id: X\r\naffected:\r\n- versions: [\"1.0\", 2.0]\r\n");

        var finding = Assert.Single(document.Findings);
        Assert.Equal(new SourceLocation(FileName, 3, 21), finding.Location);
        var span = document.Map.ValueSpan("/affected/0/versions/1")!.Value;
        Assert.Equal("2.0", document.Text[span.Start..span.End]);
        Assert.Equal("[\"1.0\", 2.0]", document.Text[document.Map.ValueSpan("/affected/0/versions")!.Value.Start..document.Map.ValueSpan("/affected/0/versions")!.Value.End]);
    }

    [Fact]
    public void Unusable_file_maps_to_the_whole_file()
    {
        var document = Load("- a\n- b\n");

        Assert.Equal(SourceLocation.WholeFile(FileName), document.Map.Locate("/0"));
        Assert.Null(document.Map.ValueSpan(""));
    }

    [Fact]
    public void Source_map_survives_a_syntax_error_for_what_was_read()
    {
        var document = Load("id: X\nsummary: s\naffected: [\n");

        Assert.Equal(LoadFindingCodes.Syntax, Assert.Single(document.Findings).Code);
        Assert.Equal(new SourceLocation(FileName, 2, 10), document.Map.Locate("/summary"));
    }
}
