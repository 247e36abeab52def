using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.FakeGitHub;

/// <summary>A repository security advisory as the fake stores it; the field names follow the REST API.</summary>
public sealed record SecurityAdvisoryRecord(
    string GhsaId,
    string? CveId,
    string Summary,
    string Description,
    string? Severity,
    string? CvssVectorString,
    IReadOnlyList<string> CweIds,
    IReadOnlyList<AdvisoryVulnerability> Vulnerabilities,
    IReadOnlyList<AdvisoryCredit> Credits,
    string State,
    string AuthorLogin,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ClosedAt);

/// <summary>One affected package of an advisory (request and response shape of the REST API).</summary>
public sealed record AdvisoryVulnerability(
    AdvisoryPackage? Package,
    string? VulnerableVersionRange,
    string? PatchedVersions,
    IReadOnlyList<string>? VulnerableFunctions);

public sealed record AdvisoryPackage(string? Ecosystem, string? Name);

public sealed record AdvisoryCredit(string? Login, string? Type);
