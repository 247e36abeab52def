using System.Text.Json.Nodes;
using AdvisoryPipeline.FakeGitHub;
using AdvisoryPipeline.Osv.Identifiers;
using AdvisoryPipeline.Tests.TestSupport;
using Octokit;

namespace AdvisoryPipeline.Tests.FakeGitHubTests;

/// <summary>With a fixed clock and seed, two servers give the same commit SHAs and GHSA ids, run after run.</summary>
public sealed class ReproducibilityTests
{
    private static readonly DateTimeOffset Noon = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_fixed_clock_and_seed_make_ids_repeat()
    {
        var first = await RunOnce();
        var second = await RunOnce();

        Assert.Equal(first, second);
        Assert.Equal((Noon, "advisory-bot"), (first.AuthorDate, first.AuthorName));
    }

    private static async Task<(string InitialCommit, string ApiCommit, DateTimeOffset AuthorDate, string AuthorName, string GhsaId)> RunOnce()
    {
        await using var server = await FakeGitHubServer.StartNewAsync(new FakeGitHubOptions(Clock: new FixedClock(Noon), RandomSeed: 42));
        var repository = server.CreateRepository("acme", "advisory-db");
        var connection = OctokitClients.Connection(server);
        var initial = repository.HeadOf("main")!;

        // No author given: GitHub (and the fake) use the token's user and the current time.
        var commit = await new GitHubClient(connection).Git.Commit.Create("acme", "advisory-db",
            new NewCommit("publish", repository.CommitAt(initial).TreeSha, initial));
        var advisory = await connection.Post<string>(new Uri("repos/acme/advisory-db/security-advisories", UriKind.Relative),
            """{"summary":"s","description":"d","vulnerabilities":[]}""", "application/vnd.github+json", "application/json", parameters: null);

        var ghsaId = JsonNode.Parse((string)advisory.HttpResponse.Body)!["ghsa_id"]!.GetValue<string>();
        return (initial, commit.Sha, commit.Author.Date, commit.Author.Name, ghsaId);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
