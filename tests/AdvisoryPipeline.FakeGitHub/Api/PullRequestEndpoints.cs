using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AdvisoryPipeline.FakeGitHub.Api;

/// <summary>List, create and get pull requests (same-repository heads only).</summary>
internal sealed class PullRequestEndpoints(FakeGitHubServer server, Lazy<ApiBodies> bodies)
{
    private static FakeGitHubJsonContext Json => FakeGitHubJsonContext.Default;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/repos/{owner}/{repo}/pulls", ListAsync);
        app.MapPost("/repos/{owner}/{repo}/pulls", CreateAsync);
        app.MapGet("/repos/{owner}/{repo}/pulls/{number}", GetAsync);
    }

    /// <summary>
    /// Filters as GitHub does: <c>state</c> (open by default, closed, all), <c>head</c> as <c>owner:branch</c>,
    /// <c>base</c>; newest first unless <c>direction=asc</c>.
    /// </summary>
    private Task ListAsync(HttpContext context)
    {
        var repository = server.RequireRepository(context, DocumentationUrls.ListPulls);
        var state = context.Query("state") ?? "open";
        if (state is not ("open" or "closed" or "all"))
            throw GitHubApiError.InvalidField("state", state, DocumentationUrls.ListPulls);
        var head = context.Query("head");
        var baseBranch = context.Query("base");
        var pulls = repository.PullRequests
            .Where(p => state == "all" || p.State == state)
            .Where(p => head is null || MatchesHead(repository, p, head))
            .Where(p => baseBranch is null || p.BaseBranch == baseBranch);
        pulls = context.Query("direction") == "asc" ? pulls.OrderBy(p => p.Number) : pulls.OrderByDescending(p => p.Number);
        return context.WritePageAsync([.. pulls.Select(p => bodies.Value.PullRequest(repository, p))], Json.IReadOnlyListPullRequestBody);
    }

    private static bool MatchesHead(FakeRepository repository, PullRequestRecord pull, string head)
    {
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        var owner = colon < 0 ? repository.Owner : head[..colon];
        var branch = colon < 0 ? head : head[(colon + 1)..];
        return string.Equals(owner, repository.Owner, StringComparison.OrdinalIgnoreCase) && pull.HeadBranch == branch;
    }

    private async Task CreateAsync(HttpContext context)
    {
        const string Doc = DocumentationUrls.CreatePull;
        var repository = server.RequireRepository(context, Doc);
        var body = await context.ReadBodyAsync(Json.CreatePullBody, Doc);
        var title = body.Title ?? throw GitHubApiError.ValidationFailed(Doc, new ErrorDetail("PullRequest", "title", "missing_field", null));
        var head = body.Head ?? throw GitHubApiError.ValidationFailed(Doc, new ErrorDetail("PullRequest", "head", "missing_field", null));
        var baseBranch = body.Base ?? throw GitHubApiError.ValidationFailed(Doc, new ErrorDetail("PullRequest", "base", "missing_field", null));
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && !string.Equals(head[..colon], repository.Owner, StringComparison.OrdinalIgnoreCase))
            throw GitHubApiError.ValidationFailed(Doc, new ErrorDetail("PullRequest", "head", "invalid", null));
        var headBranch = colon < 0 ? head : head[(colon + 1)..];
        var pull = repository.OpenPullRequest(title, body.Body, headBranch, baseBranch, body.Draft ?? false, server.NextId());
        var response = bodies.Value.PullRequest(repository, pull);
        await context.WriteCreatedAsync(response, response.Url, Json.PullRequestBody);
    }

    private Task GetAsync(HttpContext context)
    {
        var repository = server.RequireRepository(context, DocumentationUrls.GetPull);
        var pull = int.TryParse(context.Route("number"), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? repository.FindPullRequest(number)
            : null;
        if (pull is null)
            throw GitHubApiError.NotFound(DocumentationUrls.GetPull);
        return context.WriteJsonAsync(200, bodies.Value.PullRequest(repository, pull), Json.PullRequestBody);
    }
}
