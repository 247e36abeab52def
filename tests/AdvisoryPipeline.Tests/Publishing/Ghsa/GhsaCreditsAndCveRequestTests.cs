using static AdvisoryPipeline.Tests.Publishing.PublishingSupport;
using AdvisoryPipeline.Osv;
using AdvisoryPipeline.Validation;
using AdvisoryPipeline.Tests.TestSupport;

namespace AdvisoryPipeline.Tests.Publishing.Ghsa;

/// <summary>
/// The ghsa: target sends credits that name a GitHub profile as GitHub credits, notes the others, and asks GitHub
/// for a CVE ID when the advisory's pipeline block says <c>request_cve: true</c>, once.
/// </summary>
public sealed class GhsaCreditsAndCveRequestTests : GhsaTestBase
{
    private static OsvRecord Credited(string id) => SampleAdvisories.Record(id, "Heap overflow in the frame decoder", aliases: []) with
    {
        Credits =
        [
            new OsvCredit { Name = "Kateryna Melnyk", Type = "FINDER", Contact = ["mailto:k@example.org", "https://github.com/kmelnyk"] },
            new OsvCredit { Name = "Tomás Ferreira", Type = "REMEDIATION_DEVELOPER", Contact = ["https://github.com/tferreira/"] },
            new OsvCredit { Name = "Northwind Data Foundation", Type = "SPONSOR", Contact = ["https://northwind-data.example/"] },
        ],
    };

    [Fact]
    public async Task Credits_with_a_github_profile_are_sent_and_the_others_noted()
    {
        var result = await PublishAsync(Ghsa(), [Advisory(Credited("TSSA-2026-1"))], FirstRun);

        var advisory = AdvisoryOf("TSSA-2026-1");
        Assert.Equal(["kmelnyk finder", "tferreira remediation_developer"], advisory.Credits.Select(c => $"{c.Login} {c.Type}"));
        Assert.Contains("credits without a GitHub profile", result.Outcome!.Description);
    }

    [Fact]
    public async Task A_changed_credit_is_updated_and_an_unchanged_one_is_not_sent_again()
    {
        await PublishAsync(Ghsa(), [Advisory(Credited("TSSA-2026-1"))], FirstRun);
        var mark = Server.Requests.Mark();
        var changed = Credited("TSSA-2026-1") with { Credits = [new OsvCredit { Name = "K", Type = "REPORTER", Contact = ["https://github.com/kmelnyk"] }] };

        await PublishAsync(Ghsa(), [Advisory(changed)], SecondRun);

        var update = Assert.Single(Server.Requests.Since(mark), r => r.Method == "PATCH");
        Assert.Contains("credits", BodyKeys(update));
        Assert.Equal(["kmelnyk reporter"], AdvisoryOf("TSSA-2026-1").Credits.Select(c => $"{c.Login} {c.Type}"));
    }

    [Fact]
    public async Task Request_cve_asks_github_once_for_a_new_draft_and_never_for_one_with_a_cve()
    {
        var asking = new PublishableAdvisory(Credited("TSSA-2026-1"), "advisories/TSSA-2026-1.yaml", RequestCve: true);
        var withCve = new PublishableAdvisory(SampleAdvisories.Record("TSSA-2026-2", "Another", aliases: ["CVE-2026-21001"]), "advisories/TSSA-2026-2.yaml", RequestCve: true);
        var notAsking = Advisory(SampleAdvisories.Record("TSSA-2026-3", "A third"));

        var first = await PublishAsync(Ghsa(), [asking, withCve, notAsking], FirstRun);
        var mark = Server.Requests.Mark();
        await PublishAsync(Ghsa(), [asking, withCve, notAsking], SecondRun);

        Assert.Equal([AdvisoryOf("TSSA-2026-1").GhsaId], Repository.CveRequests);
        Assert.Contains("CVE ID requested from GitHub", first.Outcome!.Description);
        Assert.Equal(0, Server.Requests.Since(mark).Count(r => r.IsWrite));
    }

    [Fact]
    public async Task A_changed_draft_asks_again_and_github_s_refusal_is_a_note()
    {
        var asking = new PublishableAdvisory(Credited("TSSA-2026-1"), "advisories/TSSA-2026-1.yaml", RequestCve: true);
        await PublishAsync(Ghsa(), [asking], FirstRun);
        var changed = asking with { Record = asking.Record with { Summary = "Heap overflow in the frame decoder of tessera" } };

        var second = await PublishAsync(Ghsa(), [changed], SecondRun);

        Assert.Single(Repository.CveRequests);
        Assert.Contains("GitHub refused a CVE request", second.Outcome!.Description);
    }
}
