using static AdvisoryPipeline.Tests.Publishing.PublishingSupport;
using static AdvisoryPipeline.Tests.TestSupport.SampleAdvisories;
using AdvisoryPipeline.Diagnostics;
using AdvisoryPipeline.FakeGitHub.Faults;
using AdvisoryPipeline.Publishing;
using AdvisoryPipeline.Publishing.Ghsa;
using AdvisoryPipeline.Publishing.GitHub;
using AdvisoryPipeline.Publishing.Repository;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Publishing.GitHub;

public sealed class GitHubTokenSecrecyTests : GitHubPublishTestBase
{
    private const string RefusedToken = "ghp_Kx4SecondTokenGitHubWillRefuse8Qm3";

    [Fact]
    public async Task The_token_appears_in_no_output_message_exception_or_request_body_through_every_fault()
    {
        var texts = new List<string>();
        var scenarios = new List<Func<Task>>
        {
            () => Run(Target(), FirstRun),
            () => Run(Target(options: Options(RefusedToken)), SecondRun),
            () => Run(new GitHubTarget("github:acme/missing", Owner, "missing", "main", new RecordLayout("osv"), Options()), SecondRun),
            () => Run(Target(branch: "no-such-branch"), SecondRun),
        };
        foreach (var fault in new Fault[]
        {
            Fault.ServerError(), Fault.BadGateway(), Fault.SecondaryRateLimit(403, 2), Fault.SecondaryRateLimit(429, 2), Fault.AbuseDetection(2),
            Fault.PrimaryRateLimit(403, 20), Fault.PrimaryRateLimit(429, 7200, 7200), Fault.ProtectedBranch(), Fault.ConcurrentPush(),
            Fault.DropConnectionBeforeHandling(), Fault.DropConnectionAfterHandling(), Fault.Respond(401, """{"message":"Bad credentials"}"""),
        })
        {
            foreach (var (method, path) in new[] { ("GET", "/repos/*/*/git/**"), ("POST", "/repos/*/*/git/**"), ("PATCH", "/repos/*/*/git/refs/**") })
            {
                var now = SecondRun.AddMinutes(scenarios.Count);
                scenarios.Add(async () =>
                {
                    Server.Faults.Clear();
                    Server.Faults.Add(new FaultRule(method, path, fault) { Times = FaultRule.Always });
                    await Run(Target(), now);
                });
            }
        }
        scenarios.Add(async () =>
        {
            Server.Faults.Clear();
            Repository.ProtectBranch("main");
            await Run(Target(), SecondRun.AddDays(1));
        });
        // The ghsa: target, through the same faults on the advisory endpoints.
        scenarios.Add(() => Run(Ghsa(), SecondRun.AddDays(2)));
        scenarios.Add(() => Run(Ghsa(Options(RefusedToken)), SecondRun.AddDays(2)));
        scenarios.Add(() => Run(new GhsaTarget("ghsa:acme/missing", Owner, "missing", Options()), SecondRun.AddDays(2)));
        foreach (var fault in new Fault[]
        {
            Fault.ServerError(), Fault.BadGateway(), Fault.SecondaryRateLimit(403, 2), Fault.SecondaryRateLimit(429, 2), Fault.AbuseDetection(2),
            Fault.PrimaryRateLimit(403, 20), Fault.PrimaryRateLimit(429, 7200, 7200), Fault.DropConnectionBeforeHandling(),
            Fault.DropConnectionAfterHandling(), Fault.Respond(401, """{"message":"Bad credentials"}"""),
            Fault.Respond(422, """{"message":"Validation Failed","errors":[{"resource":"Advisory","field":"summary","code":"invalid"}]}"""),
        })
        {
            foreach (var (method, path) in new[] { ("GET", "/repos/*/*/security-advisories"), ("POST", "/repos/*/*/security-advisories"), ("PATCH", "/repos/*/*/security-advisories/*") })
            {
                var now = SecondRun.AddDays(3).AddMinutes(scenarios.Count);
                scenarios.Add(async () =>
                {
                    Server.Faults.Clear();
                    Server.Faults.Add(new FaultRule(method, path, fault) { Times = FaultRule.Always });
                    await Run(Ghsa(), now);
                });
            }
        }

        foreach (var scenario in scenarios)
            await scenario();

        Assert.True(texts.Count > scenarios.Count, "every scenario left some text to search");
        Assert.Contains(texts, text => text.Contains("GitHub refused the token (401)", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.Contains("opened pull request", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.StartsWith("ghsa:acme/advisory-db: created 3 drafts", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.Contains("Could not update GHSA-", StringComparison.Ordinal));
        Assert.All(texts, text => Assert.DoesNotContain(Token, text, StringComparison.Ordinal));
        Assert.All(texts, text => Assert.DoesNotContain(RefusedToken, text, StringComparison.Ordinal));
        Assert.All(Server.Requests.All, request => Assert.DoesNotContain(Token, request.Body ?? "", StringComparison.Ordinal));
        Assert.DoesNotContain(Token, Options().ToString()!, StringComparison.Ordinal);

        GhsaTarget Ghsa(GitHubTargetOptions? options = null) => new($"ghsa:{Owner}/{Name}", Owner, Name, options ?? Options());

        async Task Run(IPublishTarget target, DateTimeOffset now)
        {
            var advisories = Many(3, $"Summary at {now:O}");
            try
            {
                var result = await PublishAsync(target, advisories, now);
                texts.Add(result.Outcome!.Description);
                texts.Add(result.Outcome.PullRequestUrl ?? "");
                texts.Add(PublishPlanText.Render(result.Plan));
                texts.Add(System.Text.Encoding.UTF8.GetString(PublishPlanJson.Write([result.Plan])));
            }
            catch (PipelineException failure)
            {
                texts.Add(failure.Message);
                texts.Add(failure.ToString());
            }
        }
    }
}
