using System.Text;
using AdvisoryPipeline.FakeGitHub;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Publishing.GitHub;
using AdvisoryPipeline.Publishing.Repository;

namespace AdvisoryPipeline.Tests.Publishing.GitHub;

/// <summary>
/// A fresh fake GitHub per test with acme/advisory-db, and GitHub targets on it with a distinctive token and a delay
/// that records the waits instead of sleeping.
/// </summary>
public abstract class GitHubPublishTestBase : IAsyncLifetime
{
    /// <summary>Distinctive, so that a search of every output for it proves it never leaks.</summary>
    protected const string Token = "ghp_Zq7TokenThatMustNeverBePrinted4x9W2";

    protected const string Owner = "acme";
    protected const string Name = "advisory-db";

    protected FakeGitHubServer Server { get; private set; } = null!;

    protected FakeRepository Repository { get; private set; } = null!;

    /// <summary>Every wait the publisher asked for.</summary>
    protected List<TimeSpan> Waits { get; } = [];

    public async Task InitializeAsync()
    {
        Server = await FakeGitHubServer.StartNewAsync(new FakeGitHubOptions(Token: Token));
        Repository = Server.CreateRepository(Owner, Name);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Assert.Empty(Server.Requests.ServerErrors);
    }

    protected GitHubTargetOptions Options(string token = Token) => new(Server.BaseUri, token)
    {
        Delay = (wait, _) =>
        {
            lock (Waits)
                Waits.Add(wait);
            return Task.CompletedTask;
        },
    };

    protected GitHubTarget Target(bool pullRequest = false, string? branch = "main", GitHubTargetOptions? options = null) =>
        new($"github:{Owner}/{Name}" + (branch is null ? "" : "#" + branch), Owner, Name, branch, new RecordLayout("osv"), options ?? Options(), pullRequest);

    /// <summary>Asserts that <paramref name="branch"/> holds every record of the plan with the plan's bytes, and nothing else under osv/ but the ledger.</summary>
    protected void AssertHolds(PublishPlan plan, string branch = "main")
    {
        var layout = new RecordLayout("osv");
        var files = Repository.FilesOn(branch);
        var expected = plan.Advisories.Where(entry => entry.IsPublished).ToDictionary(entry => layout.PathOf(entry.Id), entry => Encoding.UTF8.GetString(entry.Content.Span));
        Assert.Equal(
            [.. expected.Keys.Append(layout.LedgerPath).Order(StringComparer.Ordinal)],
            files.Keys.Where(path => path.StartsWith("osv/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(expected, file => Assert.Equal(file.Value, files[file.Key]));
    }

    protected int WritesSince(long mark) => Server.Requests.Since(mark).Count(request => request.IsWrite);
}
