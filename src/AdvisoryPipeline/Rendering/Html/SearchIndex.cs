using System.Text.Json;
using System.Text.Json.Serialization;
using AdvisoryPipeline.Presentation;

namespace AdvisoryPipeline.Rendering.Html;

/// <summary>What the index page's search and filters look at, per advisory.</summary>
internal sealed record SearchEntry(
    string Id,
    IReadOnlyList<string> Aliases,
    string Summary,
    IReadOnlyList<string> Packages,
    IReadOnlyList<string> Ecosystems,
    string Severity);

/// <summary>
/// The search index, embedded in the index page as a JSON data block: a script reads it from the page,
/// which works from <c>file://</c> (where fetching a JSON file is refused) and under a CSP without
/// <c>connect-src</c>. The serializer's default encoder writes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> as
/// <c>\u003C</c>…, so no value can close the script element.
/// </summary>
internal static class SearchIndex
{
    public const string ElementId = "search-index";

    public static string Json(IEnumerable<AdvisoryView> advisories) =>
        JsonSerializer.Serialize<IReadOnlyList<SearchEntry>>([.. advisories.Select(Entry)], SearchIndexJsonContext.Default.IReadOnlyListSearchEntry);

    private static SearchEntry Entry(AdvisoryView advisory) => new(
        advisory.Id,
        [.. advisory.Aliases.Select(ReadableText.Clean)],
        ReadableText.Clean(advisory.Title),
        [.. advisory.Affected.Select(a => a.Package).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Select(ReadableText.Clean)],
        [.. advisory.Ecosystems.Select(ReadableText.Clean)],
        SeverityLevels.Of(advisory.HighestSeverity).Key());
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<SearchEntry>))]
internal sealed partial class SearchIndexJsonContext : JsonSerializerContext;
