using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>
/// Which advisories the feed carries: those updated in the last 8 days, or the 10 most recently updated,
/// whichever are more. A quiet database still shows its latest work; a busy week is shown whole.
/// Advisories with neither <c>modified</c> nor <c>published</c> cannot say when they changed and are left out.
/// </summary>
public static class FeedWindow
{
    public const int MinimumEntries = 10;

    public static readonly TimeSpan RecentPeriod = TimeSpan.FromDays(8);

    /// <summary>The feed's entries, most recently updated first (ties by ID, for stable output).</summary>
    public static IReadOnlyList<AdvisoryView> Select(IEnumerable<AdvisoryView> advisories, DateTimeOffset now)
    {
        var updated = advisories
            .Where(a => a.LastUpdated is not null)
            .OrderByDescending(a => a.LastUpdated)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
        var since = now - RecentPeriod;
        var recent = updated.Count(a => a.LastUpdated >= since);
        return updated.Take(Math.Max(recent, MinimumEntries)).ToList();
    }
}
