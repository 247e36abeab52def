using System.Net;
using System.Net.Http.Headers;
using AdvisoryPipeline.FakeGitHub;
using AdvisoryPipeline.FakeGitHub.Faults;
using AdvisoryPipeline.FakeGitHub.Git;
using Octokit;

namespace AdvisoryPipeline.Tests.FakeGitHubTests;

/// <summary>
/// Every injectable fault, and the exception the real Octokit 14 turns it into. The theory below is the mapping
/// table the publisher's retry logic is written against.
/// </summary>
public sealed class FaultInjectionTests : FakeGitHubTestBase
{
    private const string Blobs = "/repos/*/*/git/blobs";

    [Theory]
    [InlineData("500", typeof(ApiException), 500)]
    [InlineData("502 html", typeof(ApiException), 502)]
    [InlineData("403 secondary", typeof(SecondaryRateLimitExceededException), 403)]
    [InlineData("429 secondary", typeof(ApiException), 429)]
    [InlineData("403 abuse", typeof(AbuseException), 403)]
    [InlineData("403 primary", typeof(RateLimitExceededException), 403)]
    [InlineData("429 primary", typeof(ApiException), 429)]
    [InlineData("422 protected", typeof(ApiValidationException), 422)]
    public async Task Each_response_fault_reaches_Octokit_as_its_exception_without_a_retry(string kind, Type expected, int status)
    {
        Server.Faults.Add("POST", Blobs, kind switch
        {
            "500" => Fault.ServerError(),
            "502 html" => Fault.BadGateway(),
            "403 secondary" => Fault.SecondaryRateLimit(403, retryAfterSeconds: 7),
            "429 secondary" => Fault.SecondaryRateLimit(429, retryAfterSeconds: 7),
            "403 abuse" => Fault.AbuseDetection(retryAfterSeconds: 7),
            "403 primary" => Fault.PrimaryRateLimit(403, resetInSeconds: 60),
            "429 primary" => Fault.PrimaryRateLimit(429, resetInSeconds: 60, retryAfterSeconds: 7),
            "422 protected" => Fault.ProtectedBranch(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        });

        var error = await Assert.ThrowsAnyAsync<ApiException>(CreateBlob);

        Assert.IsType(expected, error);
        Assert.Equal(status, (int)error.StatusCode);
        // Octokit never retries by itself: one request, answered by the fault, and nothing stored.
        var only = Assert.Single(Server.Requests.All);
        Assert.Equal(status, only.Status);
        Assert.NotNull(only.Fault);
        Assert.Null(Repository.FindObject<GitBlob>(GitBlob.FromText("x").Sha));
    }

    [Fact]
    public async Task Rate_limit_exceptions_carry_what_a_retry_needs()
    {
        Server.Faults.Add("POST", Blobs, Fault.PrimaryRateLimit(403, resetInSeconds: 60));
        Server.Faults.Add("POST", Blobs, Fault.SecondaryRateLimit(403, retryAfterSeconds: 7), nth: 2);
        Server.Faults.Add("POST", Blobs, Fault.AbuseDetection(retryAfterSeconds: 9), nth: 3);
        Server.Faults.Add("POST", Blobs, Fault.PrimaryRateLimit(429, resetInSeconds: 60, retryAfterSeconds: 11), nth: 4);
        var before = DateTimeOffset.UtcNow;

        var primary = await Assert.ThrowsAsync<RateLimitExceededException>(CreateBlob);
        var secondary = await Assert.ThrowsAsync<SecondaryRateLimitExceededException>(CreateBlob);
        var abuse = await Assert.ThrowsAsync<AbuseException>(CreateBlob);
        var tooMany = await Assert.ThrowsAsync<ApiException>(CreateBlob);

        // All three derive from ForbiddenException: catch them before it.
        Assert.All(new ApiException[] { primary, secondary, abuse }, e => Assert.IsAssignableFrom<ForbiddenException>(e));
        Assert.Equal((5000, 0), (primary.Limit, primary.Remaining));
        Assert.InRange(primary.Reset, before.AddSeconds(58), before.AddSeconds(62));
        // No typed retry-after on the secondary-limit exception: read the header (.NET spells it "Retry-After").
        Assert.Equal("7", secondary.HttpResponse.Headers["Retry-After"]);
        Assert.Equal(9, abuse.RetryAfterSeconds);
        Assert.Equal("11", tooMany.HttpResponse.Headers["Retry-After"]);
        Assert.Equal("0", tooMany.HttpResponse.Headers.First(h => h.Key.Equals("x-ratelimit-remaining", StringComparison.OrdinalIgnoreCase)).Value);
    }

    [Fact]
    public async Task AConnection_dropped_before_handling_changes_nothing()
    {
        Server.Faults.Add("POST", Blobs, Fault.DropConnectionBeforeHandling());

        var error = await Assert.ThrowsAsync<HttpRequestException>(CreateBlob);
        var retried = await CreateBlob();

        Assert.IsType<IOException>(error.InnerException);
        Assert.Equal([(0, true), (201, false)], Server.Requests.All.Select(r => (r.Status, r.ConnectionDropped)));
        Assert.Equal(GitBlob.FromText("x").Sha, retried.Sha);
    }

    [Fact]
    public async Task AConnection_dropped_after_handling_loses_the_response_but_not_the_change()
    {
        var initial = Repository.HeadOf("main")!;
        var next = await GitHub.Git.Commit.Create(Owner, Name, new NewCommit("next", Repository.CommitAt(initial).TreeSha, initial));
        Server.Faults.Add("PATCH", "/repos/*/*/git/refs/heads/main", Fault.DropConnectionAfterHandling());

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            GitHub.Git.Reference.Update(Owner, Name, "heads/main", new ReferenceUpdate(next.Sha)));
        var movedAnyway = Repository.HeadOf("main");
        // Replaying the same update is harmless: moving a ref to where it already is counts as a fast-forward.
        var replay = await GitHub.Git.Reference.Update(Owner, Name, "heads/main", new ReferenceUpdate(next.Sha));

        Assert.Equal(next.Sha, movedAnyway);
        Assert.Equal(next.Sha, replay.Object.Sha);
        Assert.Equal(["Initial commit", "next"], Repository.History("main").Select(c => c.Message).Reverse());
    }

    [Fact]
    public async Task A_concurrent_push_turns_the_update_into_a_real_non_fast_forward()
    {
        var initial = Repository.HeadOf("main")!;
        var mine = await GitHub.Git.Commit.Create(Owner, Name, new NewCommit("mine", Repository.CommitAt(initial).TreeSha, initial));
        var rule = Server.Faults.Add("PATCH", "/repos/*/*/git/refs/heads/main", Fault.ConcurrentPush());

        var refused = await Assert.ThrowsAsync<ApiValidationException>(() =>
            GitHub.Git.Reference.Update(Owner, Name, "heads/main", new ReferenceUpdate(mine.Sha)));
        var theirs = Repository.HeadOf("main")!;
        var rebased = await GitHub.Git.Commit.Create(Owner, Name, new NewCommit("mine, again", Repository.CommitAt(theirs).TreeSha, theirs));
        await GitHub.Git.Reference.Update(Owner, Name, "heads/main", new ReferenceUpdate(rebased.Sha));

        Assert.Equal("Update is not a fast forward", refused.Message);
        Assert.Equal(1, rule.Fired);
        Assert.Equal(["mine, again", "Concurrent push", "Initial commit"], Repository.History("main").Select(c => c.Message));
        Assert.Contains(Repository.FilesOn("main").Keys, path => path.StartsWith("concurrent-push/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rules_fire_from_the_nth_matching_request_for_the_given_number_of_times()
    {
        var rule = Server.Faults.Add("GET", "/repos/acme/*", Fault.ServerError(), nth: 2, times: 2);

        var outcomes = new List<int>();
        for (var i = 0; i < 5; i++)
            outcomes.Add(await StatusOf(() => GitHub.Repository.Get(Owner, Name)));
        await GitHub.Git.Commit.Get(Owner, Name, Repository.HeadOf("main")!);

        Assert.Equal([200, 500, 500, 200, 200], outcomes);
        Assert.Equal((5, 2), (rule.Matched, rule.Fired));
        Assert.Equal(6, Server.Requests.CountOf("GET", "/repos/**"));
        Assert.Equal(2, Server.Requests.All.Count(r => r.Fault is not null));
    }

    [Fact]
    public async Task Every_response_carries_GitHub_headers_and_the_rate_limit_is_reported()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", Server.Token);
        using var raw = await http.GetAsync(new Uri($"repos/{Owner}/{Name}", UriKind.Relative));

        var limits = await GitHub.RateLimit.GetRateLimits();
        var lastInfo = GitHub.GetLastApiInfo();

        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal("application/json; charset=utf-8", raw.Content.Headers.ContentType?.ToString());
        Assert.Matches("^FAKE:[0-9A-F]{8}$", raw.Headers.GetValues("x-github-request-id").Single());
        Assert.Equal(["5000", "4999", "1"],
            new[] { "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-used" }.Select(h => raw.Headers.GetValues(h).Single()));
        Assert.Equal((5000, 4998), (limits.Resources.Core.Limit, limits.Resources.Core.Remaining));
        Assert.Equal(limits.Rate.Remaining, limits.Resources.Core.Remaining);
        Assert.Equal((5000, 4998), (lastInfo.RateLimit.Limit, lastInfo.RateLimit.Remaining));
    }

    private Task<BlobReference> CreateBlob() =>
        GitHub.Git.Blob.Create(Owner, Name, new NewBlob { Content = "x", Encoding = EncodingType.Utf8 });

    private static async Task<int> StatusOf(Func<Task> request)
    {
        try
        {
            await request();
            return 200;
        }
        catch (ApiException e)
        {
            return (int)e.StatusCode;
        }
    }
}
