using System.Text.Json;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;
using static AdvisoryPipeline.Tests.Loading.YamlFixture;

namespace AdvisoryPipeline.Tests.Loading;

public class StructureFindingTests
{
    [Fact]
    public void Missing_file_is_YAML000_for_the_whole_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "x.yaml");
        var document = AdvisoryYamlLoader.LoadFile(path);

        var finding = Assert.Single(document.Findings);
        Assert.Equal(LoadFindingCodes.Unreadable, finding.Code);
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Equal(SourceLocation.WholeFile(path), finding.Location);
        Assert.Null(document.Record);
    }

    [Fact]
    public void Syntax_error_is_YAML001_at_the_parser_position_with_a_clean_message()
    {
        var document = Load("id: X\naffected: [a, b\n");

        var finding = Single(document, LoadFindingCodes.Syntax);
        AssertAt(finding, FindingLevel.Error, 3, 1);
        Assert.Equal("while parsing a flow sequence, did not find expected ',' or ']'", finding.Message);
        Assert.Null(document.Record);
        Assert.True(document.HasErrors);
    }

    [Theory]
    // YamlDotNet reports the first at 1:1, the start of the enclosing mapping: the author needs the tab's own line.
    [InlineData("id: X\nsummary: s\naffected:\n\t- package: x\n", 4, 1)]
    [InlineData("id: X\naffected:\n  - package:\n      name: x\n  \t    ecosystem: PyPI\n", 5, 3)]
    public void A_tab_used_for_indentation_is_reported_on_its_own_line(string yaml, int line, int column)
    {
        var finding = Single(Load(yaml), LoadFindingCodes.Syntax);

        AssertAt(finding, FindingLevel.Error, line, column);
        Assert.Equal("a tab is used for indentation, which YAML does not allow", finding.Message);
        Assert.Equal("indent with spaces only", finding.Hint);
    }

    [Theory]
    [InlineData("summary: \"\\ud800\\u0041\"\n")]
    [InlineData("summary: \"\\ud800\\ud800\"\n")]
    [InlineData("summary: \"\\UFFFFFFFF\"\n")]
    public void An_escape_that_is_no_unicode_character_is_YAML001_on_its_line_not_a_crash(string yaml)
    {
        var finding = Single(Load("id: X\n" + yaml), LoadFindingCodes.Syntax);

        Assert.Equal(2, finding.Location.Line);
        Assert.StartsWith("an escape in a quoted string is not a Unicode character", finding.Message, StringComparison.Ordinal);
        Assert.NotNull(finding.Hint);
    }

    [Fact]
    public void An_empty_key_whose_value_the_parser_drops_is_an_error_not_broken_json()
    {
        // Found by fuzzing: YamlDotNet emits no value event for "- : 2.0" in a block sequence.
        var document = Load("id: X\nversions:\n  - : 2.0\n");

        Assert.Null(document.Record);
        Assert.Contains(document.Findings, f => f.Code == LoadFindingCodes.Syntax && f.Location.Line == 3
            && f.Message == "this entry has an empty key and its value could not be read");
    }

    [Fact]
    public void Parser_failure_that_is_not_a_YamlException_is_still_YAML001()
    {
        // YamlDotNet throws InvalidOperationException from its scanner for this one.
        var document = Load("id: X\naffected: [a, b\nsummary: y\n");

        var finding = Single(document, LoadFindingCodes.Syntax);
        AssertAt(finding, FindingLevel.Error, 3, 1);
        Assert.StartsWith("invalid YAML", finding.Message, StringComparison.Ordinal);
        Assert.Null(document.Record);
    }

    [Fact]
    public void Duplicate_key_is_YAML002_at_the_second_key_naming_the_first_line()
    {
        var document = Load("id: X\nsummary: one\ndetails: d\nsummary: two\n");

        var finding = Single(document, LoadFindingCodes.DuplicateKey);
        AssertAt(finding, FindingLevel.Error, 4, 1);
        Assert.Equal("/summary", finding.Pointer);
        Assert.Contains("line 2", finding.Message, StringComparison.Ordinal);
        Assert.Equal("remove one of the two entries, or merge them", finding.Hint);
        // The first value is kept, so later stages see a well-formed record.
        Assert.Equal("one", document.Record!.Value.GetProperty("summary").GetString());
    }

    [Fact]
    public void Duplicate_keys_are_found_in_large_mappings_too()
    {
        var lines = Enumerable.Range(0, 100).Select(i => $"k{i}: {i}").Append("k42: again");
        var document = Load("id: X\ndatabase_specific:\n" + string.Join("\n", lines.Select(l => "  " + l)) + "\n");

        var finding = Single(document, LoadFindingCodes.DuplicateKey);
        AssertAt(finding, FindingLevel.Error, 103, 3);
        Assert.Contains("line 45", finding.Message, StringComparison.Ordinal);
        Assert.Equal("/database_specific/k42", finding.Pointer);
    }

    [Fact]
    public void Quoted_and_plain_spellings_of_one_key_are_duplicates()
    {
        var document = Load("id: X\n\"id\": Y\n");

        AssertAt(Single(document, LoadFindingCodes.DuplicateKey), FindingLevel.Error, 2, 1);
    }

    [Fact]
    public void Mapping_or_sequence_as_key_is_YAML003_and_the_entry_is_dropped()
    {
        var document = Load("id: X\n? [a, b]\n: value\nsummary: s\n");

        var finding = Single(document, LoadFindingCodes.NonScalarKey);
        AssertAt(finding, FindingLevel.Error, 2, 3);
        Assert.Equal("use a string key and put the structure in its value", finding.Hint);
        Assert.Equal("""{"id":"X","summary":"s"}""", document.Record!.Value.GetRawText());
    }

    [Theory]
    [InlineData("1: x", "number", "write \"1\": instead")]
    [InlineData("true: x", "boolean", "write \"true\": instead")]
    [InlineData("~: x", "null", "write \"~\": instead")]
    [InlineData("!!int 7: x", "tagged !!int", "write \"7\": instead")]
    public void Key_that_is_not_a_string_is_YAML004(string entry, string what, string hint)
    {
        var document = Load("id: X\n" + entry + "\n");

        var finding = Single(document, LoadFindingCodes.NonStringKey);
        AssertAt(finding, FindingLevel.Error, 2, 1);
        Assert.Contains(what, finding.Message, StringComparison.Ordinal);
        Assert.Equal(hint, finding.Hint);
    }

    [Fact]
    public void Quoted_number_key_is_a_string()
    {
        var document = Load("id: X\ndatabase_specific:\n  \"1\": first\n  '2': second\n");

        Assert.Empty(document.Findings);
        Assert.Equal("""{"1":"first","2":"second"}""", document.Record!.Value.GetProperty("database_specific").GetRawText());
    }

    [Fact]
    public void Second_document_is_YAML005_and_the_first_is_kept()
    {
        var document = Load("id: X\n---\nid: Y\n");

        var finding = Single(document, LoadFindingCodes.SeveralDocuments);
        AssertAt(finding, FindingLevel.Error, 2, 1);
        Assert.Equal("put each record in a file of its own", finding.Hint);
        Assert.Equal("X", document.Record!.Value.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("summary: !custom text", 1, 10, "!custom")]
    [InlineData("database_specific: !!binary aGVsbG8=", 1, 20, "!!binary")]
    [InlineData("database_specific: !thing {a: 1}", 1, 20, "!thing")]
    [InlineData("!weird summary: text", 1, 1, "!weird")]
    public void Tag_other_than_the_core_ones_is_YAML006(string entry, int line, int column, string tag)
    {
        var document = Load(entry + "\n");

        var finding = Single(document, LoadFindingCodes.UnknownTag);
        AssertAt(finding, FindingLevel.Error, line, column);
        Assert.Contains(tag, finding.Message, StringComparison.Ordinal);
        Assert.Equal("remove the tag", finding.Hint);
    }

    [Fact]
    public void Core_tags_force_the_type_without_findings()
    {
        var document = Load("""
            summary: !!str 1.10
            database_specific:
              count: !!int "12"
              ratio: !!float 2
              flag: !!bool "true"
              nothing: !!null ""
              text: ! 42
              map: !!map {a: 1}
              seq: !!seq [1]
            """);

        Assert.Empty(document.Findings);
        var record = document.Record!.Value;
        Assert.Equal("1.10", record.GetProperty("summary").GetString());
        Assert.Equal("""{"count":12,"ratio":2,"flag":true,"nothing":null,"text":"42","map":{"a":1},"seq":[1]}""",
            record.GetProperty("database_specific").GetRawText());
    }

    [Theory]
    [InlineData("database_specific: !!int abc", 1, 20, "!!int does not fit the value \"abc\"")]
    [InlineData("database_specific: !!map [1]", 1, 20, "!!map does not fit a sequence")]
    [InlineData("database_specific: !!seq abc", 1, 20, "!!seq does not fit the value \"abc\"")]
    public void Core_tag_on_a_value_it_does_not_fit_is_YAML014(string yaml, int line, int column, string message)
    {
        var document = Load(yaml + "\n");

        var finding = Single(document, LoadFindingCodes.TagMismatch);
        AssertAt(finding, FindingLevel.Error, line, column);
        Assert.Equal(message, finding.Message);
    }

    [Fact]
    public void Merge_key_is_YAML012()
    {
        var document = Load("id: X\ndatabase_specific:\n  base: &b {a: 1}\n  copy:\n    <<: *b\n    c: 2\n");

        var finding = Single(document, LoadFindingCodes.MergeKey);
        AssertAt(finding, FindingLevel.Error, 5, 5);
        Assert.Contains("not YAML 1.2", finding.Message, StringComparison.Ordinal);
        Assert.Equal("write the merged keys out in this mapping", finding.Hint);
        Assert.Equal("""{"c":2}""", document.Record!.Value.GetProperty("database_specific").GetProperty("copy").GetRawText());
    }

    [Fact]
    public void Alias_to_an_undefined_anchor_is_YAML013()
    {
        var document = Load("id: X\nsummary: *nowhere\n");

        var finding = Single(document, LoadFindingCodes.UndefinedAlias);
        AssertAt(finding, FindingLevel.Error, 2, 10);
        Assert.Equal("/summary", finding.Pointer);
        Assert.Equal("define &nowhere on an earlier value, or write the value out", finding.Hint);
    }

    [Fact]
    public void Alias_inside_its_own_anchor_is_YAML013_not_a_cycle()
    {
        var document = Load("database_specific: &loop {self: *loop}\n");

        AssertAt(Single(document, LoadFindingCodes.UndefinedAlias), FindingLevel.Error, 1, 33);
    }

    [Fact]
    public void Aliases_expand_to_copies_of_the_anchored_value()
    {
        var document = Load("""
            id: X
            affected:
            - package: &pkg {ecosystem: PyPI, name: demo}
              versions: &v ["1.0", "1.1"]
            - package: *pkg
              versions: *v
            """);

        Assert.Empty(document.Findings);
        var affected = document.Record!.Value.GetProperty("affected");
        Assert.Equal(affected[0].GetRawText(), affected[1].GetRawText());
        // Expanded values have no nodes of their own: they are located at the alias.
        Assert.Equal(new SourceLocation(FileName, 5, 12), document.Map.Locate("/affected/1/package/name"));
    }

    [Fact]
    public void Typing_trap_reached_through_an_alias_is_reported_at_the_alias()
    {
        var document = Load("database_specific:\n  v: &v 1.10\nsummary: *v\n");

        var finding = Single(document, LoadFindingCodes.NumberForString);
        AssertAt(finding, FindingLevel.Error, 3, 10);
        Assert.Equal("/summary", finding.Pointer);
        Assert.Equal(1.1, document.Record!.Value.GetProperty("database_specific").GetProperty("v").GetDouble());
        Assert.Equal("1.10", document.Record!.Value.GetProperty("summary").GetString());
    }

    [Fact]
    public void Value_that_JSON_cannot_hold_is_YAML015()
    {
        var document = Load("database_specific:\n  a: .inf\n  b: -.Inf\n  c: .NaN\n");

        var findings = document.Findings.Where(f => f.Code == LoadFindingCodes.NotRepresentable).ToList();
        Assert.Equal(3, findings.Count);
        AssertAt(findings[0], FindingLevel.Error, 2, 6);
        Assert.Equal("write \".inf\"", findings[0].Hint);
    }

    [Theory]
    [InlineData("", 0, 0, "the file is empty")]
    [InlineData("# only a comment\n", 0, 0, "the file is empty")]
    [InlineData("- id: X\n", 1, 1, "sequence")]
    [InlineData("just text\n", 1, 1, "single value")]
    public void File_that_is_not_one_mapping_is_YAML011(string yaml, int line, int column, string message)
    {
        var document = Load(yaml);

        var finding = Single(document, LoadFindingCodes.NotAMapping);
        Assert.Equal(FindingLevel.Error, finding.Level);
        Assert.Equal((line, column), (finding.Location.Line, finding.Location.Column));
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
        Assert.Null(document.Record);
    }

    [Fact]
    public void Several_problems_in_one_file_are_all_reported_in_source_order()
    {
        var document = Load("""
            id: X
            summary: 1.0
            !odd details: d
            summary: again
            affected:
            - versions: [yes, 2]
            """);

        Assert.Equal("YAML101,YAML006,YAML002,YAML111,YAML101", Codes(document));
        Assert.NotNull(document.Record);
    }

    [Fact]
    public void Authoring_block_is_split_off_and_stays_in_the_source_map()
    {
        var document = Load("""
            id: X
            pipeline:
              embargo_until: "2030-01-01T00:00:00Z"
              notes: check with upstream
            summary: s
            """);

        Assert.Empty(document.Findings);
        Assert.Equal("""{"id":"X","summary":"s"}""", document.Record!.Value.GetRawText());
        Assert.Equal(JsonValueKind.Object, document.AuthoringBlock!.Value.ValueKind);
        Assert.Equal("check with upstream", document.AuthoringBlock.Value.GetProperty("notes").GetString());
        Assert.Equal(new SourceLocation(FileName, 4, 10), document.Map.Locate("/pipeline/notes"));
    }

    [Fact]
    public void Authoring_block_key_can_be_turned_off()
    {
        var document = Load("id: X\npipeline: {notes: n}\n", LoadOptions.Default with { AuthoringBlockKey = null });

        Assert.Null(document.AuthoringBlock);
        Assert.Equal("n", document.Record!.Value.GetProperty("pipeline").GetProperty("notes").GetString());
    }
}
