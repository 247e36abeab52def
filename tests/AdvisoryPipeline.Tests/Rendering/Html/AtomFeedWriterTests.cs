using System.Xml.Linq;
using AdvisoryPipeline.Presentation;
using AdvisoryPipeline.Rendering.Html;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Rendering.Html;

public sealed class AtomFeedWriterTests
{
    private static readonly XNamespace Atom = AtomFeedWriter.AtomNamespace;
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static XElement Feed(IReadOnlyList<AdvisoryView> advisories, RenderSettings settings, DateTimeOffset? now = null)
    {
        var bytes = AtomFeedWriter.Write(advisories, settings, now ?? ExampleDatabase.SiteNow);
        using var stream = new MemoryStream(bytes);
        var document = XDocument.Load(stream);
        return document.Root!;
    }

    /// <summary><paramref name="count"/> advisories modified one per day, the newest <paramref name="newestDaysAgo"/> days before Now.</summary>
    private static IReadOnlyList<AdvisoryView> Daily(int count, int newestDaysAgo = 0) =>
        [.. Enumerable.Range(0, count).Select(i => SampleAdvisories.DatedView($"DEMO-{i + 1}", modified: Now.AddDays(-newestDaysAgo - i).AddHours(-1)))];

    [Fact]
    public void The_feed_has_every_element_rfc_4287_requires()
    {
        var feed = Feed(ExampleDatabase.Views, ExampleDatabase.Settings);

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("https://security.tessera-project.org/", feed.Element(Atom + "id")?.Value);
        Assert.Equal("Tessera Security Advisories", feed.Element(Atom + "title")?.Value);
        Assert.Equal("Tessera Security Advisories", feed.Element(Atom + "author")?.Element(Atom + "name")?.Value);
        Assert.Equal("https://security.tessera-project.org/feed.xml",
            feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")?.Value);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            Assert.StartsWith("https://security.tessera-project.org/TSSA-", entry.Element(Atom + "id")?.Value);
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")?.Value));
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")?.Value, out _));
            var links = entry.Elements(Atom + "link").ToDictionary(l => (string)l.Attribute("type")!, l => (string)l.Attribute("href")!);
            var id = entry.Element(Atom + "id")!.Value["https://security.tessera-project.org/".Length..].TrimEnd('/');
            Assert.Equal($"https://security.tessera-project.org/{id}/", links["text/html"]);
            Assert.Equal($"https://security.tessera-project.org/osv/{id}.json", links["application/json"]);
        }
        Assert.Equal(entries[0].Element(Atom + "updated")?.Value, feed.Element(Atom + "updated")?.Value);
    }

    [Fact]
    public void An_entry_is_updated_when_its_advisory_was_modified()
    {
        var feed = Feed(ExampleDatabase.Views, ExampleDatabase.Settings);
        var entry = feed.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value.EndsWith("/TSSA-2025-4/", StringComparison.Ordinal));

        Assert.Equal("2025-09-02T13:27:40Z", entry.Element(Atom + "updated")?.Value);
        Assert.Equal("2025-08-12T08:00:00Z", entry.Element(Atom + "published")?.Value);
        Assert.StartsWith("TSSA-2025-4: Code execution in tessera-py", entry.Element(Atom + "title")?.Value);
        Assert.Contains("Severity: Critical 9.8.", entry.Element(Atom + "summary")?.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, 0, 4)]     // fewer than ten in all: all of them
    [InlineData(15, 0, 10)]   // eight recent days hold 8 (days 0..7): the ten newest are more
    [InlineData(15, 30, 10)]  // nothing recent: the ten newest
    [InlineData(30, 0, 10)]
    public void Entries_are_the_last_eight_days_or_the_ten_newest_whichever_are_more(int count, int newestDaysAgo, int expected)
    {
        var feed = Feed(Daily(count, newestDaysAgo), ExampleDatabase.Settings, Now);

        Assert.Equal(expected, feed.Elements(Atom + "entry").Count());
    }

    [Fact]
    public void A_busy_week_is_shown_whole()
    {
        var busy = Enumerable.Range(0, 14).Select(i => SampleAdvisories.DatedView($"BUSY-{i}", modified: Now.AddHours(-10 * i)))
            .Concat(Daily(5, newestDaysAgo: 20)).ToList();

        var entries = Feed(busy, ExampleDatabase.Settings, Now).Elements(Atom + "entry").ToList();

        Assert.Equal(14, entries.Count);
        Assert.Equal(busy.Take(14).Select(a => $"https://security.tessera-project.org/{a.Id}/"), entries.Select(e => e.Element(Atom + "id")?.Value));
    }

    [Fact]
    public void Without_a_site_url_ids_are_tag_uris_and_links_are_relative()
    {
        var settings = ExampleDatabase.Settings with { SiteUrl = null };
        var feed = Feed(ExampleDatabase.Views, settings);
        var entry = feed.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value.EndsWith(":TSSA-2026-1", StringComparison.Ordinal));

        Assert.Equal("tag:tessera-project.org,2024-02-13:feed", feed.Element(Atom + "id")?.Value);
        Assert.Equal("tag:tessera-project.org,2026-01-20:TSSA-2026-1", entry.Element(Atom + "id")?.Value);
        Assert.Equal(["TSSA-2026-1/index.html", "osv/TSSA-2026-1.json"], entry.Elements(Atom + "link").Select(l => (string?)l.Attribute("href")));
        Assert.DoesNotContain(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        // Entry IDs do not depend on when the feed is written.
        var later = Feed(ExampleDatabase.Views, settings, ExampleDatabase.SiteNow.AddYears(1));
        Assert.Contains(later.Elements(Atom + "entry"), e => e.Element(Atom + "id")?.Value == "tag:tessera-project.org,2026-01-20:TSSA-2026-1");
    }

    [Fact]
    public void Without_any_url_the_tag_authority_is_under_the_reserved_invalid_domain()
    {
        var feed = Feed([SampleAdvisories.DatedView("DEMO-1", published: Now)], new RenderSettings("Demo DB!", null, null, new MailSettings("", "", null)), Now);

        Assert.Equal("tag:demo-db.invalid,2026-03-01:feed", feed.Element(Atom + "id")?.Value);
    }

    [Fact]
    public void Hostile_text_stays_text_in_the_feed()
    {
        var settings = HostileDatabase.Settings;
        var advisories = HostileDatabase.Create();
        var feed = Feed(advisories, settings);

        Assert.Equal(ReadableText.Clean(settings.DatabaseName), feed.Element(Atom + "title")?.Value);
        Assert.All(feed.Descendants(), e => Assert.Equal(Atom, e.Name.Namespace));
        var titles = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToHashSet();
        var expected = FeedWindow.Select(advisories, ExampleDatabase.SiteNow)
            .Select(a => $"{a.Id}{(a.IsWithdrawn ? " (withdrawn)" : "")}: {ReadableText.Clean(a.Title)}");
        Assert.Equal(expected.ToHashSet(), titles);
    }

    [Fact]
    public void Same_input_gives_the_same_bytes() =>
        Assert.Equal(AtomFeedWriter.Write(ExampleDatabase.Views, ExampleDatabase.Settings, ExampleDatabase.SiteNow), AtomFeedWriter.Write(ExampleDatabase.Views, ExampleDatabase.Settings, ExampleDatabase.SiteNow));
}
