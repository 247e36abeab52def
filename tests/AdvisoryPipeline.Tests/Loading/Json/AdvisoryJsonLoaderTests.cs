using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Loading.Json;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Loading.Json;

/// <summary>OSV records written as JSON: the same document a YAML advisory gives, with positions from the JSON text.</summary>
public sealed class AdvisoryJsonLoaderTests
{
    private static LoadedDocument Load(string json) => AdvisoryJsonLoader.Load("advisories/PSF-2024-1.json", Encoding.UTF8.GetBytes(json));

    private static string Locations(LoadedDocument document) =>
        string.Join("\n", document.Findings.Select(f => $"{f.Location.Line}:{f.Location.Column} {f.Code} {f.Message}"));

    [Fact]
    public void Keys_and_values_are_located_at_their_line_and_column_in_characters()
    {
        var document = Load("""
            {
              "id": "PSF-2024-1",
              "summary": "Überlauf 😀 in \"quoted\"",
              "affected": [
                {"package": {"ecosystem": "PyPI", "name": "cpython"},
                 "versions": ["3.12.0", 3.13]}
              ]
            }
            """);

        Assert.Empty(document.Findings);
        Assert.Equal((2, 9), At(document.Map.Locate("/id")));
        Assert.Equal((3, 3), At(document.Map.LocateKey("/summary")));
        Assert.Equal((5, 31), At(document.Map.Locate("/affected/0/package/ecosystem")));
        Assert.Equal((6, 29), At(document.Map.Locate("/affected/0/versions/1")));
        Assert.Equal("\"Überlauf 😀 in \\\"quoted\\\"\"", document.Map.Scalar("/summary")!.SourceText);
        Assert.Equal(YamlScalarStyle.Json, document.Map.Scalar("/affected/0/versions/1")!.Style);
        Assert.Equal("Überlauf 😀 in \"quoted\"", document.Record!.Value.GetProperty("summary").GetString());
        // A JSON number stays a number: the schema, not a YAML typing rule, says OSV wants a string there.
        Assert.Equal(JsonValueKind.Number, document.Record.Value.GetProperty("affected")[0].GetProperty("versions")[1].ValueKind);
        var span = document.Map.ValueSpan("/affected/0/package")!.Value;
        Assert.Equal("{\"ecosystem\": \"PyPI\", \"name\": \"cpython\"}", document.Text[span.Start..span.End]);
    }

    private static (int, int) At(SourceLocation location) => (location.Line, location.Column);

    [Theory]
    [InlineData("{\n  \"id\": \"A\",\n}", "3:1 YAML001 invalid JSON: a comma after the last entry of an object or array")]
    [InlineData("{\n  // note\n  \"id\": \"A\"\n}", "2:3 YAML001 invalid JSON: comments are not allowed in JSON")]
    [InlineData("{\n  \"id\": \"A\"\n  \"summary\": \"B\"\n}", "3:3 YAML001 invalid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']'")]
    [InlineData("{\n  \"id\": \"A\",\n  \"details\": [\"x\"", "3:18 YAML001 invalid JSON: the file ends before every object and array is closed")]
    [InlineData("{\"id\": 'A'}", "1:8 YAML001 invalid JSON: ''' is an invalid start of a value")]
    [InlineData("{\"id\": \"A\"} {\"id\": \"B\"}", "1:13 YAML001 invalid JSON: '{' is invalid after a single JSON value. Expected end of data")]
    [InlineData("{\"id\": \"a\\ud800b\"}", "1:8 YAML001 this string has a \\u escape that is half of a surrogate pair, which makes no character")]
    [InlineData("{\n  \"id\": \"A\",\n  \"id\": \"B\"\n}", "3:3 YAML002 duplicate key id: it is already defined on line 2")]
    [InlineData("[{\"id\": \"A\"}]", "1:1 YAML011 the document is an array, but it must be one JSON object")]
    [InlineData("\"PSF-2024-1\"", "1:1 YAML011 the document is a single value, but it must be one JSON object")]
    [InlineData("  \n", "0:0 YAML011 the file is empty: it must contain one JSON object")]
    public void Every_mistake_is_one_located_finding_and_no_record(string json, string expected)
    {
        var document = Load(json);

        Assert.Equal(expected, Locations(document));
        Assert.Null(document.Record);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused_at_the_first_level_too_deep()
    {
        var json = "{\"database_specific\": " + new string('[', 5000) + new string(']', 5000) + "}";

        var document = Load(json);

        Assert.Equal("1:86 YAML008 nesting deeper than 64 levels", Locations(document));
        Assert.Null(document.Record);
    }

    [Fact]
    public void Encoding_size_and_byte_order_marks_are_checked_as_for_yaml()
    {
        var withMark = AdvisoryJsonLoader.Load("a.json", [0xEF, 0xBB, 0xBF, .. "{\"id\": \"A\"}"u8]);
        var latin1 = AdvisoryJsonLoader.Load("a.json", [.. "{\"id\": \"caf"u8, 0xE9, .. "\"}"u8]);
        var large = AdvisoryJsonLoader.Load("a.json", Encoding.UTF8.GetBytes("{\"details\": \"" + new string('x', 1 << 20) + "\"}"));

        Assert.True(withMark.HasByteOrderMark);
        Assert.Equal((1, 8), At(withMark.Map.Locate("/id")));
        Assert.Equal("YAML010", Assert.Single(latin1.Findings).Code);
        Assert.Equal("YAML009", Assert.Single(large.Findings).Code);
    }

    [Fact]
    public void The_authoring_block_is_split_off_as_in_yaml()
    {
        var document = Load("""{"id": "PSF-2024-1", "pipeline": {"embargo_until": "2026-01-01T00:00:00Z"}, "summary": "S"}""");

        Assert.Equal("""{"id":"PSF-2024-1","summary":"S"}""", JsonSerializer.Serialize(document.Record!.Value));
        Assert.Equal("2026-01-01T00:00:00Z", document.AuthoringBlock!.Value.GetProperty("embargo_until").GetString());
        Assert.Equal((1, 52), At(document.Map.Locate("/pipeline/embargo_until")));
    }

    [Fact]
    public void Every_example_advisory_written_as_json_loads_to_the_record_its_yaml_gives()
    {
        foreach (var record in ExampleDatabase.All)
        {
            var json = CanonicalOsvWriter.Write(record);

            var document = AdvisoryJsonLoader.Load(record.Id + ".json", json);

            Assert.Empty(document.Findings);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(document.Record!.Value.GetRawText())), record.Id);
        }
    }

    /// <summary>
    /// All 4,291 records of the Go vulnerability database: the record is exactly the file's JSON, and every value of
    /// every record is located where its text starts.
    /// </summary>
    [Fact]
    public void Every_go_database_record_loads_as_itself_with_every_value_located_at_its_text()
    {
        var files = Directory.GetFiles(SharedData.PathOf("corpus", "go-vulndb"), "*.json").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(4291, files.Length);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var document = AdvisoryJsonLoader.Load(Path.GetFileName(file), bytes);

            Assert.Empty(document.Findings);
            using var expected = JsonDocument.Parse(bytes);
            Assert.True(JsonElement.DeepEquals(expected.RootElement, document.Record!.Value), file);
            var lines = document.Text.Split('\n');
            foreach (var (pointer, value) in Leaves(expected.RootElement, ""))
            {
                var location = document.Map.Locate(pointer);
                var raw = value.GetRawText();
                Assert.True(lines[location.Line - 1][(location.Column - 1)..].StartsWith(raw, StringComparison.Ordinal), $"{file} {pointer} at {location.Line}:{location.Column}");
            }
        }
    }

    private static IEnumerable<(string Pointer, JsonElement Value)> Leaves(JsonElement element, string pointer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    foreach (var leaf in Leaves(property.Value, pointer + "/" + property.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)))
                        yield return leaf;
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    foreach (var leaf in Leaves(item, pointer + "/" + index++))
                        yield return leaf;
                break;
            default:
                yield return (pointer, element);
                break;
        }
    }
}
