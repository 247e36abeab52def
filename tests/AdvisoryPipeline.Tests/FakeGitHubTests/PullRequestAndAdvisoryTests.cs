using System.Text.Json.Nodes;
using AdvisoryPipeline.FakeGitHub;
using Microsoft.AspNetCore.WebUtilities;
using Octokit;

namespace AdvisoryPipeline.Tests.FakeGitHubTests;

/// <summary>
/// Pull requests through Octokit's client, and repository security advisories, which Octokit 14 has no client
/// for: they go through <see cref="IConnection"/> with JSON text both ways, as the publisher will send them.
/// </summary>
public sealed class PullRequestAndAdvisoryTests : FakeGitHubTestBase
{
    private const string Accept = "application/vnd.github+json";

    private static readonly Uri AdvisoriesUri = new($"repos/{Owner}/{Name}/security-advisories", UriKind.Relative);

    [Fact]
    public async Task A_pull_request_is_opened_found_by_head_and_not_duplicated()
    {
        var head = Repository.PushCommit("publish/2024-05", new Dictionary<string, string?> { ["advisories/a.json"] = "{}" }, "Publish");

        var opened = await GitHub.PullRequest.Create(Owner, Name, new NewPullRequest("Publish advisories", "publish/2024-05", "main") { Body = "2 records", Draft = true });
        var byHead = await GitHub.PullRequest.GetAllForRepository(Owner, Name, new PullRequestRequest { Head = "acme:publish/2024-05" });
        var otherHead = await GitHub.PullRequest.GetAllForRepository(Owner, Name, new PullRequestRequest { Head = "acme:other" });
        var closed = await GitHub.PullRequest.GetAllForRepository(Owner, Name, new PullRequestRequest { State = ItemStateFilter.Closed });
        var read = await GitHub.PullRequest.Get(Owner, Name, opened.Number);
        var duplicate = await Assert.ThrowsAsync<ApiValidationException>(() =>
            GitHub.PullRequest.Create(Owner, Name, new NewPullRequest("Again", "publish/2024-05", "main")));

        Assert.Equal((1, ItemState.Open, true), (opened.Number, opened.State.Value, opened.Draft));
        Assert.Equal(("publish/2024-05", head, "main"), (read.Head.Ref, read.Head.Sha, read.Base.Ref));
        Assert.Equal(("Publish advisories", "2 records", "advisory-bot"), (read.Title, read.Body, read.User.Login));
        Assert.Equal([1], byHead.Select(p => p.Number));
        Assert.Empty(otherHead);
        Assert.Empty(closed);
        Assert.Equal("Validation Failed", duplicate.Message);
        Assert.Equal("A pull request already exists for acme:publish/2024-05.", Assert.Single(duplicate.ApiError.Errors).Message);
        Assert.Equal(["Publish advisories"], Repository.OpenPullRequests.Select(p => p.Title));
        Assert.Equal("acme:publish/2024-05", QueryHelpers.ParseQuery(Server.Requests.All[1].Query)["head"].ToString());
    }

    [Fact]
    public async Task A_pull_request_needs_an_existing_head_with_commits_of_its_own()
    {
        var initial = Repository.HeadOf("main")!;
        Repository.PushCommit("main", new Dictionary<string, string?> { ["later.txt"] = "later" }, "Later on main");
        await GitHub.Git.Reference.Create(Owner, Name, new NewReference("refs/heads/stale", initial));

        var missing = await Assert.ThrowsAsync<ApiValidationException>(() =>
            GitHub.PullRequest.Create(Owner, Name, new NewPullRequest("t", "no-such-branch", "main")));
        var nothingNew = await Assert.ThrowsAsync<ApiValidationException>(() =>
            GitHub.PullRequest.Create(Owner, Name, new NewPullRequest("t", "stale", "main")));
        var notFound = await Assert.ThrowsAsync<NotFoundException>(() => GitHub.PullRequest.Get(Owner, Name, 42));

        Assert.Equal(("head", "invalid"), (Assert.Single(missing.ApiError.Errors).Field, missing.ApiError.Errors[0].Code));
        Assert.Equal("No commits between main and stale", Assert.Single(nothingNew.ApiError.Errors).Message);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Empty(Repository.PullRequests);
    }

    [Fact]
    public async Task A_security_advisory_round_trips_as_a_draft_and_can_be_updated()
    {
        var created = await Send(HttpVerbs.Post, AdvisoriesUri, new JsonObject
        {
            ["summary"] = "XSS in the renderer",
            ["description"] = "Long description",
            ["severity"] = "high",
            ["cve_id"] = "CVE-2024-12345",
            ["cwe_ids"] = new JsonArray("CWE-79"),
            ["vulnerabilities"] = new JsonArray(new JsonObject
            {
                ["package"] = new JsonObject { ["ecosystem"] = "pip", ["name"] = "renderer" },
                ["vulnerable_version_range"] = "< 2.31.0",
                ["patched_versions"] = "2.31.0",
                ["vulnerable_functions"] = new JsonArray("renderer.render"),
            }),
        });
        var ghsaId = created["ghsa_id"]!.GetValue<string>();
        var one = new Uri($"repos/{Owner}/{Name}/security-advisories/{ghsaId}", UriKind.Relative);

        var read = await Send(HttpVerbs.Get, one, body: null);
        var updated = await Send(HttpVerbs.Patch, one, new JsonObject { ["cvss_vector_string"] = "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N" });
        var published = await Send(HttpVerbs.Patch, one, new JsonObject { ["state"] = "published" });
        var list = await Connection.Get<string>(AdvisoriesUri, null);

        Assert.Matches("^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$", ghsaId);
        Assert.Equal(created.ToJsonString(), read.ToJsonString());
        Assert.Equal(("draft", "high", "CVE-2024-12345"), (Text(read, "state"), Text(read, "severity"), Text(read, "cve_id")));
        Assert.Equal(["GHSA", "CVE"], read["identifiers"]!.AsArray().Select(i => Text(i!, "type")));
        var vulnerability = read["vulnerabilities"]![0]!;
        Assert.Equal(("pip", "renderer", "< 2.31.0", "2.31.0", "renderer.render"),
            (Text(vulnerability["package"]!, "ecosystem"), Text(vulnerability["package"]!, "name"), Text(vulnerability, "vulnerable_version_range"),
             Text(vulnerability, "patched_versions"), vulnerability["vulnerable_functions"]![0]!.GetValue<string>()));
        Assert.Equal("CWE-79", read["cwe_ids"]![0]!.GetValue<string>());
        // GitHub scores the vector and derives the severity from it.
        Assert.Equal("medium", Text(updated, "severity"));
        Assert.Equal(("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1), (Text(updated["cvss"]!, "vector_string"), updated["cvss"]!["score"]!.GetValue<double>()));
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", Text(updated["cvss_severities"]!["cvss_v3"]!, "vector_string"));
        Assert.Null(updated["cvss_severities"]!["cvss_v4"]!["vector_string"]);
        Assert.Equal("published", Text(published, "state"));
        Assert.NotNull(published["published_at"]);
        Assert.Equal([ghsaId], JsonNode.Parse((string)list.HttpResponse.Body)!.AsArray().Select(a => Text(a!, "ghsa_id")));
        Assert.Equal([("published", "XSS in the renderer")], Repository.Advisories.Select(a => (a.State, a.Summary)));
    }

    [Theory]
    [InlineData("""{"summary":"s","description":"d","vulnerabilities":[{"package":{"ecosystem":"PyPI","name":"x"}}]}""", "Invalid request.\n\n\"PyPI\" is not a valid value for \"ecosystem\".")]
    [InlineData("""{"summary":"s","description":"d","vulnerabilities":[],"severity":"high","cvss_vector_string":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}""", "Only one of severity and cvss_vector_string can be set.")]
    [InlineData("""{"summary":"s","vulnerabilities":[]}""", "Invalid request.\n\n\"description\" wasn't supplied.")]
    [InlineData("""{"summary":"s","description":"d","vulnerabilities":[],"cve_id":"2024-1"}""", "Invalid request.\n\n\"2024-1\" is not a valid value for \"cve_id\".")]
    public async Task Invalid_advisories_are_refused_with_422(string body, string message)
    {
        var refused = await Assert.ThrowsAsync<ApiValidationException>(() =>
            Connection.Post<string>(AdvisoriesUri, body, Accept, "application/json", parameters: null));

        Assert.Equal(message, refused.Message);
        Assert.Empty(Repository.Advisories);
    }

    [Fact]
    public async Task The_advisory_list_is_paginated_by_cursor_and_only_its_links_lead_to_the_next_page()
    {
        for (var i = 1; i <= 25; i++)
            await Send(HttpVerbs.Post, AdvisoriesUri, new JsonObject { ["summary"] = $"Advisory {i}", ["description"] = "d", ["vulnerabilities"] = new JsonArray() });
        var pageSize = new Dictionary<string, string> { ["per_page"] = "10" };

        var first = await Connection.Get<string>(AdvisoriesUri, pageSize);
        var pages = new List<IApiResponse<string>> { first };
        while (pages[^1].HttpResponse.ApiInfo.Links.TryGetValue("next", out var next))
            pages.Add(await Connection.Get<string>(next, null));
        var byPageNumber = await Connection.Get<string>(AdvisoriesUri, new Dictionary<string, string> { ["per_page"] = "10", ["page"] = "2" });
        var badCursor = await Assert.ThrowsAsync<ApiException>(() =>
            Connection.Get<string>(AdvisoriesUri, new Dictionary<string, string> { ["after"] = "bm90LWEtY3Vyc29y" }));

        var summaries = pages.SelectMany(page => Summaries(page)).ToList();
        Assert.Equal([10, 10, 5], pages.Select(page => Summaries(page).Count));
        // Newest first, as GitHub sorts by default; every advisory once.
        Assert.Equal(Enumerable.Range(1, 25).Reverse().Select(i => $"Advisory {i}"), summaries);
        Assert.Equal(["next"], first.HttpResponse.ApiInfo.Links.Keys);
        Assert.Contains("after=", first.HttpResponse.ApiInfo.Links["next"].Query, StringComparison.Ordinal);
        Assert.Equal(["prev"], pages[^1].HttpResponse.ApiInfo.Links.Keys);
        Assert.Equal(Summaries(first), Summaries(byPageNumber));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badCursor.StatusCode);

        static List<string> Summaries(IApiResponse<string> page) =>
            [.. JsonNode.Parse((string)page.HttpResponse.Body)!.AsArray().Select(advisory => Text(advisory!, "summary")!)];
    }

    [Fact]
    public async Task A_cvss_4_vector_is_scored_into_cvss_severities_and_an_invalid_one_is_refused()
    {
        var created = await Send(HttpVerbs.Post, AdvisoriesUri, new JsonObject
        {
            ["summary"] = "s",
            ["description"] = "d",
            ["vulnerabilities"] = new JsonArray(),
            ["cvss_vector_string"] = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
        });
        var invalid = await Assert.ThrowsAsync<ApiValidationException>(() => Connection.Post<string>(AdvisoriesUri,
            """{"summary":"s","description":"d","vulnerabilities":[],"cvss_vector_string":"CVSS:3.1/AV:N"}""", Accept, "application/json", parameters: null));
        var tooLong = await Assert.ThrowsAsync<ApiValidationException>(() => Connection.Post<string>(AdvisoriesUri,
            $$"""{"summary":"{{new string('s', 1025)}}","description":"d","vulnerabilities":[]}""", Accept, "application/json", parameters: null));

        Assert.Equal("critical", Text(created, "severity"));
        Assert.Equal(9.3, created["cvss_severities"]!["cvss_v4"]!["score"]!.GetValue<double>());
        Assert.Null(created["cvss"]!["vector_string"]);
        Assert.Equal("Invalid request.\n\n\"CVSS:3.1/AV:N\" is not a valid value for \"cvss_vector_string\".", invalid.Message);
        Assert.Equal("Invalid request.\n\n\"summary\" is too long (maximum is 1024 characters).", tooLong.Message);
    }

    [Fact]
    public async Task An_unknown_advisory_is_404()
    {
        var missing = await Assert.ThrowsAsync<NotFoundException>(() =>
            Connection.Get<string>(new Uri($"repos/{Owner}/{Name}/security-advisories/GHSA-2222-3333-4444", UriKind.Relative), null));

        Assert.Equal("Not Found", missing.Message);
    }

    private enum HttpVerbs { Get, Post, Patch }

    /// <summary>
    /// Octokit cannot deserialise into <c>string</c> (<c>Body</c> comes back null or empty), but the raw JSON text stays on
    /// <c>HttpResponse.Body</c>; that is the reflection-free way to read an endpoint Octokit has no model for.
    /// </summary>
    private async Task<JsonNode> Send(HttpVerbs verb, Uri uri, JsonObject? body)
    {
        IApiResponse<string> response = verb switch
        {
            HttpVerbs.Get => await Connection.Get<string>(uri, null),
            HttpVerbs.Post => await Connection.Post<string>(uri, body!.ToJsonString(), Accept, "application/json", parameters: null),
            _ => await Connection.Patch<string>(uri, body!.ToJsonString(), Accept),
        };
        return JsonNode.Parse((string)response.HttpResponse.Body)!;
    }

    private static string? Text(JsonNode node, string property) => node[property]?.GetValue<string>();
}
