using System.Text;
using System.Text.Json;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Tests.Loading;

public sealed class AuthoringBlockTests
{
    private static LoadedDocument Load(string yaml) => AdvisoryYamlLoader.Load("a.yaml", Encoding.UTF8.GetBytes(yaml));

    [Fact]
    public void Reads_the_embargo_and_notes()
    {
        var block = AuthoringBlockReader.Read(Load("id: X-1\npipeline:\n  embargo_until: \"2026-12-01T10:00:00+01:00\"\n  notes: call back\n"), out var findings);

        Assert.Empty(findings);
        Assert.Equal(new AuthoringBlock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), "call back"), block);
    }

    [Fact]
    public void No_block_is_no_embargo()
    {
        Assert.Same(AuthoringBlock.None, AuthoringBlockReader.Read(Load("id: X-1\n"), out var findings));
        Assert.Empty(findings);
    }

    [Fact]
    public void Unknown_keys_wrong_types_and_bad_timestamps_are_located_findings_and_hold_the_advisory()
    {
        var block = AuthoringBlockReader.Read(Load("id: X-1\npipeline:\n  embargo_until: \"next tuesday\"\n  reporter: someone\n  notes: [a]\n"), out var findings);

        Assert.Equal(DateTimeOffset.MaxValue, block.EmbargoUntil);
        Assert.Equal(
        [
            ("AUTH003", 3, 18, "/pipeline/embargo_until"),
            ("AUTH001", 4, 3, "/pipeline/reporter"),
            ("AUTH002", 5, 10, "/pipeline/notes"),
        ], findings.Select(f => (f.Code, f.Location.Line, f.Location.Column, f.Pointer)));
        Assert.All(findings, f => Assert.True(f.IsError));
    }

    [Fact]
    public void A_block_that_is_not_a_mapping_is_reported()
    {
        AuthoringBlockReader.Read(Load("id: X-1\npipeline: embargoed\n"), out var findings);

        var finding = Assert.Single(findings);
        Assert.Equal(("AUTH002", 2, 11), (finding.Code, finding.Location.Line, finding.Location.Column));
    }

    [Fact]
    public void The_block_never_reaches_the_published_record()
    {
        const string secret = "reporter is jane@example.org, CVE not yet public";
        var document = Load($"id: TSSA-2026-4\nsummary: s\npipeline:\n  embargo_until: \"2026-12-01T09:00:00Z\"\n  notes: \"{secret}\"\n");

        var advisory = LoadedAdvisory.From(document, out var findings)!;
        var published = JsonSerializer.Serialize(advisory.Record, OsvJsonContext.Default.OsvRecord);

        Assert.Empty(findings);
        Assert.Contains(secret, document.Text);
        Assert.Equal(secret, advisory.Authoring.Notes);
        Assert.DoesNotContain("reporter is jane", published);
        Assert.DoesNotContain("pipeline", published);
        Assert.DoesNotContain("2026-12-01", published);
        Assert.Equal("{\n  \"id\": \"TSSA-2026-4\",\n  \"summary\": \"s\"\n}", published);
    }

    [Fact]
    public void A_record_of_the_wrong_shape_becomes_a_finding()
    {
        var advisory = LoadedAdvisory.From(Load("id: X-1\naffected:\n  - package: {ecosystem: PyPI, name: [x]}\n"), out var findings);

        Assert.Null(advisory);
        var finding = Assert.Single(findings);
        Assert.Equal((AuthoringFindingCodes.UnreadableRecord, "/affected/0/package/name", 3, 38),
            (finding.Code, finding.Pointer, finding.Location.Line, finding.Location.Column));
    }
}
