using System.Text.Json;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Cve;
using AdvisoryPipeline.Importing;
using AdvisoryPipeline.Osv;

namespace AdvisoryPipeline.Tests.Cve;

/// <summary>
/// Ours against the CVE program's own examples (../shared/cve-schema/examples): each example is imported as an
/// advisory and written back as our record, which is then compared with the example field by field wherever an OSV
/// advisory can carry the field: title, English description, publication date, CWE IDs, CVSS vectors with their base
/// scores and severities (our calculators against the example's numbers), credits with their roles, reference URLs
/// with the tags our vocabulary knows. The examples' products live in collections OSV does not know
/// (<c>example.org/packages</c>, vendor and product only), so they come back as notes, never as invented packages.
/// </summary>
public sealed class CveExampleRecordTests
{
    public static TheoryData<string> Examples => ["CVEv5_basic-example.json", "CVEv5_advanced-example.json", "container-basic-example.json", "container-advanced-example.json"];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Our_record_of_an_imported_example_matches_it_field_by_field(string file)
    {
        var example = Read(file);
        var cna = example.Containers.Cna;
        var imported = CveRecordImport.Import(example, "TSSA-0000-example", new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var ours = CveRecordMapper.Map(imported.Record, new CveRecordRequest(
            example.CveMetadata.CveId, new CnaConfig("example", cna.ProviderMetadata.OrgId), null, [])).Record;
        var mine = ours.Containers.Cna;

        Assert.Equal(example.CveMetadata.CveId, ours.CveMetadata.CveId);
        Assert.Equal(cna.ProviderMetadata.OrgId, mine.ProviderMetadata.OrgId);
        Assert.Equal(cna.Title ?? imported.Record.Summary, mine.Title);
        // The plain-text description becomes Markdown details and comes back as plain text again: the words are the
        // same, a list may be laid out differently ("  *  item" comes back as "- item").
        Assert.Equal(Words(cna.Descriptions.First(d => d.Lang == "en").Value), Words(Assert.Single(mine.Descriptions).Value));
        if (cna.DatePublic is { } datePublic)
            Assert.Equal(DateTimeOffset.Parse(datePublic, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(mine.DatePublic!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(CweIds(cna), CweIds(mine));
        Assert.Equal(Scores(cna), Scores(mine));
        Assert.Equal(Credits(cna), Credits(mine));
        Assert.Equal(cna.References.Select(r => r.Url), mine.References.Select(r => r.Url));
        foreach (var (theirs, reference) in cna.References.Zip(mine.References))
            Assert.All(reference.Tags ?? [], tag => Assert.Contains(tag, theirs.Tags ?? []));
        // Products of unknown collections are never guessed into packages: each is a note for the maintainer.
        Assert.Empty(imported.Record.Affected ?? []);
        Assert.Equal(cna.Affected.Count, imported.Notes.Count(note => note.StartsWith("the product ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_advanced_example_keeps_its_scores_under_our_calculators()
    {
        var cna = Read("CVEv5_advanced-example.json").Containers.Cna;

        // 7.8 HIGH (v4.0) and 9.8 CRITICAL, 7.3 HIGH (v3.1), as the example states them.
        Assert.Equal(["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H 9.8 HIGH".Replace("HIGH", "CRITICAL", StringComparison.Ordinal),
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L 7.3 HIGH", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:H/SI:L/SA:L 7.8 HIGH"], Scores(cna));
    }

    private static CveRecord Read(string file)
    {
        var bytes = File.ReadAllBytes(CveSchema.PathOf(Path.Combine("examples", file)));
        using var document = JsonDocument.Parse(bytes);
        // The container examples are a bare CNA container: give them the record around it.
        return document.RootElement.TryGetProperty("containers", out _)
            ? CveRecordJson.Read(bytes)
            : new CveRecord { CveMetadata = new CveMetadata { CveId = "CVE-1337-1234" }, Containers = new CveContainers { Cna = CveRecordJson.ReadContainer(document.RootElement) } };
    }

    private static IReadOnlyList<string> Words(string text) =>
        [.. text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(word => word is not ("*" or "-"))];

    private static IReadOnlyList<string> CweIds(CnaContainer cna) =>
        [.. (cna.ProblemTypes ?? []).SelectMany(p => p.Descriptions).Select(d => d.CweId ?? d.Description.Split(' ')[0]).Order(StringComparer.Ordinal)];

    private static IReadOnlyList<string> Scores(CnaContainer cna) =>
        [.. (cna.Metrics ?? []).SelectMany(m => new[] { m.CvssV3_0, m.CvssV3_1, m.CvssV4_0 }).OfType<CveCvss>()
            .Select(c => $"{c.VectorString} {c.BaseScore.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} {c.BaseSeverity}")
            .Order(StringComparer.Ordinal)];

    private static IReadOnlyList<string> Credits(CnaContainer cna) => [.. (cna.Credits ?? []).Select(c => $"{c.Value} ({c.Type})")];
}
