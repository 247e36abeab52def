using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>The order in which lists show advisories: newest first, ties broken by ID for stable output.</summary>
internal static class SiteOrder
{
    public static IReadOnlyList<AdvisoryView> NewestFirst(IEnumerable<AdvisoryView> advisories) =>
        [.. advisories
            .OrderByDescending(a => a.Published ?? a.Modified ?? DateTimeOffset.MinValue)
            .ThenByDescending(a => a.Id, StringComparer.Ordinal)];

    public static DateTimeOffset? ShownDate(AdvisoryView advisory) => advisory.Published ?? advisory.Modified;
}
