using System.Text.Json;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Fixing;

/// <summary><c>advisory fix</c> on OSV records written as JSON: the same fixes as in YAML, and the file stays JSON.</summary>
public sealed class JsonAdvisoryFixTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Values_events_and_keys_are_fixed_in_place_and_the_file_stays_valid_json()
    {
        const string Original = """
            {
              "id": "PYSEC-2024-1",
              "modified": "2024-01-02T00:00:00Z",
              "published": "2024-01-01T00:00:00Z",
              "summary": "Crash in foo-bar",
              "details": "Decoding crashed.",
              "references": [{"type": "WEB", "url": "HTTPS://Example.ORG/a"}],
              "affected": [{"package": {"ecosystem": "PyPI", "name": "Foo_Bar"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"fixed": "1.2"}, {"introduced": "0"}]}]}]
            }

            """;
        _temp.Write("advisories/PYSEC-2024-1.json", Original);
        var cli = new CliRunner(_temp.Path);

        var fix = cli.Run("fix");
        var again = cli.Run("fix", "--check");

        Assert.Equal(0, fix.ExitCode);
        Assert.Equal("""
            {
              "id": "PYSEC-2024-1",
              "modified": "2024-01-02T00:00:00Z",
              "published": "2024-01-01T00:00:00Z",
              "summary": "Crash in foo-bar",
              "details": "Decoding crashed.",
              "affected": [{"package": {"ecosystem": "PyPI", "name": "foo-bar"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.2"}]}]}],
              "references": [{"type": "WEB", "url": "https://example.org/a"}]
            }

            """, File.ReadAllText(_temp.Combine("advisories", "PYSEC-2024-1.json")));
        using var parsed = JsonDocument.Parse(File.ReadAllText(_temp.Combine("advisories", "PYSEC-2024-1.json")));
        Assert.Contains("4 changes made in 1 file", fix.Out, StringComparison.Ordinal);
        Assert.Equal((0, "nothing to fix in 1 file\n"), (again.ExitCode, again.Out));
    }
}
