using System.Text.Json;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Lifecycle;

/// <summary><c>advisory withdraw</c> on an OSV record written as JSON: the same change as in YAML, made in JSON.</summary>
public sealed class JsonWithdrawalTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("\"details\": \"Decoding crashed.\",", "\"details\": \"Decoding crashed.\\n\\n**Withdrawn:** Not a vulnerability.\",", "")]
    [InlineData("", "", ",\n  \"details\": \"**Withdrawn:** Not a vulnerability.\"")]
    public void Withdrawn_is_set_after_modified_and_the_reason_ends_the_details(string details, string newDetails, string insertedDetails)
    {
        _temp.Write("advisories/database.yaml", "name: PyPA\nid_prefix: PYSEC\n");
        _temp.Write("advisories/PYSEC-2024-1.json", $$"""
            {
              "id": "PYSEC-2024-1",
              "modified": "2024-01-02T00:00:00Z",
              "published": "2024-01-01T00:00:00Z",
              {{details}}
              "affected": [{"package": {"ecosystem": "PyPI", "name": "foo"}, "versions": ["1.0"]}]
            }

            """);

        var run = new CliRunner(_temp.Path).Run("withdraw", "PYSEC-2024-1", "--reason", "Not a vulnerability.");

        Assert.True(run.ExitCode == 0, run.Error);
        var text = File.ReadAllText(_temp.Combine("advisories", "PYSEC-2024-1.json"));
        Assert.Equal($$"""
            {
              "id": "PYSEC-2024-1",
              "modified": "2026-11-22T12:00:00Z",
              "withdrawn": "2026-11-22T12:00:00Z"{{insertedDetails}},
              "published": "2024-01-01T00:00:00Z",
              {{newDetails}}
              "affected": [{"package": {"ecosystem": "PyPI", "name": "foo"}, "versions": ["1.0"]}]
            }

            """, text);
        using var _ = JsonDocument.Parse(text);
    }
}
