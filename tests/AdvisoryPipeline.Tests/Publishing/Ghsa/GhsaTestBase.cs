using System.Text.Json.Nodes;
using AdvisoryPipeline.FakeGitHub;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Publishing.Ghsa;
using AdvisoryPipeline.Publishing.GitHub;
using AdvisoryPipeline.Tests.Publishing.GitHub;
using AdvisoryPipeline.Validation;

namespace AdvisoryPipeline.Tests.Publishing.Ghsa;

/// <summary>The fake GitHub of <see cref="GitHubPublishTestBase"/>, with ghsa targets on its repository.</summary>
public abstract class GhsaTestBase : GitHubPublishTestBase
{
    protected const string TargetName = $"ghsa:{Owner}/{Name}";

    protected const string AdvisoriesPath = $"/repos/{Owner}/{Name}/security-advisories";

    protected GhsaTarget Ghsa(GitHubTargetOptions? options = null) => new(TargetName, Owner, Name, options ?? Options());

    /// <summary>The advisory whose description carries the marker of <paramref name="osvId"/>.</summary>
    protected SecurityAdvisoryRecord AdvisoryOf(string osvId) =>
        Assert.Single(Repository.Advisories, advisory => GhsaMarker.TryFind(advisory.Description, out var marker) && marker.OsvId == osvId);

    /// <summary>The OSV IDs of the advisories that carry a marker, sorted.</summary>
    protected IReadOnlyList<string> MarkedIds() =>
        [.. Repository.Advisories.Select(advisory => GhsaMarker.TryFind(advisory.Description, out var marker) ? marker.OsvId : null)
            .OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>"METHOD /path-tail" of every request since <paramref name="mark"/>, the path after the repository.</summary>
    protected IReadOnlyList<string> RequestsSince(long mark) =>
        [.. Server.Requests.Since(mark).Select(request => $"{request.Method} {request.Path[AdvisoriesPath.Length..]}".TrimEnd())];

    /// <summary>The members of the JSON body of a request.</summary>
    protected static IReadOnlyList<string> BodyKeys(AdvisoryPipeline.FakeGitHub.RecordedRequest request) =>
        [.. JsonNode.Parse(request.Body!)!.AsObject().Select(member => member.Key).Order(StringComparer.Ordinal)];

    protected static Task<TargetPublishResult> PublishAsync(GhsaTarget target, IReadOnlyList<PublishableAdvisory> advisories, DateTimeOffset now, IReadOnlyList<string>? held = null) =>
        PublishingSupport.PublishAsync(target, advisories, now, held);
}
