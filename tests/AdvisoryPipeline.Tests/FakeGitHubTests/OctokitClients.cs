using AdvisoryPipeline.FakeGitHub;
using Octokit;
using Octokit.Internal;

namespace AdvisoryPipeline.Tests.FakeGitHubTests;

/// <summary>
/// Octokit pointed at the fake exactly as the publisher will point it at GITHUB_API_URL: a Connection with the
/// base address as given. (GitHubClient's own Uri constructor would append "api/v3/" for any host other than
/// api.github.com, which is GitHub Enterprise's layout, not GitHub.com's.)
/// </summary>
internal static class OctokitClients
{
    public static Connection Connection(FakeGitHubServer server, string? token = null) =>
        new(new ProductHeaderValue("advisory-tests"), server.BaseUri,
            new InMemoryCredentialStore(token is null ? new Credentials(server.Token) : new Credentials(token)));

    public static GitHubClient Client(FakeGitHubServer server, string? token = null) => new(Connection(server, token));

    public static GitHubClient Anonymous(FakeGitHubServer server) =>
        new(new Connection(new ProductHeaderValue("advisory-tests"), server.BaseUri));
}
