using System.Text.Json;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;
using static AdvisoryPipeline.Tests.Loading.YamlFixture;

namespace AdvisoryPipeline.Tests.Loading;

public class ScalarTypingTests
{
    private const string EventsPrefix = "affected:\n- ranges:\n  - type: ECOSYSTEM\n    events:\n    - ";

    [Theory]
    [InlineData("fixed: 1.10", "YAML101", "1.10 is read by YAML as the number 1.1, but OSV expects a string here", "write \"1.10\"")]
    [InlineData("introduced: 0", "YAML101", "0 is read by YAML as the number 0, but OSV expects a string here", "write \"0\"")]
    [InlineData("fixed: 2.0", "YAML101", "2.0 is read by YAML as the number 2, but OSV expects a string here", "write \"2.0\"")]
    [InlineData("fixed: 1e3", "YAML101", "1e3 is read by YAML as the number 1000, but OSV expects a string here", "write \"1e3\"")]
    [InlineData("fixed: 0x1F", "YAML101", "0x1F is read by YAML as the number 31, but OSV expects a string here", "write \"0x1F\"")]
    [InlineData("limit: true", "YAML102", "true is read by YAML as the boolean true, but OSV expects a string here", "write \"true\"")]
    [InlineData("limit: FALSE", "YAML102", "FALSE is read by YAML as the boolean false, but OSV expects a string here", "write \"FALSE\"")]
    [InlineData("last_affected: null", "YAML103", "null is read by YAML as null, but OSV expects a string here", "write \"null\", or remove the key if there is no value")]
    [InlineData("last_affected: ~", "YAML103", "~ is read by YAML as null, but OSV expects a string here", "write \"~\", or remove the key if there is no value")]
    [InlineData("last_affected:", "YAML103", "an empty value is read by YAML as null, but OSV expects a string here", "write \"\" or remove the key")]
    public void Plain_scalar_that_is_not_a_string_where_OSV_expects_one_is_an_error(string entry, string code, string message, string hint)
    {
        var document = Load(EventsPrefix + entry + "\n");

        var finding = Single(document, code);
        AssertAt(finding, FindingLevel.Error, 5, 7 + entry.IndexOf(':') + (entry.EndsWith(':') ? 1 : 2));
        Assert.Equal(message, finding.Message);
        Assert.Equal(hint, finding.Hint);
        var key = entry[..entry.IndexOf(':')];
        Assert.Equal($"/affected/0/ranges/0/events/0/{key}", finding.Pointer);
        // The original text is kept, so the schema stage sees a string and does not report the spot again.
        var value = document.Record!.Value.GetProperty("affected")[0].GetProperty("ranges")[0].GetProperty("events")[0].GetProperty(key);
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        Assert.Equal(entry[(entry.IndexOf(':') + 1)..].Trim(), value.GetString());
    }

    [Theory]
    [InlineData("name: true", "/affected/0/package/name")]
    [InlineData("ecosystem: 1.0", "/affected/0/package/ecosystem")]
    public void Package_fields_are_string_positions(string entry, string pointer)
    {
        var document = Load("affected:\n- package:\n    " + entry + "\n");

        var finding = Assert.Single(document.Findings);
        Assert.Equal(pointer, finding.Pointer);
        Assert.True(finding.IsError);
    }

    [Theory]
    [InlineData("summary: yes", "yes", "true")]
    [InlineData("summary: Off", "Off", "false")]
    [InlineData("summary: n", "n", "false")]
    [InlineData("summary: ON", "ON", "true")]
    public void YAML11_booleans_keep_their_text_and_warn(string entry, string text, string boolean)
    {
        var document = Load(entry + "\n");

        var finding = Single(document, LoadFindingCodes.Yaml11Boolean);
        AssertAt(finding, FindingLevel.Warning, 1, 10);
        Assert.Equal($"{text} is read by YAML 1.1 tools as the boolean {boolean}; YAML 1.2 reads the string \"{text}\"", finding.Message);
        Assert.Equal($"write \"{text}\" so that every YAML reader sees the same text", finding.Hint);
        Assert.Equal(text, document.Record!.Value.GetProperty("summary").GetString());
        Assert.False(document.HasErrors);
    }

    [Theory]
    [InlineData("1:9", "69")]
    [InlineData("190:20:30", "685230")]
    [InlineData("-1:30.5", "-90.5")]
    public void Sexagesimal_numbers_keep_their_text_and_warn(string text, string value)
    {
        var document = Load("affected:\n- versions:\n  - " + text + "\n");

        var finding = Single(document, LoadFindingCodes.Yaml11Sexagesimal);
        AssertAt(finding, FindingLevel.Warning, 3, 5);
        Assert.Contains($"base-60 number {value}", finding.Message, StringComparison.Ordinal);
        Assert.Equal(text, document.Record!.Value.GetProperty("affected")[0].GetProperty("versions")[0].GetString());
    }

    [Theory]
    [InlineData("2021-10-11T01:16:41Z")]
    [InlineData("2021-10-11")]
    [InlineData("2021-10-11 01:16:41")]
    [InlineData("2023-11-07T20:24:23.946863Z")]
    [InlineData("2001-12-14t21:59:43.10-05:00")]
    [InlineData("2001-12-14 21:59:43.10 -5")]
    public void Timestamps_stay_strings_and_warn(string text)
    {
        var document = Load("modified: " + text + "\n");

        var finding = Single(document, LoadFindingCodes.Yaml11Timestamp);
        AssertAt(finding, FindingLevel.Warning, 1, 11);
        Assert.Equal("/modified", finding.Pointer);
        Assert.Equal($"write \"{text}\" so that every YAML reader sees the same text", finding.Hint);
        Assert.Equal(text, document.Record!.Value.GetProperty("modified").GetString());
    }

    [Theory]
    [InlineData("2021-1-1")]       // a date alone needs two-digit month and day
    [InlineData("2021-10-11T1:2:3")]
    [InlineData("20211-10-11")]
    public void Near_timestamps_are_plain_strings(string text)
    {
        var document = Load("modified: " + text + "\n");

        Assert.Empty(document.Findings);
    }

    [Theory]
    [InlineData("0777", "the number 511", "the number 777")]
    [InlineData("0b101", "the number 5", "the string \"0b101\"")]
    [InlineData("1_000", "the number 1000", "the string \"1_000\"")]
    [InlineData("+0x1F", "the number 31", "the string \"+0x1F\"")]
    [InlineData("1e3", "the string \"1e3\"", "the number 1000")]
    [InlineData("0o17", "the string \"0o17\"", "the number 15")]
    [InlineData("08", "the string \"08\"", "the number 8")]
    public void Numbers_YAML11_reads_differently_warn_in_free_form_positions(string text, string theirs, string ours)
    {
        var document = Load("database_specific:\n  x: " + text + "\n");

        var finding = Single(document, LoadFindingCodes.Yaml11Number);
        AssertAt(finding, FindingLevel.Warning, 2, 6);
        Assert.Equal($"{text} is read by YAML 1.1 tools as {theirs}; YAML 1.2 reads {ours}", finding.Message);
        Assert.Equal("/database_specific/x", finding.Pointer);
    }

    [Theory]
    [InlineData("0x1F")]
    [InlineData("07")]
    [InlineData("1.5")]
    [InlineData("1.")]
    [InlineData("-0")]
    [InlineData(".5")]
    [InlineData("1.0e+3")]
    [InlineData(".inf")]
    public void Numbers_both_versions_read_alike_do_not_warn(string text)
    {
        var document = Load("database_specific:\n  x: " + text + "\n");

        Assert.DoesNotContain(document.Findings, f => f.Level == FindingLevel.Warning);
    }

    [Fact]
    public void Free_form_positions_keep_YAML12_values()
    {
        var document = Load("""
            database_specific:
              version: 1.10
              zero: 0
              flag: true
              none: null
              empty:
              word: yes
              octal: 0o17
              hex: 0x1F
              big: 123456789012345678901234567890
              exp: 1E+3
              lead: 007
              half: .5
              date: 2021-10-11
            affected:
            - ecosystem_specific: {fixed: 1.10}
            """);

        var free = document.Record!.Value.GetProperty("database_specific");
        Assert.Equal("""{"version":1.10,"zero":0,"flag":true,"none":null,"empty":null,"word":"yes","octal":15,"hex":31,"big":123456789012345678901234567890,"exp":1E+3,"lead":7,"half":0.5,"date":"2021-10-11"}""",
            free.GetRawText());
        Assert.Equal(1.1, document.Record!.Value.GetProperty("affected")[0].GetProperty("ecosystem_specific").GetProperty("fixed").GetDouble());
        Assert.False(document.HasErrors);
        Assert.Equal("YAML111,YAML114,YAML114,YAML113", Codes(document));
    }

    [Fact]
    public void Quoted_and_block_scalars_are_always_strings()
    {
        var document = Load("""
            summary: "1.10"
            details: |
              true
            aliases:
            - '0'
            - "null"
            - >-
              yes
            """);

        Assert.Empty(document.Findings);
        Assert.Equal("""{"summary":"1.10","details":"true\n","aliases":["0","null","yes"]}""", document.Record!.Value.GetRawText());
    }

    [Fact]
    public void Plain_keys_that_YAML11_reads_as_booleans_warn()
    {
        var document = Load("database_specific:\n  on: push\n");

        var finding = Single(document, LoadFindingCodes.Yaml11Boolean);
        AssertAt(finding, FindingLevel.Warning, 2, 3);
        Assert.Equal("/database_specific/on", finding.Pointer);
    }

    [Fact]
    public void YAML11_warnings_can_be_turned_off()
    {
        var document = Load("modified: 2021-10-11T01:16:41Z\nsummary: yes\n", LoadOptions.Default with { WarnAboutYaml11Readings = false });

        Assert.Empty(document.Findings);
    }

    [Fact]
    public void Authoring_block_has_its_own_string_positions()
    {
        var document = Load("pipeline:\n  notes: 12\n  embargo_until: \"2030-01-01\"\n  extra: 12\n");

        var finding = Assert.Single(document.Findings);
        Assert.Equal(LoadFindingCodes.NumberForString, finding.Code);
        Assert.Equal("12 is read by YAML as the number 12, but the pipeline block expects a string here", finding.Message);
        Assert.Equal("/pipeline/notes", finding.Pointer);
        Assert.Equal(12, document.AuthoringBlock!.Value.GetProperty("extra").GetInt32());
    }
}
