using System.Text.Json.Serialization;
using AdvisoryPipeline.Osv.Identifiers;
using AdvisoryPipeline.Publishing;

namespace AdvisoryPipeline.FakeGitHub.Api;

// Response bodies in GitHub's JSON shapes (snake_case through the serializer context). Only the fields the
// REST API documents for these endpoints and Octokit's models read are present; timestamps are strings in
// GitHub's format ("2024-05-01T12:00:00Z").

public sealed record ErrorDetail(string Resource, string? Field, string Code, string? Message);

internal sealed record ErrorBody(
    string Message,
    string DocumentationUrl,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ErrorDetail>? Errors);

internal sealed record UserBody(string Login, long Id, string NodeId, string AvatarUrl, string Url, string HtmlUrl, string Type, bool SiteAdmin);

internal sealed record PermissionsBody(bool Admin, bool Maintain, bool Push, bool Triage, bool Pull);

internal sealed record RepositoryBody(
    long Id,
    string NodeId,
    string Name,
    string FullName,
    bool Private,
    UserBody Owner,
    string HtmlUrl,
    string? Description,
    bool Fork,
    string Url,
    string GitRefsUrl,
    string PullsUrl,
    string DefaultBranch,
    string Visibility,
    bool Archived,
    bool Disabled,
    string CreatedAt,
    string UpdatedAt,
    string PushedAt,
    PermissionsBody Permissions);

internal sealed record RefObjectBody(string Sha, string Type, string Url);

internal sealed record RefBody(string Ref, string NodeId, string Url, RefObjectBody Object);

internal sealed record BlobCreatedBody(string Sha, string Url);

internal sealed record BlobBody(string Sha, string NodeId, long Size, string Url, string Content, string Encoding);

internal sealed record TreeItemBody(
    string Path,
    string Mode,
    string Type,
    string Sha,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Size,
    string Url);

internal sealed record TreeBody(string Sha, string Url, IReadOnlyList<TreeItemBody> Tree, bool Truncated);

internal sealed record SignatureOutBody(string Name, string Email, string Date);

internal sealed record ShaUrlBody(string Sha, string Url);

internal sealed record ParentBody(string Sha, string Url, string HtmlUrl);

internal sealed record VerificationBody(bool Verified, string Reason, string? Signature, string? Payload, string? VerifiedAt);

internal sealed record CommitBody(
    string Sha,
    string NodeId,
    string Url,
    string HtmlUrl,
    SignatureOutBody Author,
    SignatureOutBody Committer,
    string Message,
    ShaUrlBody Tree,
    IReadOnlyList<ParentBody> Parents,
    VerificationBody Verification);

internal sealed record PullRefBody(string Label, string Ref, string Sha, UserBody User, RepositoryBody Repo);

internal sealed record PullRequestBody(
    string Url,
    long Id,
    string NodeId,
    string HtmlUrl,
    int Number,
    string State,
    bool Locked,
    string Title,
    UserBody User,
    string? Body,
    string CreatedAt,
    string UpdatedAt,
    string? ClosedAt,
    string? MergedAt,
    string? MergeCommitSha,
    PullRefBody Head,
    PullRefBody Base,
    bool Draft,
    bool Merged,
    bool? Mergeable,
    string MergeableState,
    int Comments,
    int Commits,
    int Additions,
    int Deletions,
    int ChangedFiles,
    bool MaintainerCanModify);

internal sealed record RateBody(int Limit, int Used, int Remaining, long Reset, string Resource);

internal sealed record RateResourcesBody(RateBody Core, RateBody Search, RateBody Graphql);

internal sealed record RateLimitBody(RateResourcesBody Resources, RateBody Rate);

internal sealed record IdentifierBody(string Value, string Type);

internal sealed record CvssBody(string? VectorString, double? Score);

/// <summary>GitHub's per-version CVSS (the only place a v4.0 vector appears); the older <c>cvss</c> keeps the v3 one.</summary>
internal sealed record CvssSeveritiesBody(CvssBody CvssV3, CvssBody CvssV4);

internal sealed record CweBody(string CweId, string? Name);

internal sealed record CreditDetailedBody(UserBody User, string Type, string State);

internal sealed record AdvisoryOutBody(
    string GhsaId,
    string? CveId,
    string Url,
    string HtmlUrl,
    string Summary,
    string Description,
    string? Severity,
    UserBody Author,
    UserBody? Publisher,
    IReadOnlyList<IdentifierBody> Identifiers,
    string State,
    string CreatedAt,
    string UpdatedAt,
    string? PublishedAt,
    string? ClosedAt,
    string? WithdrawnAt,
    string? Submission,
    IReadOnlyList<AdvisoryVulnerability> Vulnerabilities,
    CvssBody Cvss,
    CvssSeveritiesBody CvssSeverities,
    IReadOnlyList<CweBody> Cwes,
    IReadOnlyList<string> CweIds,
    IReadOnlyList<AdvisoryCredit> Credits,
    IReadOnlyList<CreditDetailedBody> CreditsDetailed,
    IReadOnlyList<UserBody> CollaboratingUsers,
    IReadOnlyList<UserBody> CollaboratingTeams,
    string? PrivateFork);
