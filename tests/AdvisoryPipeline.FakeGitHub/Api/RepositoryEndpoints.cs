using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AdvisoryPipeline.FakeGitHub.Api;

/// <summary><c>GET /repos/{owner}/{repo}</c> and <c>GET /rate_limit</c>.</summary>
internal sealed class RepositoryEndpoints(FakeGitHubServer server, Lazy<ApiBodies> bodies)
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/repos/{owner}/{repo}", GetRepositoryAsync);
        app.MapGet("/rate_limit", GetRateLimitAsync);
    }

    private Task GetRepositoryAsync(HttpContext context)
    {
        var repository = server.RequireRepository(context, DocumentationUrls.GetRepository);
        return context.WriteJsonAsync(200, bodies.Value.Repository(repository), FakeGitHubJsonContext.Default.RepositoryBody);
    }

    private Task GetRateLimitAsync(HttpContext context)
    {
        var limit = server.RateLimit;
        var core = new RateBody(limit.Limit, limit.Used, limit.Remaining, limit.ResetEpochSeconds, "core");
        var search = new RateBody(30, 0, 30, limit.ResetEpochSeconds, "search");
        var graphql = new RateBody(5000, 0, 5000, limit.ResetEpochSeconds, "graphql");
        return context.WriteJsonAsync(200, new RateLimitBody(new RateResourcesBody(core, search, graphql), core),
            FakeGitHubJsonContext.Default.RateLimitBody);
    }
}
