using System.Text.Json;

namespace AdvisoryPipeline.Fixing;

/// <summary>
/// Applies <see cref="CanonicalUrl"/> where the record holds URLs: reference URLs, range repositories,
/// credit contacts, and the package name of the GIT ecosystem (a repository URL, kept equal to its ranges' repo).
/// </summary>
internal static class UrlNormalization
{
    public static IEnumerable<ScalarChange> Find(JsonElement record)
    {
        foreach (var (pointer, url) in UrlValues(record))
        {
            if (CanonicalUrl.Of(url) is { } canonical && canonical != url)
                yield return new ScalarChange(FixRule.CanonicalUrl, pointer, false, canonical, false,
                    $"write the URL in canonical form: {url} -> {canonical}");
        }
    }

    private static IEnumerable<(string Pointer, string Url)> UrlValues(JsonElement record)
    {
        foreach (var (index, reference) in RecordFields.Items(record, "references"))
            if (RecordFields.Text(reference, "url") is { } url) yield return ($"/references/{index}/url", url);

        foreach (var (index, credit) in RecordFields.Items(record, "credits"))
            foreach (var (contactIndex, contact) in RecordFields.Items(credit, "contact"))
                if (contact.ValueKind == JsonValueKind.String)
                    yield return ($"/credits/{index}/contact/{contactIndex}", contact.GetString()!);

        foreach (var (index, affected) in RecordFields.Items(record, "affected"))
        {
            if (affected.ValueKind == JsonValueKind.Object && affected.TryGetProperty("package", out var package)
                && RecordFields.Text(package, "ecosystem") == "GIT" && RecordFields.Text(package, "name") is { } repository)
                yield return ($"/affected/{index}/package/name", repository);
            foreach (var (rangeIndex, range) in RecordFields.Items(affected, "ranges"))
                if (RecordFields.Text(range, "repo") is { } repo) yield return ($"/affected/{index}/ranges/{rangeIndex}/repo", repo);
        }
    }
}
