using AdvisoryPipeline.Cve;
using AdvisoryPipeline.Cve.Services;
using AdvisoryPipeline.FakeCveServices;

namespace AdvisoryPipeline.Tests.Cve;

/// <summary>The CVE Services client against the fake over real HTTP: every fault, and what each one becomes.</summary>
public sealed class CveServicesClientTests : CveServicesTestBase
{
    [Fact]
    public async Task Reserve_gives_sequential_ids_of_the_year_and_the_remaining_quota()
    {
        using var client = Client();
        var reserved = await client.ReserveAsync(3, 2026);

        Assert.Equal(["CVE-2026-1001", "CVE-2026-1002", "CVE-2026-1003"], reserved.CveIds.Select(i => i.CveId));
        Assert.All(reserved.CveIds, id => Assert.Equal("RESERVED", id.State));
        Assert.Equal(Server.IdQuota - Server.Ids.Count(id => id.State == "RESERVED"), reserved.Meta!.RemainingQuota);
        Assert.Contains("batch_type=sequential", Server.Requests.All.Single(r => r.Method == "POST").Query);
    }

    [Fact]
    public async Task An_exhausted_quota_says_so()
    {
        Server.IdQuota = Server.Ids.Count(id => id.State == "RESERVED") + 1;
        using var client = Client();

        var failure = await Assert.ThrowsAsync<CveServicesException>(() => client.ReserveAsync(2, 2026));

        Assert.Equal(403, failure.Status);
        Assert.Contains("quota is exhausted", failure.Message);
    }

    [Fact]
    public async Task A_wrong_key_is_401_and_the_message_names_the_variables_not_the_key()
    {
        using var client = Client(key: "wrong-key-7d1e");

        var failure = await Assert.ThrowsAsync<CveServicesException>(() => client.GetCveIdAsync("CVE-2025-21364"));

        Assert.Equal(401, failure.Status);
        Assert.Contains("$CVE_API_KEY", failure.Message);
        Assert.DoesNotContain("wrong-key-7d1e", failure.ToString());
    }

    [Fact]
    public async Task Forbidden_and_not_found_are_explained()
    {
        using var client = Client();
        Server.AddFault("PUT", "/cve/", CveFault.Forbidden());

        var forbidden = await Assert.ThrowsAsync<CveServicesException>(() => client.UpdateAsync("CVE-2025-21364", Container("TSSA-2025-1")));
        var missingRecord = await client.GetRecordAsync("CVE-2025-21364");
        var unknownId = await client.GetCveIdAsync("CVE-2025-99999");
        var notFound = await Assert.ThrowsAsync<CveServicesException>(() => client.PublishAsync("CVE-2025-99999", Container("TSSA-2025-1")));

        Assert.Contains("forbids it", forbidden.Message);
        Assert.Null(missingRecord);
        Assert.Null(unknownId);
        Assert.Equal(404, notFound.Status);
        Assert.Contains("does not know it", notFound.Message);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_then_reported()
    {
        using var client = Client();
        Server.AddFault("GET", "/cve-id/", CveFault.ServerError(), times: 2);

        var id = await client.GetCveIdAsync("CVE-2025-21364");

        Assert.Equal("RESERVED", id!.State);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], Waits);

        Server.AddFault("GET", "/cve/", CveFault.BadGateway(), times: 10);
        var failure = await Assert.ThrowsAsync<CveServicesException>(() => client.GetRecordAsync("CVE-2025-21364"));
        Assert.Equal(502, failure.Status);
        Assert.Contains("failed with 502 4 times", failure.Message);
    }

    [Fact]
    public async Task Too_many_requests_waits_as_long_as_Retry_After_says()
    {
        using var client = Client();
        Server.AddFault("GET", "/cve-id/", CveFault.RateLimited(retryAfterSeconds: 7));

        await client.GetCveIdAsync("CVE-2025-21364");

        Assert.Equal([TimeSpan.FromSeconds(7)], Waits);

        Server.AddFault("GET", "/cve-id/", CveFault.RateLimited(retryAfterSeconds: 3600));
        var failure = await Assert.ThrowsAsync<CveServicesException>(() => client.GetCveIdAsync("CVE-2025-21364"));
        Assert.Equal(429, failure.Status);
        Assert.Contains("429 Too Many Requests", failure.Message);
    }

    [Fact]
    public async Task A_dropped_read_is_retried_but_a_dropped_reservation_is_not_repeated()
    {
        using var client = Client();
        Server.AddFault("GET", "/cve-id/", CveFault.DropConnectionBeforeHandling());
        Assert.NotNull(await client.GetCveIdAsync("CVE-2025-21364"));

        Server.AddFault("POST", "/cve-id", CveFault.DropConnectionAfterHandling());
        var failure = await Assert.ThrowsAsync<CveServicesException>(() => client.ReserveAsync(1, 2026));

        Assert.Null(failure.Status);
        Assert.Contains("may or may not have taken effect", failure.Message);
        Assert.NotNull(Server.Id("CVE-2026-1001"));
        Assert.Null(Server.Id("CVE-2026-1002"));
        Assert.DoesNotContain(Server.ApiKey, failure.ToString());
    }

    [Fact]
    public async Task A_publish_whose_answer_was_lost_ends_as_an_update_of_the_same_record()
    {
        using var client = Client();
        Server.AddFault("POST", "/cve/CVE-2025-21364/cna", CveFault.DropConnectionAfterHandling());
        var steps = await CvePublisher.PlanAsync(client, [("TSSA-2025-1", Record("TSSA-2025-1"))]);

        await CvePublisher.ApplyAsync(client, steps);

        Assert.Equal("PUBLISHED", Server.Id("CVE-2025-21364")!.State);
        Assert.Equal(["POST", "POST", "PUT"], Server.Requests.All.Where(r => r.IsWrite).Select(r => r.Method));
        var again = await CvePublisher.PlanAsync(client, [("TSSA-2025-1", Record("TSSA-2025-1"))]);
        Assert.Equal(CvePublishAction.Unchanged, Assert.Single(again).Action);
    }

    [Fact]
    public async Task Rejecting_a_reserved_id_and_a_published_record_use_post_and_put()
    {
        using var client = Client();
        await client.RejectAsync("CVE-2025-29017", "Duplicate of CVE-2025-21364.", published: false);
        await client.PublishAsync("CVE-2025-21364", Container("TSSA-2025-1"));
        await client.RejectAsync("CVE-2025-21364", "Not a vulnerability.", published: true);

        Assert.Equal("REJECTED", Server.Id("CVE-2025-29017")!.State);
        Assert.Equal("REJECTED", Server.Id("CVE-2025-21364")!.State);
        Assert.Equal(["POST /cve/CVE-2025-29017/reject", "POST /cve/CVE-2025-21364/cna", "PUT /cve/CVE-2025-21364/reject"],
            Server.Requests.All.Where(r => r.IsWrite).Select(r => $"{r.Method} {r.Path}"));
    }

    private CveRecord Record(string advisoryId) => new()
    {
        CveMetadata = new CveMetadata { CveId = CveRecordSchemaTests.CveAliasOf(TestSupport.ExampleDatabase.Record(advisoryId))! },
        Containers = new CveContainers { Cna = Container(advisoryId) },
    };
}
