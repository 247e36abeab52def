using System.Text;
using AdvisoryPipeline.Configuration;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.Lint;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.Validation;

public sealed class PublishableDatabaseTests
{
    private static readonly DateTimeOffset EmbargoEnd = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly DatabaseConfig Config = new("Tessera", "TSSA");

    private static readonly DatabaseContext Context = new(Config, null, "test", OsvSchema.Embedded("TSSA"), Linter.Create(Config));

    private static CheckedAdvisory Advisory(string id, string? embargo = null, params Finding[] findings)
    {
        var yaml = $"id: {id}\nsummary: s\n" + (embargo is null ? "" : $"pipeline:\n  embargo_until: \"{embargo}\"\n");
        var advisory = LoadedAdvisory.From(AdvisoryYamlLoader.Load($"advisories/{id}.yaml", Encoding.UTF8.GetBytes(yaml)), out _)!;
        var summary = new AdvisorySummary(id, null, EmbargoUntil: advisory.Authoring.EmbargoUntil);
        return new CheckedAdvisory($"advisories/{id}.yaml", $"/db/advisories/{id}.yaml", Context, findings, summary, advisory);
    }

    private static readonly ValidationReport Report = new(
    [
        Advisory("TSSA-2026-1"),
        Advisory("TSSA-2026-4", "2026-12-01T09:00:00Z"),
        Advisory("TSSA-0000-new-one"),
        Advisory("TSSA-0000-Upper-Case"),
        Advisory("TSSA-2026-2", "2026-01-01T00:00:00Z"),
    ], []);

    [Fact]
    public void Held_advisories_and_placeholders_are_not_publishable()
    {
        var database = PublishableDatabase.From(Report, EmbargoEnd.AddSeconds(-1));

        Assert.Equal(["TSSA-2026-1", "TSSA-2026-2"], database.Publishable.Select(a => a.Record.Id));
        Assert.Equal([new HeldAdvisory("TSSA-2026-4", EmbargoEnd)], database.Held);
        Assert.Equal(["TSSA-0000-new-one", "TSSA-0000-Upper-Case"], database.Placeholders);
        Assert.Equal("TSSA-2026-4 held until 2026-12-01T09:00:00Z", database.Held[0].ToString());
        Assert.Equal(database.Held, Report.HeldAt(EmbargoEnd.AddSeconds(-1)));
        Assert.Equal("advisories/TSSA-2026-2.yaml", database.SourceOf("TSSA-2026-2"));
    }

    [Fact]
    public void An_advisory_is_publishable_from_the_instant_its_embargo_ends()
    {
        var database = PublishableDatabase.From(Report, EmbargoEnd);

        Assert.Equal(["TSSA-2026-1", "TSSA-2026-4", "TSSA-2026-2"], database.Publishable.Select(a => a.Record.Id));
        Assert.Empty(database.Held);
        Assert.Empty(Report.HeldAt(EmbargoEnd));
    }

    [Fact]
    public void Placeholders_are_publishable_only_when_a_preview_allows_them()
    {
        var database = PublishableDatabase.From(Report, EmbargoEnd, includePlaceholders: true);

        Assert.Contains(database.Publishable, a => a.Record.Id == "TSSA-0000-new-one");
        Assert.Contains(database.Publishable, a => a.Record.Id == "TSSA-0000-Upper-Case");
    }

    [Fact]
    public void An_unreadable_embargo_holds_the_advisory()
    {
        var database = PublishableDatabase.From(new ValidationReport([Advisory("TSSA-2026-5", "soon")], []), EmbargoEnd);

        Assert.Empty(database.Publishable);
        Assert.Equal("TSSA-2026-5 held: its embargo_until cannot be read", Assert.Single(database.Held).ToString());
    }

    [Fact]
    public void Advisories_with_errors_are_never_handed_over_and_their_errors_travel_with_the_refusal()
    {
        var error = new Finding("SCH001", FindingLevel.Error, "bad", new SourceLocation("advisories/TSSA-2026-1.yaml", 3, 1));
        var report = new ValidationReport([Advisory("TSSA-2026-1", null, error), Advisory("TSSA-2026-2")], []);

        var refused = Assert.Throws<FindingsException>(() => PublishableDatabase.From(report, EmbargoEnd));

        Assert.Equal([error], refused.Findings);
    }

    [Fact]
    public void Announcing_refuses_held_placeholder_and_unknown_ids_and_keeps_the_order_given()
    {
        var database = PublishableDatabase.From(Report, EmbargoEnd.AddSeconds(-1));

        Assert.Equal(["TSSA-2026-2", "TSSA-2026-1"], database.Select(["TSSA-2026-2", "TSSA-2026-1", "TSSA-2026-2"]).Select(a => a.Record.Id));
        Assert.Contains("embargoed", Assert.Throws<UsageException>(() => database.Select(["TSSA-2026-4"])).Message);
        Assert.Contains("assign-ids", Assert.Throws<UsageException>(() => database.Select(["TSSA-0000-Upper-Case"])).Message);
        Assert.Contains("no such advisory", Assert.Throws<UsageException>(() => database.Select(["TSSA-2026-9"])).Message);
    }
}
