using AdvisoryPipeline.FakeGitHub;
using Octokit;

namespace AdvisoryPipeline.Tests.FakeGitHubTests;

/// <summary>A fresh server per test with one repository, acme/advisory-db, and an Octokit client for it.</summary>
public abstract class FakeGitHubTestBase : IAsyncLifetime
{
    protected const string Owner = "acme";
    protected const string Name = "advisory-db";

    protected FakeGitHubServer Server { get; private set; } = null!;

    protected FakeRepository Repository { get; private set; } = null!;

    protected Connection Connection { get; private set; } = null!;

    protected GitHubClient GitHub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeGitHubServer.StartNewAsync();
        Repository = Server.CreateRepository(Owner, Name);
        Connection = OctokitClients.Connection(Server);
        GitHub = new GitHubClient(Connection);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Assert.Empty(Server.Requests.ServerErrors);
    }
}
