using System.Text.Json.Serialization;

namespace AdvisoryPipeline.FakeGitHub.Api;

/// <summary>Source-generated JSON for every body the fake reads or writes, in GitHub's snake_case.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(CreateBlobBody))]
[JsonSerializable(typeof(CreateTreeBody))]
[JsonSerializable(typeof(CreateCommitBody))]
[JsonSerializable(typeof(CreateRefBody))]
[JsonSerializable(typeof(UpdateRefBody))]
[JsonSerializable(typeof(CreatePullBody))]
[JsonSerializable(typeof(AdvisoryBody))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(RepositoryBody))]
[JsonSerializable(typeof(RefBody))]
[JsonSerializable(typeof(IReadOnlyList<RefBody>))]
[JsonSerializable(typeof(BlobCreatedBody))]
[JsonSerializable(typeof(BlobBody))]
[JsonSerializable(typeof(TreeBody))]
[JsonSerializable(typeof(CommitBody))]
[JsonSerializable(typeof(PullRequestBody))]
[JsonSerializable(typeof(IReadOnlyList<PullRequestBody>))]
[JsonSerializable(typeof(RateLimitBody))]
[JsonSerializable(typeof(AdvisoryOutBody))]
[JsonSerializable(typeof(IReadOnlyList<AdvisoryOutBody>))]
internal sealed partial class FakeGitHubJsonContext : JsonSerializerContext;
