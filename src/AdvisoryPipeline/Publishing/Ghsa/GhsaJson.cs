using System.Text.Json.Serialization;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Osv.Identifiers;

namespace AdvisoryPipeline.Publishing.Ghsa;

// The bodies of GitHub's repository security advisory endpoints, as documented in its REST reference
// (docs.github.com/rest/security-advisories/repository-advisories). Octokit 14 has no client for them: the bodies
// are serialised here and passed to Octokit's connection as strings, which it sends untouched.

/// <summary>
/// The body of a create (POST) or update (PATCH) request. A null member is left out: on an update, GitHub keeps
/// the fields that are not sent, which is how only what differs is changed and how fields that GitHub or the
/// maintainers filled in (a CVE requested through GitHub, products added by hand) are kept.
/// </summary>
internal sealed record GhsaAdvisoryBody(
    string? Summary = null,
    string? Description = null,
    string? CveId = null,
    IReadOnlyList<string>? CweIds = null,
    string? CvssVectorString = null,
    IReadOnlyList<GhsaVulnerabilityJson>? Vulnerabilities = null,
    string? State = null,
    IReadOnlyList<GhsaCreditJson>? Credits = null);

/// <summary>A credit as GitHub takes it: a GitHub user and the role (finder, reporter, remediation_developer...).</summary>
internal sealed record GhsaCreditJson(string? Login, string? Type);

/// <summary>One affected product, in requests and in answers.</summary>
internal sealed record GhsaVulnerabilityJson(
    GhsaPackageJson? Package,
    string? VulnerableVersionRange,
    string? PatchedVersions,
    IReadOnlyList<string>? VulnerableFunctions);

internal sealed record GhsaPackageJson(string? Ecosystem, string? Name);

/// <summary>An advisory as GitHub answers it: only the members the target reads.</summary>
internal sealed record GhsaAdvisoryJson(
    string? GhsaId,
    string? HtmlUrl,
    string? Summary,
    string? Description,
    string? CveId,
    string? Severity,
    string? State,
    string? CreatedAt,
    string? UpdatedAt,
    GhsaCvssJson? Cvss,
    GhsaCvssSeveritiesJson? CvssSeverities,
    IReadOnlyList<string>? CweIds,
    IReadOnlyList<GhsaVulnerabilityJson>? Vulnerabilities,
    IReadOnlyList<GhsaCreditJson>? Credits = null,
    string? PublishedAt = null);

internal sealed record GhsaCvssJson(string? VectorString);

/// <summary>GitHub's newer form, one vector per CVSS version (a v4.0 vector is only here).</summary>
internal sealed record GhsaCvssSeveritiesJson(GhsaCvssJson? CvssV3, GhsaCvssJson? CvssV4);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GhsaAdvisoryBody))]
[JsonSerializable(typeof(GhsaAdvisoryJson))]
[JsonSerializable(typeof(IReadOnlyList<GhsaAdvisoryJson>))]
internal sealed partial class GhsaJsonContext : JsonSerializerContext;
