using System.Text.Json;
using AdvisoryPipeline.Lifecycle;

namespace AdvisoryPipeline.Tests.Lifecycle;

/// <summary>
/// The authoring schema that the tool carries (and <c>advisory init</c> writes into a new repository) is the committed,
/// generated <c>schemas/advisory.schema.json</c>, made for the new database's prefix and nothing else changed.
/// </summary>
public sealed class AuthoringSchemaFileTests
{
    private static readonly string Committed = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "schemas", "advisory.schema.json"));

    [Fact]
    public void For_this_repositorys_prefix_it_is_the_committed_file_byte_for_byte()
    {
        Assert.Equal(Committed, AuthoringSchemaFile.For("TSSA"));
    }

    [Fact]
    public void For_another_prefix_only_the_id_rule_changes()
    {
        var acme = AuthoringSchemaFile.For("ACME");

        var id = JsonDocument.Parse(acme).RootElement.GetProperty("properties").GetProperty("id");
        Assert.Equal(AuthoringSchemaFile.IdPattern("ACME"), id.GetProperty("pattern").GetString());
        Assert.Matches(AuthoringSchemaFile.IdPattern("ACME"), "ACME-0000-path-traversal");
        Assert.Matches(AuthoringSchemaFile.IdPattern("ACME"), "ACME-2026-12");
        Assert.DoesNotMatch(AuthoringSchemaFile.IdPattern("ACME"), "TSSA-2026-12");
        Assert.Equal(Committed.Replace("TSSA", "ACME", StringComparison.Ordinal), acme);
    }
}
