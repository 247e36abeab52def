using System.Text;
using AdvisoryPipeline.Loading;
using AdvisoryPipeline.Tests.TestSupport;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.Validation;

public sealed class PublishableSetTests
{
    private static readonly DateTimeOffset EmbargoEnd = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static LoadedAdvisory Advisory(string id, string? embargo = null)
    {
        var yaml = $"id: {id}\nsummary: s\n" + (embargo is null ? "" : $"pipeline:\n  embargo_until: \"{embargo}\"\n");
        return LoadedAdvisory.From(AdvisoryYamlLoader.Load(id + ".yaml", Encoding.UTF8.GetBytes(yaml)), out _)!;
    }

    private static readonly IReadOnlyList<LoadedAdvisory> Database =
    [
        Advisory("TSSA-2026-1"),
        Advisory("TSSA-2026-4", "2026-12-01T09:00:00Z"),
        Advisory("TSSA-0000-new-one"),
        Advisory("TSSA-2026-2", "2026-01-01T00:00:00Z"),
    ];

    [Fact]
    public void Held_advisories_and_placeholders_are_not_publishable()
    {
        var set = PublishableSet.From(Database, new FixedClock(EmbargoEnd.AddSeconds(-1)));

        Assert.Equal(["TSSA-2026-1", "TSSA-2026-2"], set.Publishable.Select(r => r.Id));
        Assert.Equal([new HeldAdvisory("TSSA-2026-4", EmbargoEnd)], set.Held);
        Assert.Equal(["TSSA-0000-new-one"], set.Placeholders);
        Assert.Equal("TSSA-2026-4 held until 2026-12-01T09:00:00Z", set.Held[0].ToString());
    }

    [Fact]
    public void An_advisory_is_publishable_from_the_instant_its_embargo_ends()
    {
        var clock = new FixedClock(EmbargoEnd);

        Assert.Equal(["TSSA-2026-1", "TSSA-2026-4", "TSSA-2026-2"], PublishableSet.From(Database, clock).Publishable.Select(r => r.Id));
        Assert.Empty(PublishableSet.From(Database, clock).Held);
    }

    [Fact]
    public void Placeholders_are_publishable_only_when_a_preview_allows_them()
    {
        var set = PublishableSet.From(Database, new FixedClock(EmbargoEnd), allowPlaceholders: true);

        Assert.Contains(set.Publishable, r => r.Id == "TSSA-0000-new-one");
        Assert.Equal(["TSSA-0000-new-one"], set.Placeholders);
    }

    [Fact]
    public void An_unreadable_embargo_holds_the_advisory()
    {
        var set = PublishableSet.From([Advisory("TSSA-2026-5", "soon")], new FixedClock(EmbargoEnd));

        Assert.Empty(set.Publishable);
        Assert.Equal("TSSA-2026-5 held: its embargo_until cannot be read", Assert.Single(set.Held).ToString());
    }
}
