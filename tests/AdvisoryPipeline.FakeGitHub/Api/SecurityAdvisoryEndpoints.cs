using System.Text.RegularExpressions;
using AdvisoryPipeline.Osv.Cvss;
using AdvisoryPipeline.Osv.Ecosystems;
using AdvisoryPipeline.Osv.Identifiers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AdvisoryPipeline.FakeGitHub.Api;

/// <summary>
/// Repository security advisories (<c>/repos/{owner}/{repo}/security-advisories</c>): list (paginated by cursor),
/// create (always a draft), get and update, with GitHub's validation of the fields the publisher sends. Like
/// GitHub, the fake scores a CVSS vector and derives the severity from it.
/// </summary>
internal sealed partial class SecurityAdvisoryEndpoints(FakeGitHubServer server, Lazy<ApiBodies> bodies)
{
    private const string Advisories = "/repos/{owner}/{repo}/security-advisories";

    /// <summary>The ecosystems GitHub accepts for a repository advisory's package.</summary>
    private static readonly HashSet<string> Ecosystems =
        ["rubygems", "npm", "pip", "maven", "nuget", "composer", "go", "rust", "erlang", "actions", "pub", "other", "swift"];

    private static readonly HashSet<string> Severities = ["critical", "high", "medium", "low"];

    private const int MaxSummaryLength = 1024;
    private const int MaxDescriptionLength = 65_535;

    private static FakeGitHubJsonContext Json => FakeGitHubJsonContext.Default;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Advisories, ListAsync);
        app.MapPost(Advisories, CreateAsync);
        app.MapGet(Advisories + "/{ghsa_id}", GetAsync);
        app.MapPatch(Advisories + "/{ghsa_id}", UpdateAsync);
        app.MapPost(Advisories + "/{ghsa_id}/cve", RequestCveAsync);
    }

    /// <summary>
    /// A CVE request for a repository advisory: 202 with an empty object, as GitHub answers; 422 when the advisory
    /// has a CVE ID already or one was requested before. The request is recorded (<see cref="FakeRepository.CveRequests"/>).
    /// </summary>
    private Task RequestCveAsync(HttpContext context)
    {
        const string Doc = "https://docs.github.com/rest/security-advisories/repository-advisories#request-a-cve-for-a-repository-security-advisory";
        var repository = server.RequireRepository(context, Doc);
        var advisory = repository.FindAdvisory(context.Route("ghsa_id")) ?? throw GitHubApiError.NotFound(Doc);
        if (advisory.CveId is not null || !repository.RequestCve(advisory.GhsaId))
            throw GitHubApiError.Unprocessable("A CVE ID has already been requested or assigned for this advisory.", Doc);
        context.Response.StatusCode = 202;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync("{}");
    }

    private Task ListAsync(HttpContext context)
    {
        var repository = server.RequireRepository(context, DocumentationUrls.ListAdvisories);
        var state = context.Query("state");
        var advisories = repository.Advisories.Where(a => state is null || a.State == state);
        advisories = context.Query("direction") == "asc"
            ? advisories.OrderBy(a => a.CreatedAt).ThenBy(a => a.GhsaId, StringComparer.Ordinal)
            : advisories.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.GhsaId, StringComparer.Ordinal);
        return context.WriteCursorPageAsync([.. advisories.Select(a => bodies.Value.Advisory(repository, a))], a => a.GhsaId,
            Json.IReadOnlyListAdvisoryOutBody, DocumentationUrls.ListAdvisories);
    }

    private async Task CreateAsync(HttpContext context)
    {
        const string Doc = DocumentationUrls.CreateAdvisory;
        var repository = server.RequireRepository(context, Doc);
        var body = await context.ReadBodyAsync(Json.AdvisoryBody, Doc);
        var summary = body.Summary ?? throw GitHubApiError.MissingField("summary", Doc);
        var description = body.Description ?? throw GitHubApiError.MissingField("description", Doc);
        var vulnerabilities = body.Vulnerabilities ?? throw GitHubApiError.MissingField("vulnerabilities", Doc);
        Validate(body, Doc);
        var now = repository.Now;
        var advisory = new SecurityAdvisoryRecord(
            server.NewGhsaId(),
            body.CveId,
            summary,
            description,
            body.Severity ?? SeverityOf(body.CvssVectorString),
            body.CvssVectorString,
            body.CweIds ?? [],
            Normalise(vulnerabilities),
            body.Credits ?? [],
            State: "draft",
            AuthorLogin: repository.UserLogin,
            CreatedAt: now,
            UpdatedAt: now,
            PublishedAt: null,
            ClosedAt: null);
        repository.AddAdvisory(advisory);
        var response = bodies.Value.Advisory(repository, advisory);
        await context.WriteCreatedAsync(response, response.Url, Json.AdvisoryOutBody);
    }

    private Task GetAsync(HttpContext context)
    {
        var repository = server.RequireRepository(context, DocumentationUrls.GetAdvisory);
        var advisory = repository.FindAdvisory(context.Route("ghsa_id")) ?? throw GitHubApiError.NotFound(DocumentationUrls.GetAdvisory);
        return context.WriteJsonAsync(200, bodies.Value.Advisory(repository, advisory), Json.AdvisoryOutBody);
    }

    /// <summary>
    /// Changes only the fields present. Setting a severity clears the CVSS vector; setting a vector sets the
    /// severity it scores to; a published advisory cannot go back to draft.
    /// </summary>
    private async Task UpdateAsync(HttpContext context)
    {
        const string Doc = DocumentationUrls.UpdateAdvisory;
        var repository = server.RequireRepository(context, Doc);
        var body = await context.ReadBodyAsync(Json.AdvisoryBody, Doc);
        Validate(body, Doc);
        if (body.State is not (null or "draft" or "published" or "closed"))
            throw GitHubApiError.InvalidField("state", body.State, Doc);
        var now = repository.Now;
        var updated = repository.UpdateAdvisory(context.Route("ghsa_id"), current =>
        {
            if (current.State == "published" && body.State == "draft")
                throw GitHubApiError.Unprocessable("A published advisory cannot be moved back to draft.", Doc);
            return current with
            {
                Summary = body.Summary ?? current.Summary,
                Description = body.Description ?? current.Description,
                CveId = body.CveId ?? current.CveId,
                Severity = body.Severity ?? (body.CvssVectorString is null ? current.Severity : SeverityOf(body.CvssVectorString)),
                CvssVectorString = body.CvssVectorString ?? (body.Severity is null ? current.CvssVectorString : null),
                CweIds = body.CweIds ?? current.CweIds,
                Vulnerabilities = body.Vulnerabilities is null ? current.Vulnerabilities : Normalise(body.Vulnerabilities),
                Credits = body.Credits ?? current.Credits,
                State = body.State ?? current.State,
                UpdatedAt = now,
                PublishedAt = body.State == "published" && current.State != "published" ? now : current.PublishedAt,
                ClosedAt = body.State == "closed" && current.State != "closed" ? now : current.ClosedAt,
            };
        }) ?? throw GitHubApiError.NotFound(Doc);
        await context.WriteJsonAsync(200, bodies.Value.Advisory(repository, updated), Json.AdvisoryOutBody);
    }

    private static void Validate(AdvisoryBody body, string documentationUrl)
    {
        if (body.Severity is not null && body.CvssVectorString is not null)
            throw GitHubApiError.Unprocessable("Only one of severity and cvss_vector_string can be set.", documentationUrl);
        if (body.Severity is not null && !Severities.Contains(body.Severity))
            throw GitHubApiError.InvalidField("severity", body.Severity, documentationUrl);
        if (body.CvssVectorString is not null && !CvssParser.TryParse(body.CvssVectorString, out _, out _))
            throw GitHubApiError.InvalidField("cvss_vector_string", body.CvssVectorString, documentationUrl);
        if (body.Summary is { Length: > MaxSummaryLength })
            throw GitHubApiError.TooLong("summary", MaxSummaryLength, documentationUrl);
        if (body.Description is { Length: > MaxDescriptionLength })
            throw GitHubApiError.TooLong("description", MaxDescriptionLength, documentationUrl);
        if (body.CveId is not null && !CveId().IsMatch(body.CveId))
            throw GitHubApiError.InvalidField("cve_id", body.CveId, documentationUrl);
        foreach (var cwe in body.CweIds ?? [])
            if (!CweId().IsMatch(cwe))
                throw GitHubApiError.InvalidField("cwe_ids", cwe, documentationUrl);
        foreach (var vulnerability in body.Vulnerabilities ?? [])
        {
            var ecosystem = vulnerability.Package?.Ecosystem ?? throw GitHubApiError.MissingField("ecosystem", documentationUrl);
            if (!Ecosystems.Contains(ecosystem))
                throw GitHubApiError.InvalidField("ecosystem", ecosystem, documentationUrl);
        }
    }

    /// <summary>The severity GitHub derives from a vector: the rating of its score (none for a score of 0).</summary>
    private static string? SeverityOf(string? vector) =>
        vector is null ? null : CvssParser.Parse(vector).Score().Rating switch
        {
            CvssRating.Critical => "critical",
            CvssRating.High => "high",
            CvssRating.Medium => "medium",
            CvssRating.Low => "low",
            _ => null,
        };

    /// <summary>GitHub answers with an empty list, not null, for vulnerable functions that were not given.</summary>
    private static IReadOnlyList<AdvisoryVulnerability> Normalise(IReadOnlyList<AdvisoryVulnerability> vulnerabilities) =>
        [.. vulnerabilities.Select(v => v with { VulnerableFunctions = v.VulnerableFunctions ?? [] })];

    [GeneratedRegex(@"^CVE-\d{4}-\d{4,}$")]
    private static partial Regex CveId();

    [GeneratedRegex(@"^CWE-\d+$")]
    private static partial Regex CweId();
}
